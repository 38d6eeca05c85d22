import t from 'tap';
import { isDomainError } from '../errors.js';
import { buildGoodFaithEstimate } from './good-faith-estimate.js';
import { computeGfeDeliveryDeadline } from './gfe-delivery-deadline.js';
import { tenWeekIopInput } from './gfe-test-scenario.js';

t.test('a 10-week uninsured IOP with a 40% sliding-fee discount is itemized, grouped and totaled line by line', async (t) => {
  const gfe = buildGoodFaithEstimate(tenWeekIopInput());
  t.equal(gfe.items.length, 2, '30 dated IOP days become one line');
  const [intake, iop] = gfe.items;
  t.match(intake, { code: '90791', quantity: 1, period: { from: '2026-03-02', to: '2026-03-02' }, chargeCents: 25_000, estimateCents: 15_000, discountCents: 10_000, diagnosisCodes: ['F33.1'] });
  t.match(iop, { code: 'S9480', codeSystem: 'HCPCS', quantity: 30, occurrences: 30, period: { from: '2026-03-02', to: '2026-05-08' }, unitChargeCents: 65_000, chargeCents: 1_950_000, estimateCents: 1_170_000, discountCents: 780_000 });
  t.same(gfe.totals.perProvider, [{ providerKey: 'clinic', name: 'Example Behavioral Health Clinic', chargeCents: 1_975_000, estimateCents: 1_185_000, disputeThresholdCents: 1_225_000 }]);
  t.equal(gfe.totals.chargeCents, 1_975_000);
  t.equal(gfe.totals.estimateCents, 1_185_000);
  t.equal(gfe.totals.discountCents, 790_000);
  t.equal(gfe.totals.perWeekCents, 118_500, '$11,850 over 10 calendar weeks');
  t.match(gfe.recurring, { from: '2026-03-02', to: '2026-05-08', weeks: 10 });
  t.match(gfe.slidingScale, { percentOfPovertyText: '175%', guidelineYear: 2026 });
});

t.test('the estimate carries every 45 CFR 149.610(c)(1) element and the dispute terms', async (t) => {
  const gfe = buildGoodFaithEstimate(tenWeekIopInput());
  t.same(gfe.contentChecklist.filter((c) => !c.present), []);
  t.same(gfe.disclaimers.map((d) => d.id), ['separate-scheduling', 'estimate-only', 'not-a-contract', 'recurring-scope']);
  t.match(gfe.dispute, { thresholdCents: 40_000, filingWindowDays: 120, feeCents: 2_500, infoUrl: 'https://www.cms.gov/nosurprises' });
  t.match(gfe.dispute.text, /\$400\.00 more[\s\S]*120 calendar days[\s\S]*\$25\.00 fee[\s\S]*cms\.gov\/nosurprises[\s\S]*will not affect the quality/);
  t.match(gfe.separatelyScheduled.note, /not priced/);
  t.match(gfe.disclaimers.find((d) => d.id === 'recurring-scope')?.source, /\[U\]/, 'the 12-month recurring limit is marked unverified');
});

t.test('an estimate missing diagnosis codes is flagged in its content checklist', async (t) => {
  const input = tenWeekIopInput();
  delete input.diagnosisCodes;
  const gfe = buildGoodFaithEstimate(input);
  t.same(gfe.contentChecklist.filter((c) => !c.present).map((c) => c.cfr), ['149.610(c)(1)(iv)']);
});

t.test('without a sliding scale the estimate equals the charges', async (t) => {
  const input = tenWeekIopInput();
  delete input.slidingScale;
  const gfe = buildGoodFaithEstimate(input);
  t.equal(gfe.totals.estimateCents, 1_975_000);
  t.equal(gfe.totals.discountCents, 0);
  t.equal(gfe.slidingScale, undefined);
});

t.test('bad GFE inputs are refused with pointers and never echo the patient', async (t) => {
  const input = tenWeekIopInput('Zelda');
  input.items[0] = { ...input.items[0]!, providerKey: 'nobody', quantity: 0 };
  input.providers[0] = { ...input.providers[0]!, npi: '123' };
  const error = t.throws(() => buildGoodFaithEstimate(input)) as unknown;
  t.ok(isDomainError(error) && error.code === 'estimate.invalid');
  if (!isDomainError(error)) return;
  t.same(error.errors.map((e) => e.pointer), ['/providers/0/npi', '/items/0/providerKey', '/items/0/quantity']);
  t.notMatch(JSON.stringify({ m: error.message, e: error.errors, meta: error.meta }), /Zelda|Synthetic-Patient|1990-01-01/);
});

t.test('the delivery deadline counts business days and skips weekends and holidays', async (t) => {
  // Scheduled on a holiday (Mon 2026-02-16) for Mon 2026-03-02: 9 business days ahead -> 1 business day.
  t.match(computeGfeDeliveryDeadline('2026-02-16', '2026-03-02', false, ['2026-02-16']), { rule: 'scheduled-3-plus-business-days', leadBusinessDays: 9, deliverBy: '2026-02-17' });
  // Same dates without the holiday: 10 business days ahead -> 3 business days.
  t.match(computeGfeDeliveryDeadline('2026-02-16', '2026-03-02', false), { rule: 'scheduled-10-plus-business-days', leadBusinessDays: 10, deliverBy: '2026-02-19' });
  // Friday scheduling, 1 business day later is Monday.
  t.match(computeGfeDeliveryDeadline('2026-03-06', '2026-03-11', false), { rule: 'scheduled-3-plus-business-days', leadBusinessDays: 3, deliverBy: '2026-03-09' });
  const soon = computeGfeDeliveryDeadline('2026-03-06', '2026-03-10', false);
  t.equal(soon.rule, 'scheduled-under-3-business-days');
  t.equal(soon.leadBusinessDays, 2);
  t.equal(soon.deliverBy, undefined);
  t.match(soon.note, /sets no Good Faith Estimate delivery deadline/);
  t.match(computeGfeDeliveryDeadline('2026-03-06', undefined, true), { rule: 'on-request', deliverBy: '2026-03-11' });
  t.throws(() => computeGfeDeliveryDeadline('2026-03-06', undefined, false), { code: 'estimate.invalid' });
});

t.test('a 10-week program that starts on a Wednesday is shown as 10 weeks, with the cost per week over 10 weeks', async (t) => {
  const input = tenWeekIopInput();
  delete input.slidingScale;
  // Wed, Fri and the next Mon for 10 program weeks from Wednesday 2026-03-04: 30 days, the last
  // on Monday 2026-05-11. Monday-to-Sunday calendar weeks would count 11 of them.
  const days = Array.from({ length: 30 }, (_, i) => {
    const offset = Math.floor(i / 3) * 7 + [0, 2, 5][i % 3]!;
    return new Date(Date.parse('2026-03-04T00:00:00Z') + offset * 86_400_000).toISOString().slice(0, 10);
  });
  input.items = days.map((date) => ({ providerKey: 'clinic', date, code: 'S9480', codeSystem: 'HCPCS', description: 'IOP per diem', quantity: 1, unitChargeCents: 65_000 }));
  input.primaryService = { description: 'IOP, 3 days a week for 10 weeks', scheduledDate: '2026-03-04' };
  input.scheduling = { ...input.scheduling, serviceDate: '2026-03-04' };
  input.programStartDate = '2026-03-04';
  const gfe = buildGoodFaithEstimate(input);
  // 30 x $650 = $19,500; over 10 weeks = $1,950 a week (over 11 it would be $1,772.73).
  t.equal(gfe.totals.estimateCents, 1_950_000);
  t.match(gfe.recurring, { from: '2026-03-04', to: '2026-05-11', weeks: 10 });
  t.equal(gfe.totals.perWeekCents, 195_000);
  delete input.programStartDate;
  t.equal(buildGoodFaithEstimate(input).recurring?.weeks, 10, 'without a start date, weeks count from the first service');
});

t.test('on a $15-a-day nominal fee the estimate is $15 for each day of service, even the day with the intake evaluation', async (t) => {
  const input = tenWeekIopInput();
  input.slidingScale = { ...input.slidingScale!, charge: { kind: 'nominal', amountCents: 1_500, per: 'day' } };
  const gfe = buildGoodFaithEstimate(input);
  const [intake, iop] = gfe.items;
  // 2 March has the $250 intake and a $650 program day: one day, $15, taken on the intake line.
  t.match(intake, { code: '90791', chargeCents: 25_000, estimateCents: 1_500 });
  // The other 29 program days at $15 each = $435.
  t.match(iop, { code: 'S9480', quantity: 30, chargeCents: 1_950_000, estimateCents: 43_500 });
  t.equal(gfe.totals.estimateCents, 45_000, '30 days of service x $15');
  t.equal(gfe.totals.discountCents, 1_975_000 - 45_000);
});
