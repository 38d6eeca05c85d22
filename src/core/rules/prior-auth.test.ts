import t from 'tap';
import { isDomainError } from '../errors.js';
import { evaluatePriorAuth, type PriorAuthInput, type PriorAuthRule } from './prior-auth.js';

const src = (title: string) => ({ title, verified: true });
const RULES: PriorAuthRule[] = [
  { id: 'hmo-referral', payer: '*', planTypes: ['HMO', 'POS'], levelsOfCare: '*', effective: { from: '2000-01-01' }, referral: { required: 'yes' }, illustrative: true, source: src('HMO default') },
  { id: 'ppo-referral', payer: '*', planTypes: ['PPO'], levelsOfCare: '*', effective: { from: '2000-01-01' }, referral: { required: 'no' }, illustrative: true, source: src('PPO default') },
  { id: 'decision-15', payer: '*', planTypes: '*', levelsOfCare: '*', effective: { from: '2000-01-01' }, decisionTime: { standardCalendarDays: 15, text: 'ERISA' }, illustrative: false, source: src('ERISA') },
  { id: 'decision-7', payer: '*', planTypes: ['Medicaid'], levelsOfCare: '*', effective: { from: '2026-01-01' }, decisionTime: { standardCalendarDays: 7, urgentHours: 72, text: 'CMS-0057-F' }, illustrative: false, source: src('CMS-0057-F') },
  { id: 'iop-review', payer: '*', planTypes: '*', levelsOfCare: ['iop-mental-health'], effective: { from: '2000-01-01' }, concurrentReviewIntervalDays: 7, reviewLeadDays: 1, illustrative: true, source: src('vendor') },
  {
    id: 'acme-iop', payer: { id: 'acme' }, planTypes: '*', levelsOfCare: ['iop-mental-health'], effective: { from: '2025-01-01' },
    authorization: { required: 'yes' }, initialAuthorization: { units: 6 }, submission: [{ method: 'portal', text: 'Acme portal' }], illustrative: true, source: src('Acme manual'),
  },
  // Acme drops IOP authorization for its PPO from 2026-03-16: a mid-program change.
  { id: 'acme-ppo-iop-old', payer: { id: 'acme' }, planTypes: ['PPO'], levelsOfCare: ['iop-mental-health'], effective: { from: '2025-01-01', to: '2026-03-15' }, authorization: { required: 'yes' }, illustrative: true, source: src('Acme 2025 list') },
  { id: 'acme-ppo-iop-new', payer: { id: 'acme' }, planTypes: ['PPO'], levelsOfCare: ['iop-mental-health'], effective: { from: '2026-03-16' }, authorization: { required: 'no' }, illustrative: true, source: src('Acme 2026 update') },
  { id: 'nopa-iop', payer: { id: 'nopa' }, planTypes: '*', levelsOfCare: ['iop-mental-health'], effective: { from: '2025-01-01' }, authorization: { required: 'no' }, illustrative: true, source: src('NoPA policy') },
  { id: 'medicaid-group', payer: { group: 'state-medicaid' }, planTypes: '*', levelsOfCare: '*', effective: { from: '2024-10-01' }, authorization: { required: 'yes' }, initialAuthorization: { calendarDays: 30 }, illustrative: true, source: src('State notice') },
];

/** Mon/Wed/Fri for `weeks` weeks from Monday 2026-03-02. */
function mwf(weeks: number, start = '2026-03-02'): string[] {
  const out: string[] = [];
  const base = Date.parse(`${start}T00:00:00Z`);
  for (let w = 0; w < weeks; w += 1) for (const d of [0, 2, 4]) out.push(new Date(base + (w * 7 + d) * 86_400_000).toISOString().slice(0, 10));
  return out;
}

const input = (over: Partial<PriorAuthInput>): PriorAuthInput => ({ payerId: 'acme', planType: 'HMO', levelOfCare: 'iop-mental-health', ...over });

t.test('the rules say authorization is required but the payer says no: required, with the conflict noted', async (t) => {
  const result = evaluatePriorAuth(input({ payerSaid: { authorizationRequired: 'no', referralRequired: 'unknown', notes: [], sources: ['2110C/EB seg 12'] } }), RULES);
  t.equal(result.authorization.required, 'required');
  t.equal(result.authorization.conflict, true);
  t.match(result.authorization.reasons.map((r) => r.source).join('\n'), /rule acme-iop[\s\S]*2110C\/EB seg 12/);
  t.match(result.authorization.reasons.at(-1)?.text, /not required but the rules say it is/);
});

t.test('the payer says authorization is required but the rule says no: required, citing both', async (t) => {
  const result = evaluatePriorAuth(input({ payerId: 'nopa', payerSaid: { authorizationRequired: 'yes', referralRequired: 'unknown', notes: [], sources: ['EB11=Y'] } }), RULES);
  t.equal(result.authorization.required, 'required');
  t.equal(result.authorization.conflict, true);
  const sources = result.authorization.reasons.map((r) => r.source);
  t.ok(sources.some((s) => s.includes('EB11=Y')), 'cites the payer');
  t.ok(sources.some((s) => s.includes('nopa-iop')), 'cites the rule');
  t.match(result.authorization.reasons.at(-1)?.text, /safer answer/);
  // The day-by-day list agrees with the overall answer: the payer's "required" covers every day.
  const withDays = evaluatePriorAuth(input({ payerId: 'nopa', programDates: mwf(2), requestDate: '2026-02-01', payerSaid: { authorizationRequired: 'yes', referralRequired: 'unknown', notes: [], sources: ['EB11=Y'] } }), RULES);
  t.equal(withDays.days.length, 6);
  t.ok(withDays.days.every((d) => d.authorization === 'yes' && d.ruleId === undefined), 'no day says "no" under an overall "required"');
});

t.test('the payer says no and no rule says otherwise: not required', async (t) => {
  const result = evaluatePriorAuth(input({ payerId: 'nopa', payerSaid: { authorizationRequired: 'no', referralRequired: 'no', notes: [], sources: [] } }), RULES);
  t.equal(result.authorization.required, 'not-required');
  t.equal(result.authorization.conflict, false);
  t.equal(result.timeline, undefined, 'no timeline when nothing needs approval');
});

t.test('an unknown payer with no payer answer leaves authorization unknown and says to ask', async (t) => {
  const result = evaluatePriorAuth(input({ payerId: 'never-heard-of', planType: 'PPO' }), RULES);
  t.equal(result.authorization.required, 'unknown');
  t.match(result.authorization.reasons[0]?.text, /Ask the payer/);
  t.equal(result.referral.required, 'not-required', 'a PPO needs no referral by the default rule');
});

t.test('an HMO needs a referral even when the payer said nothing about it', async (t) => {
  const result = evaluatePriorAuth(input({ payerSaid: { authorizationRequired: 'unknown', referralRequired: 'unknown', notes: [], sources: [] } }), RULES);
  t.equal(result.referral.required, 'required');
  t.match(result.referral.reasons[0]?.source, /hmo-referral/);
  const payerSaysNo = evaluatePriorAuth(input({ payerSaid: { authorizationRequired: 'unknown', referralRequired: 'no', notes: [], sources: [] } }), RULES);
  t.equal(payerSaysNo.referral.required, 'required', 'HMO referral stays required against a payer "no"');
  t.equal(payerSaysNo.referral.conflict, true);
});

t.test('a payer note mentioning pre-certification counts as the payer saying authorization is required', async (t) => {
  for (const note of ['PRE-CERTIFICATION REQUIRED FOR IOP', 'Precert needed; call UM', 'Prior auth required after 5 visits']) {
    const result = evaluatePriorAuth(input({ payerId: 'nopa', payerSaid: { authorizationRequired: 'unknown', referralRequired: 'unknown', notes: [note], sources: ['MSG'] } }), RULES);
    t.equal(result.authorization.required, 'required', note);
    t.match(result.authorization.reasons.at(-1)?.text, /pre-certification or prior authorization/);
  }
  const unrelated = evaluatePriorAuth(input({ payerId: 'nopa', payerSaid: { authorizationRequired: 'unknown', referralRequired: 'unknown', notes: ['Certification of eligibility on file'], sources: [] } }), RULES);
  t.equal(unrelated.authorization.required, 'not-required', 'a note without precert wording changes nothing');
  for (const note of ['PRIOR AUTHORIZATION NOT REQUIRED', 'NO PRECERT NEEDED FOR OUTPATIENT MH', 'Plan does not require pre-authorization', 'REFERRAL REQUIRED; PRIOR AUTHORIZATION NOT REQUIRED']) {
    const waived = evaluatePriorAuth(input({ payerId: 'nopa', payerSaid: { authorizationRequired: 'unknown', referralRequired: 'unknown', notes: [note], sources: ['MSG'] } }), RULES);
    t.equal(waived.authorization.required, 'not-required', `a note that says it is not required is not read as required: ${note}`);
  }
  const mixed = evaluatePriorAuth(input({ payerId: 'nopa', payerSaid: { authorizationRequired: 'unknown', referralRequired: 'unknown', notes: ['NO PRECERT FOR OFFICE VISITS; PRECERTIFICATION REQUIRED FOR IOP'], sources: ['MSG'] } }), RULES);
  t.equal(mixed.authorization.required, 'required', 'one clause requiring it is enough');
});

t.test('a rule that changes on an effective date mid-program governs only the days from that date', async (t) => {
  const dates = mwf(4); // 2026-03-02 .. 2026-03-27
  const result = evaluatePriorAuth(input({ planType: 'PPO', programDates: dates }), RULES);
  const before = result.days.filter((d) => d.date <= '2026-03-15');
  const after = result.days.filter((d) => d.date >= '2026-03-16');
  t.same([...new Set(before.map((d) => `${d.authorization}:${d.ruleId}`))], ['yes:acme-ppo-iop-old']);
  t.same([...new Set(after.map((d) => `${d.authorization}:${d.ruleId}`))], ['no:acme-ppo-iop-new']);
  t.equal(result.authorization.required, 'required', 'required overall because the first two weeks need it');
  t.same(result.timeline?.initialAuthorizationCovers, { from: '2026-03-02', to: '2026-03-13', days: 6 });
  t.same(result.timeline?.reviews, [], 'no reviews: no day after the change needs approval');
  t.same(result.timeline?.daysAtRiskWithoutApproval, []);
});

t.test('the timeline says when to submit, when to review, and which days are at risk if submitted late', async (t) => {
  const dates = mwf(4);
  const onTime = evaluatePriorAuth(input({ programDates: dates, requestDate: '2026-02-14' }), RULES);
  // 15-day decision time: submit by 2026-03-02 - 16 days = Saturday 2026-02-14, so Friday the 13th;
  // sent on the 14th anyway, the decision is due 2026-03-01.
  t.equal(onTime.timeline?.submitBy, '2026-02-13', 'a Saturday submit-by date moves to the Friday before');
  t.ok(onTime.timeline?.notes.some((n) => n.includes('Saturday (2026-02-14)') && n.includes('2026-02-13')), 'the note says why');
  t.equal(onTime.timeline?.decisionDueBy, '2026-03-01');
  t.same(onTime.timeline?.initialAuthorizationCovers, { from: '2026-03-02', to: '2026-03-13', days: 6 }, '6 units = first 6 program days');
  t.same(onTime.timeline?.reviews, [
    { date: '2026-03-12', coversThrough: '2026-03-20' },
    { date: '2026-03-19', coversThrough: '2026-03-27' },
  ]);
  t.same(onTime.timeline?.daysAtRiskWithoutApproval, []);
  t.same(onTime.submission, [{ method: 'portal', text: 'Acme portal' }]);

  const late = evaluatePriorAuth(input({ programDates: dates, requestDate: '2026-02-20' }), RULES);
  t.equal(late.timeline?.decisionDueBy, '2026-03-07');
  t.same(late.timeline?.daysAtRiskWithoutApproval, ['2026-03-02', '2026-03-04', '2026-03-06']);
});

t.test('a Medicaid plan in 2026 uses the 7-day decision time and a 30-day initial authorization; days past it without a review are at risk', async (t) => {
  const dates = mwf(6, '2026-04-06');
  const result = evaluatePriorAuth(input({ payerId: 'state-mco', payerGroup: 'state-medicaid', planType: 'Medicaid', levelOfCare: 'residential', programDates: dates }), RULES);
  t.equal(result.decisionTime?.standardCalendarDays, 7);
  t.equal(result.timeline?.submitBy, '2026-03-27', 'Sunday 2026-03-29 (day 1 minus 8 days) moves to Friday');
  t.same(result.timeline?.initialAuthorizationCovers, { from: '2026-04-06', to: '2026-05-05', days: 13 });
  t.same(result.timeline?.reviews, [], 'no review interval is known for residential care here');
  t.same(result.timeline?.daysAtRiskWithoutApproval, ['2026-05-06', '2026-05-08', '2026-05-11', '2026-05-13', '2026-05-15']);
});

t.test('a submit-by date on a federal holiday moves to the working day before, and the note names the holiday', async (t) => {
  // Day 1 is Friday 2026-12-04; a 7-day decision puts the latest submission on Thursday
  // 2026-11-26, Thanksgiving Day, when the payer's review office is closed.
  const dates = ['2026-12-04', '2026-12-07', '2026-12-08', '2026-12-09'];
  const result = evaluatePriorAuth(input({ payerId: 'state-mco', payerGroup: 'state-medicaid', planType: 'Medicaid', levelOfCare: 'residential', programDates: dates }), RULES);
  t.equal(result.timeline?.submitBy, '2026-11-25');
  t.ok(result.timeline?.notes.some((n) => n.includes('fell on a federal holiday (Thanksgiving Day) (2026-11-26)')));
});

t.test('concurrent review dates that fall on a weekend move to the Friday before, and say so', async (t) => {
  // Program from Wednesday 2026-03-04: the 6-unit initial authorization covers through Monday
  // 2026-03-16, and a review 1 day before that would be Sunday 2026-03-15.
  const dates = ['2026-03-04', '2026-03-06', '2026-03-09', '2026-03-11', '2026-03-13', '2026-03-16', '2026-03-18', '2026-03-20', '2026-03-23', '2026-03-25', '2026-03-27', '2026-03-30'];
  const result = evaluatePriorAuth(input({ programDates: dates }), RULES);
  const reviewDays = (result.timeline?.reviews ?? []).map((r) => new Date(`${r.date}T00:00:00Z`).getUTCDay());
  t.ok(reviewDays.length > 0, 'reviews are scheduled');
  t.notOk(reviewDays.some((d) => d === 0 || d === 6), 'no review date is a Saturday or Sunday');
  t.equal(result.timeline?.reviews[0]?.date, '2026-03-13', 'Sunday 2026-03-15 moves to Friday 2026-03-13');
  t.ok(result.timeline?.notes.some((n) => n.includes('concurrent review date(s) fell on a weekend')), 'the note says why');
  const weekday = evaluatePriorAuth(input({ programDates: mwf(4) }), RULES);
  t.notOk(weekday.timeline?.notes.some((n) => n.includes('concurrent review date')), 'no note when no review moved');
});

t.test('program days out of order or not dates are refused with pointers', async (t) => {
  const error = t.throws(() => evaluatePriorAuth(input({ programDates: ['2026-03-02', '2026-03-01', 'soon'], requestDate: '03/01/2026' }), RULES)) as unknown;
  t.ok(isDomainError(error) && error.code === 'prior-auth.invalid');
  t.same(isDomainError(error) ? error.errors.map((e) => e.pointer) : [], ['/programDates/1', '/programDates/2', '/requestDate']);
});
