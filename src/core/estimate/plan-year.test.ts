import t from 'tap';
import { coverageConfirmedThrough, planYearFromPayerDates } from './plan-year.js';

t.test("a whole benefit or plan year in the payer's dates gives the plan year start", async (t) => {
  t.same(planYearFromPayerDates({ planBegin: '2025-07-01', planEnd: '2026-06-30' }), {
    startMonth: 7, startDay: 1, source: "the payer's plan dates (2025-07-01 to 2026-06-30)",
  });
  t.match(planYearFromPayerDates({ benefitYearBegin: '2025-10-01', benefitYearEnd: '2026-09-30', planBegin: '2026-01-01', planEnd: '2026-12-31' }), { startMonth: 10, startDay: 1 }, 'the benefit period (the accumulator year) wins over plan dates');
  t.match(planYearFromPayerDates({ planBegin: '2026-01-01', planEnd: '2026-12-31' }), { startMonth: 1, startDay: 1 });
  t.match(planYearFromPayerDates({ planBegin: '2026-04-15', planEnd: '2027-04-15' }), { startMonth: 4, startDay: 15 }, 'an end on the anniversary itself is read as one year too');
  t.match(planYearFromPayerDates({ planBegin: '2024-03-01', planEnd: '2025-02-28' }), { startMonth: 3, startDay: 1 }, 'a year that spans a leap day');
});

t.test('dates that do not describe one whole year say nothing about the plan year', async (t) => {
  t.equal(planYearFromPayerDates({ planBegin: '2026-03-15', planEnd: '2026-12-31' }), undefined, 'a mid-year enrollment: the plan year is not 15 March');
  t.equal(planYearFromPayerDates({ planBegin: '2025-07-01' }), undefined, 'a begin date alone may be the enrollment date');
  t.equal(planYearFromPayerDates({ planBegin: '2025-07-01', planEnd: '2027-06-30' }), undefined, 'two years');
  t.equal(planYearFromPayerDates({ eligibilityBegin: '2025-07-01', eligibilityEnd: '2026-06-30' }), undefined, 'eligibility dates are the member\'s, not the plan year');
  t.equal(planYearFromPayerDates({}), undefined);
});

t.test('coverage is confirmed through the earlier of the eligibility end and the policy expiration, never the plan end', async (t) => {
  t.same(coverageConfirmedThrough({ eligibilityEnd: '2026-06-30', policyExpiration: '2026-09-30', planEnd: '2026-03-31' }), { date: '2026-06-30', source: "the payer's eligibility end date" });
  t.same(coverageConfirmedThrough({ policyExpiration: '2026-05-31', eligibilityEnd: '2026-06-30' }), { date: '2026-05-31', source: 'the policy expiration date' });
  t.equal(coverageConfirmedThrough({ planBegin: '2026-01-01', planEnd: '2026-12-31' }), undefined, 'a plan year ends and renews');
});
