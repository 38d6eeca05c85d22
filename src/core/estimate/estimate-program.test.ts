/**
 * Worked examples, each checked by hand; the arithmetic is in the comments. Prices (cents per day):
 * S9480 charge 45,000, self-pay 30,000, contracted PPO 25,000 / HMO 20,000, PPO out-of-network
 * allowed 18,000; H0015 contracted HDHP 19,000. Dates: 2025-03-03 is a Monday.
 */
import t from 'tap';
import type { CostSharingTerms, Sourced } from '../coverage/coverage-model.js';
import { type DomainError } from '../errors.js';
import { estimateProgramCost, type EstimateInput } from './estimate-program.js';
import type { FeeSchedule } from './fee-schedule.js';
import { buildManualTerms } from './manual-terms.js';

const feeSchedule: FeeSchedule = {
  id: 'worked-examples',
  outOfNetworkPercentOfChargePpm: { default: 500_000 },
  entries: [
    { code: 'S9480', codeSystem: 'HCPCS', description: 'IOP day', effectiveFrom: '2025-01-01', chargeCents: 45_000, selfPayCents: 30_000, contractedCents: { 'sandbox-ppo': 25_000, 'sandbox-hmo': 20_000 }, outOfNetworkAllowedCents: { 'sandbox-ppo': 18_000 } },
    { code: 'H0015', codeSystem: 'HCPCS', description: 'SUD IOP day', effectiveFrom: '2025-01-01', chargeCents: 40_000, selfPayCents: 25_000, contractedCents: { 'sandbox-hdhp': 19_000 } },
    { code: '90853', codeSystem: 'CPT', description: 'Group', effectiveFrom: '2025-01-01', chargeCents: 12_000, contractedCents: { 'sandbox-hmo': 4_500 } },
    { code: 'H2027', codeSystem: 'HCPCS', description: 'Education', effectiveFrom: '2025-01-01', chargeCents: 4_000, contractedCents: { 'sandbox-hmo': 1_600 } },
  ],
};

const x12 = <T>(value: T, id: string, segment: number): Sourced<T> => ({
  value, benefitIds: [id], sources: [{ format: 'x12-271', pointer: `ST 0001 / 2110C / segment ${segment} EB`, segmentIndex: segment }],
});

/** PPO in network: $1,500 deductible with $300 left, 20% coinsurance, $6,000 OOP max with $4,800 left. */
const ppoIn: CostSharingTerms = {
  network: 'in',
  deductible: { individual: { totalCents: x12(150_000, 'eb-11', 22), remainingCents: x12(30_000, 'eb-12', 23) } },
  outOfPocket: { individual: { totalCents: x12(600_000, 'eb-13', 24), remainingCents: x12(480_000, 'eb-14', 25) } },
  coinsurancePpm: x12(200_000, 'eb-15', 26),
  authorizationRequired: x12('no' as const, 'eb-10', 21),
  referralRequired: x12('no' as const, 'eb-10', 21),
  chosen: { serviceType: 'CF', reason: 'most specific present', fellBackToPlanLevel: false },
  unknowns: [],
};
/** PPO out of network: $3,000 deductible untouched, 40% coinsurance, $12,000 OOP max untouched. */
const ppoOut = buildManualTerms({
  network: 'out', deductible: { individual: { totalCents: 300_000, remainingCents: 300_000 } },
  outOfPocket: { individual: { totalCents: 1_200_000, remainingCents: 1_200_000 } }, coinsurancePpm: 400_000,
  authorizationRequired: 'no', referralRequired: 'no',
});

const iop12x3 = { levelOfCare: 'iop-mental-health' as const, startDate: '2025-03-03', daysPerWeek: 3, hoursPerDay: 3, weeks: 12 };
const base: EstimateInput = {
  plan: iop12x3, terms: { in: ppoIn }, networkStatus: 'in', feeSchedule, payerId: 'sandbox-ppo', asOf: '2025-03-01',
  planType: 'PPO', planYear: { startMonth: 1, startDay: 1 },
};

t.test('PPO, $300 of deductible left, 20% coinsurance: a 12-week IOP at 3 days a week costs $2,040', async (t) => {
  // 36 days at $250 allowed. Day 1: $250 all deductible ($50 left). Day 2: $50 deductible +
  // 20% x $200 = $40 -> $90. Days 3-36: 34 x 20% x $250 = 34 x $50 = $1,700. Total $250 + $90 +
  // $1,700 = $2,040. Plan pays 36 x $250 - $2,040 = $6,960. OOP left $4,800 - $2,040 = $2,760.
  const e = estimateProgramCost(base);
  const x = e.expected;
  t.same(x.lines.slice(0, 3).map((l) => [l.deductibleCents, l.coinsuranceCents, l.patientPaysCents, l.planPaysCents]), [
    [25_000, 0, 25_000, 0], [5_000, 4_000, 9_000, 16_000], [0, 5_000, 5_000, 20_000],
  ]);
  t.match(x.totals, { allowedCents: 900_000, deductibleCents: 30_000, coinsuranceCents: 174_000, patientPaysCents: 204_000, planPaysCents: 696_000, balanceBillCents: 0, patientTotalCents: 204_000 });
  t.equal(x.deductibleMetOn, '2025-03-05');
  t.equal(x.oopMetOn, undefined);
  t.equal(x.lines.at(-1)?.after.oopRemainingIndividualCents, 276_000);
  t.same(x.weeks.map((w) => w.patientTotalCents), [39_000, ...Array(11).fill(15_000)], 'week 1: $250 + $90 + $50');
  t.equal(x.weeks[0]?.hours, 9);
  t.same(e.range, { lowCents: 204_000, expectedCents: 204_000, highCents: 204_000 });
  t.equal(e.confidence.level, 'high');
  t.same(e.assumptions, []);
  t.equal(e.summary, 'You will likely pay about $2,040 over 12 weeks.');
  t.same(x.lines[1]?.cites, [
    'deductible: $300 individual remaining from benefit eb-12 (ST 0001 / 2110C / segment 23 EB)',
    'coinsurance: 20% from benefit eb-15 (ST 0001 / 2110C / segment 26 EB)',
  ]);
});

t.test('HMO with a $40 per-day copay that skips the deductible: $40 a day, 24 days = $960', async (t) => {
  // 8 weeks x 3 days = 24 days x $40 = $960; the plan pays 24 x ($200 - $40) = $3,840.
  const hmo = buildManualTerms({
    network: 'in', copay: { amountCents: 4_000, per: 'day' }, deductibleAppliesToCopay: false,
    deductible: { individual: { totalCents: 0, remainingCents: 0 } },
    outOfPocket: { individual: { totalCents: 450_000, remainingCents: 300_000 } }, authorizationRequired: 'yes', referralRequired: 'yes',
  });
  const e = estimateProgramCost({ ...base, plan: { ...iop12x3, weeks: 8 }, terms: { in: hmo }, payerId: 'sandbox-hmo', planType: 'HMO', authorization: { units: 24, unit: 'day' } });
  t.match(e.expected.totals, { copayCents: 96_000, deductibleCents: 0, coinsuranceCents: 0, patientPaysCents: 96_000, planPaysCents: 384_000 });
  t.equal(e.expected.lines[0]?.cites[0], 'copay: $40 per day, deductible does not apply from benefit copay, deductible-applies-to-copay (manual:copay; manual:deductible-applies-to-copay)');
  t.match(e.notices, [/referral/]);
  t.equal(e.expected.atRiskLines, 0, 'all 24 days are authorized');

  // Per-service days (90853 x2 $90 + H2027 x4 $64 = $154 allowed): the copay is charged once a day.
  const perService = estimateProgramCost({
    ...base, terms: { in: hmo }, payerId: 'sandbox-hmo',
    plan: { ...iop12x3, weeks: 2, billing: { model: 'per-service', services: [{ code: '90853', units: 2 }, { code: 'H2027', units: 4 }] } },
  });
  // 6 days x $40 = $240; allowed 6 x $154 = $924; plan pays $684.
  t.match(perService.expected.totals, { copayCents: 24_000, patientPaysCents: 24_000, allowedCents: 92_400, planPaysCents: 68_400 });
  t.same(perService.expected.lines.slice(0, 2).map((l) => l.patientPaysCents), [4_000, 0]);
});

t.test('HDHP: deductible met in week 4, out-of-pocket maximum reached in week 5, then $0', async (t) => {
  // SUD IOP, 5 days a week for 8 weeks at $190 allowed. Deductible $3,000: days 1-15 pay $190
  // each = $2,850 ($150 left). Day 16 (Mon 2025-03-24, week 4): $150 + 20% x $40 = $8 -> $158,
  // total $3,008. OOP left $3,300 - $3,008 = $292: days 17-23 pay 20% x $190 = $38 each = $266
  // (total $3,274, $26 left); day 24 (Thu 2025-04-03, week 5) pays $26. Days 25-40 pay $0.
  const hdhp = buildManualTerms({
    network: 'in', deductible: { individual: { totalCents: 300_000, remainingCents: 300_000 } },
    outOfPocket: { individual: { totalCents: 500_000, metCents: 170_000 } }, coinsurancePpm: 200_000,
    authorizationRequired: 'no', referralRequired: 'no',
  });
  const e = estimateProgramCost({
    ...base, plan: { levelOfCare: 'iop-substance-use', startDate: '2025-03-03', daysPerWeek: 5, hoursPerDay: 3, weeks: 8 },
    terms: { in: hdhp }, payerId: 'sandbox-hdhp', planType: 'HDHP',
  });
  const x = e.expected;
  t.equal(x.totals.patientPaysCents, 330_000);
  t.equal(x.deductibleMetOn, '2025-03-24');
  t.equal(x.oopMetOn, '2025-04-03');
  t.equal(x.lines[15]?.patientPaysCents, 15_800);
  t.equal(x.lines[23]?.patientPaysCents, 2_600);
  t.ok(x.lines[23]?.cites.some((c) => c.startsWith('out-of-pocket maximum: $3,300 individual remaining')), 'the capped day cites the OOP maximum');
  t.same(x.weeks.map((w) => w.patientTotalCents), [95_000, 95_000, 95_000, 31_000, 14_000, 0, 0, 0]);
  t.equal(e.summary, 'You will likely pay about $3,300 over 8 weeks; most of it in the first 4 weeks while your deductible is met. From April 3, 2025 you reach your out-of-pocket maximum and the plan pays covered days in full.');
});

t.test('a program starting 1 December runs into a new plan year and the full deductible applies again', async (t) => {
  // 6 weeks from Mon 2025-12-01, Mon/Wed/Fri: 14 days in 2025, then Jan 2, 5, 7, 9 in 2026.
  // 2025: $250 + $90 + 12 x $50 = $940. 2026: the $1,500 deductible restarts: 4 x $250 = $1,000
  // (deductible left $500). Total $1,940.
  const e = estimateProgramCost({ ...base, plan: { ...iop12x3, startDate: '2025-12-01', weeks: 6 }, asOf: '2025-11-20' });
  const x = e.expected;
  t.equal(x.lines.length, 18);
  t.equal(x.totals.patientPaysCents, 194_000);
  const jan = x.lines.filter((l) => l.date >= '2026-01-01');
  t.same(jan.map((l) => l.deductibleCents), [25_000, 25_000, 25_000, 25_000]);
  t.equal(jan.at(-1)?.after.deductibleRemainingIndividualCents, 50_000);
  t.equal(jan.at(-1)?.after.oopRemainingIndividualCents, 500_000, 'the new year starts from the $6,000 total');
  t.match(x.milestones.find((m) => m.kind === 'plan-year-reset'), { date: '2026-01-02' });
  t.match(x.lines.find((l) => l.date < '2026-01-01' && l.deductibleCents > 0)?.cites[0], /^deductible: \$[0-9,]+ individual remaining /, 'this year: what the payer said is left');
  t.match(jan[0]?.cites[0], /^deductible \(plan year from January 1, 2026\): \$1,500 individual \(the full total /, "the new year's lines cite the new year's total, not last year's remaining amount");
  t.equal(e.confidence.level, 'high', 'the plan year and totals were given');
  t.match(e.summary, /plan year starts over on January 1, 2026/, 'the summary warns the patient about the second deductible, on the day the year starts');
  // A program that starts months after the turnover: the year started on 1 January, not on day 1.
  const later = estimateProgramCost({ ...base, plan: { ...iop12x3, startDate: '2026-06-01', weeks: 2 }, asOf: '2025-11-20' });
  t.match(later.expected.milestones.find((m) => m.kind === 'plan-year-reset'), { date: '2026-06-01' });
  t.match(later.summary, /plan year starts over on January 1, 2026,/);
});

t.test('a 20-day IOP limit: days 21-36 are not covered and cost the self-pay rate', async (t) => {
  // Deductible already met. Days 1-20: 20% x $250 = $50 -> $1,000. Days 21-36: 16 x $300
  // self-pay = $4,800, not counted toward the OOP maximum. Day 21 is Fri 2025-04-18 (week 7).
  const limited: CostSharingTerms = {
    ...ppoIn,
    deductible: { individual: { remainingCents: x12(0, 'eb-12', 23) } },
    limit: x12({ total: 30, remaining: 20, unit: 'day' as const, period: 'calendar-year' as const }, 'eb-16', 27),
  };
  const e = estimateProgramCost({ ...base, terms: { in: limited } });
  const x = e.expected;
  t.match(x.totals, { patientPaysCents: 580_000, notCoveredCents: 480_000, patientTotalCents: 580_000 });
  t.equal(x.notCoveredLines, 16);
  t.match(x.lines[20], { date: '2025-04-18', covered: false, notCoveredReason: 'past-limit', patientPaysCents: 30_000, planPaysCents: 0 });
  t.equal(x.lines[20]?.after.oopRemainingIndividualCents, 380_000, 'non-covered days do not count toward the OOP maximum');
  t.match(x.lines[20]?.cites[0], /^limit: 20 days remaining from benefit eb-16/);
  t.equal(x.deductibleMetBeforeProgram, true);
  t.match(e.summary, /16 service line\(s\) are past your plan's limit/);
});

/** 20% coinsurance, nothing left of a $0 deductible, a $10,000 OOP maximum untouched, and a day limit. */
const limitedTerms = (limit: { total?: number; remaining?: number; period: 'calendar-year' | 'plan-year' }) => buildManualTerms({
  network: 'in', deductible: { individual: { totalCents: 0, remainingCents: 0 } },
  outOfPocket: { individual: { totalCents: 1_000_000, remainingCents: 1_000_000 } }, coinsurancePpm: 200_000,
  authorizationRequired: 'no', referralRequired: 'no', limit: { ...limit, unit: 'day' },
});
const sixWeeksFrom = (startDate: string) => ({ ...iop12x3, startDate, weeks: 6 });

t.test('a calendar-year day limit starts over on 1 January even when the plan year starts on 1 July', async (t) => {
  // 18 days from Mon 2025-12-01: 14 in December, then Jan 2, 5, 7, 9. 5 of 30 days left: Dec days
  // 1-5 at 20% x $250 = $50 -> $250; Dec days 6-14 self-pay 9 x $300 = $2,700; the limit restarts
  // on 1 January with 30 days, so the 4 January days are covered: 4 x $50 = $200. Total $3,150.
  const e = estimateProgramCost({
    ...base, plan: sixWeeksFrom('2025-12-01'), asOf: '2025-11-20', planYear: { startMonth: 7, startDay: 1 },
    terms: { in: limitedTerms({ total: 30, remaining: 5, period: 'calendar-year' }) },
  });
  const x = e.expected;
  t.equal(x.totals.patientTotalCents, 315_000);
  t.equal(x.notCoveredLines, 9);
  t.match(x.lines.find((l) => l.date === '2026-01-02'), { covered: true, coinsuranceCents: 5_000 });
  t.match(x.milestones.filter((m) => m.kind === 'limit-reset'), [{ date: '2026-01-02', message: /New calendar year from January 1, 2026: the day limit starts over \(30 days\)/ }]);
  t.equal(x.milestones.filter((m) => m.kind === 'plan-year-reset').length, 0, 'the plan year does not turn over in this program');
  t.equal(x.milestones.filter((m) => m.kind === 'limit-reached').length, 1);
});

t.test('a calendar-year day limit does not start over on a 1 July plan-year start', async (t) => {
  // 18 days from Mon 2026-06-01 (13 in June, 5 in July). 5 days left: $250 covered, then 13 days
  // at the $300 self-pay rate = $3,900, the July days included. Total $4,150.
  const e = estimateProgramCost({
    ...base, plan: sixWeeksFrom('2026-06-01'), asOf: '2026-05-20', planYear: { startMonth: 7, startDay: 1 },
    terms: { in: limitedTerms({ total: 30, remaining: 5, period: 'calendar-year' }) },
  });
  t.equal(e.expected.totals.patientTotalCents, 415_000);
  t.equal(e.expected.notCoveredLines, 13);
  t.equal(e.expected.milestones.filter((m) => m.kind === 'limit-reset').length, 0);
});

t.test('a plan-year day limit starts over on the 1 July plan-year start', async (t) => {
  // Same program: 5 June days covered ($250), 8 June days self-pay ($2,400), and from 1 July the
  // 30-day limit restarts, so the 5 July days are covered ($250). Total $2,900.
  const e = estimateProgramCost({
    ...base, plan: sixWeeksFrom('2026-06-01'), asOf: '2026-05-20', planYear: { startMonth: 7, startDay: 1 },
    terms: { in: limitedTerms({ total: 30, remaining: 5, period: 'plan-year' }) },
  });
  t.equal(e.expected.totals.patientTotalCents, 290_000);
  t.match(e.expected.milestones.filter((m) => m.kind === 'limit-reset'), [{ date: '2026-07-01' }]);
  // Days 1-5 are Jun 1, 3, 5, 8, 10: the sixth, Fri Jun 12, is the first past the limit.
  t.same(e.expected.milestones.filter((m) => m.kind === 'limit-reached').map((m) => m.date), ['2026-06-12']);
});

t.test('a limit given only as days remaining: the new year allowance is an assumption, shown as a range', async (t) => {
  // 2 days left, no yearly total. December: 2 covered ($100) + 12 self-pay ($3,600) = $3,700.
  // January (4 days): expected and high assume the new year allows only 2 days: $100 + $600 ->
  // $4,400; low assumes no limit in the new year: 4 x $50 = $200 -> $3,900.
  const e = estimateProgramCost({
    ...base, plan: sixWeeksFrom('2025-12-01'), asOf: '2025-11-20',
    terms: { in: limitedTerms({ remaining: 2, period: 'calendar-year' }) },
  });
  t.same(e.range, { lowCents: 390_000, expectedCents: 440_000, highCents: 440_000 });
  t.match(e.assumptions.find((a) => a.id === 'new-year-limit-unknown'), { scenarios: ['low', 'expected', 'high'], impact: 'medium' });
  t.match(e.low.milestones.find((m) => m.kind === 'limit-reset'), { message: /no limit assumed/ });
});

t.test('out of network: cost share on the $180 allowed plus a $270-a-day balance bill', async (t) => {
  // Allowed $180. Deductible $3,000: days 1-16 = $2,880 ($120 left). Day 17: $120 + 40% x $60 =
  // $24 -> $144. Days 18-36: 19 x 40% x $180 = 19 x $72 = $1,368. Cost share $4,392.
  // Balance bill 36 x ($450 - $180) = $9,720. Total $14,112.
  const e = estimateProgramCost({ ...base, terms: { out: ppoOut }, networkStatus: 'out' });
  t.match(e.expected.totals, { allowedCents: 648_000, patientPaysCents: 439_200, balanceBillCents: 972_000, patientTotalCents: 1_411_200 });
  t.equal(e.balanceBillingDependsOnStateLaw, true);
  t.match(e.notices, [/state law/]);
  t.match(e.summary, /about \$9,720 the clinic may bill above what your plan allows/);
});

t.test('unknown network: low is in network ($2,040), high out of network ($14,112), expected in network because the clinic has a contract', async (t) => {
  const e = estimateProgramCost({ ...base, terms: { in: ppoIn, out: ppoOut }, networkStatus: 'unknown' });
  t.same(e.range, { lowCents: 204_000, expectedCents: 204_000, highCents: 1_411_200 });
  t.equal(e.low.network, 'in');
  t.equal(e.high.network, 'out');
  t.equal(e.confidence.level, 'low');
  t.ok(e.assumptions.some((a) => a.id === 'network-unknown'));
  t.match(e.summary, /^You will likely pay about \$2,040 over 12 weeks \(between \$2,040 and \$14,110/);
  // Without a contracted rate for the payer, expected falls to out of network.
  const noContract = estimateProgramCost({ ...base, terms: { in: ppoIn, out: ppoOut }, networkStatus: 'unknown', payerId: 'sandbox-hmo' });
  t.equal(noContract.expected.network, 'in', 'sandbox-hmo has a contracted S9480 rate');
});

t.test('the range spans the scenarios even when the favourable reading of an unknown costs more out of network', async (t) => {
  // Out of network, 2 visits left and no yearly total. A covered day costs 20% x $180 = $36 plus a
  // $270 balance bill = $306, more than the $300 self-pay price of an uncovered day. December: 2 x
  // $306 + 12 x $300 = $4,212. January (4 days): expected/high allow 2 more: 2 x $306 + 2 x $300 =
  // $1,212 -> $5,424; low assumes no limit: 4 x $306 = $1,224 -> $5,436.
  const out = buildManualTerms({
    network: 'out', deductible: { individual: { totalCents: 0, remainingCents: 0 } },
    outOfPocket: { individual: { totalCents: 1_000_000, remainingCents: 1_000_000 } }, coinsurancePpm: 200_000,
    limit: { remaining: 2, unit: 'day', period: 'calendar-year' },
  });
  const e = estimateProgramCost({ ...base, plan: sixWeeksFrom('2025-12-01'), asOf: '2025-11-20', networkStatus: 'out', terms: { out } });
  t.equal(e.low.totals.patientTotalCents, 543_600);
  t.equal(e.expected.totals.patientTotalCents, 542_400);
  t.same(e.range, { lowCents: 542_400, expectedCents: 542_400, highCents: 543_600 });
  t.match(e.summary, /between \$5,420 and \$5,440/);
});

t.test('unknown network and no contracted rate with the payer: every scenario prices out of network instead of failing', async (t) => {
  // No contract with sandbox-epo, so the allowed amount is 50% of the $450 charge = $225. $3,000
  // deductible: days 1-13 = $2,925 ($75 left); day 14: $75 + 40% x $150 = $60 -> $135; days 15-36:
  // 22 x 40% x $225 = 22 x $90 = $1,980. Cost share $5,040; balance bill 36 x $225 = $8,100.
  const e = estimateProgramCost({ ...base, terms: { in: ppoIn, out: ppoOut }, networkStatus: 'unknown', payerId: 'sandbox-epo' });
  t.same([e.low.network, e.expected.network, e.high.network], ['out', 'out', 'out']);
  t.same(e.range, { lowCents: 1_314_000, expectedCents: 1_314_000, highCents: 1_314_000 });
  t.match(e.assumptions.find((a) => a.id === 'network-unknown')?.text, /every scenario prices out of network .*no contracted rate/);
});

t.test('unknown network with no out-of-network benefits: high is the self-pay price', async (t) => {
  // 36 days x $300 self-pay = $10,800.
  const e = estimateProgramCost({ ...base, networkStatus: 'unknown' });
  t.equal(e.high.coverage, 'no-out-of-network-benefits');
  t.equal(e.range.highCents, 1_080_000);
});

t.test('unknown coinsurance becomes a range: 20% typical to 100% until the OOP maximum', async (t) => {
  // Low/expected 20%: $2,040 as in the PPO example. High 100%: 36 x $250 = $9,000, capped at the
  // $4,800 OOP remaining.
  const { coinsurancePpm: _drop, ...noCoins } = ppoIn;
  const e = estimateProgramCost({ ...base, terms: { in: { ...noCoins, unknowns: ['coinsurance'] } } });
  t.same(e.range, { lowCents: 204_000, expectedCents: 204_000, highCents: 480_000 });
  t.equal(e.confidence.level, 'low');
  t.match(e.assumptions.find((a) => a.id === 'cost-share-unknown'), { scenarios: ['low', 'expected', 'high'], impact: 'high' });
  t.same(e.payerUnknowns, ['coinsurance']);
});

t.test('unknown deductible order for a copay: low skips the deductible, high applies it first', async (t) => {
  // Copay $40/day; deductible $300 left; no coinsurance. Low: 36 x $40 = $1,440.
  // High: day 1 $250 deductible ($50 left) + copay min($40, $0) = $250; day 2 $50 + $40 = $90;
  // days 3-36: 34 x $40 = $1,360. Total $1,700. Expected (PPO): copay skips the deductible.
  const copayOnly = buildManualTerms({
    network: 'in', copay: { amountCents: 4_000, per: 'day' }, deductible: { individual: { remainingCents: 30_000 } },
    outOfPocket: { individual: { remainingCents: 480_000 } },
  });
  const e = estimateProgramCost({ ...base, terms: { in: copayOnly } });
  t.same(e.range, { lowCents: 144_000, expectedCents: 144_000, highCents: 170_000 });
  t.equal(e.confidence.level, 'medium');
  t.match(e.notices, [/ask before the first day/], 'authorization requirement unknown');
  const hdhp = estimateProgramCost({ ...base, terms: { in: copayOnly }, planType: 'HDHP' });
  t.equal(hdhp.range.expectedCents, 170_000, 'on an HDHP the deductible comes first');
});

t.test('embedded family deductible: the smaller of individual and family remaining applies', async (t) => {
  // Individual $300 left, family $100 left -> $100. Day 1: $100 + 20% x $150 = $30 -> $130;
  // days 2-36: 35 x $50 = $1,750. Total $1,880.
  const fam = { ...ppoIn, deductible: { individual: ppoIn.deductible.individual, family: { remainingCents: x12(10_000, 'eb-17', 28) } } } as CostSharingTerms;
  const e = estimateProgramCost({ ...base, terms: { in: fam } });
  t.equal(e.expected.totals.patientPaysCents, 188_000);
  t.equal(e.expected.lines[0]?.after.deductibleRemainingFamilyCents, 0);
  // Aggregate when flagged: only the family amount counts, same result here since it is smaller;
  // with family $400 left the aggregate deductible is $400: day 1 $250, day 2 $150 + $20 = $170,
  // days 3-36 34 x $50 = $1,700 -> $2,120.
  const fam400 = { ...fam, deductible: { ...fam.deductible, family: { remainingCents: x12(40_000, 'eb-17', 28) } } };
  t.equal(estimateProgramCost({ ...base, terms: { in: fam400 }, deductibleMode: 'aggregate' }).expected.totals.patientPaysCents, 212_000);
  t.equal(estimateProgramCost({ ...base, terms: { in: fam400 } }).expected.totals.patientPaysCents, 204_000, 'embedded: the $300 individual applies');
});

t.test('days past the authorized units are flagged at risk but still priced as covered', async (t) => {
  const e = estimateProgramCost({ ...base, authorization: { units: 10, unit: 'day' } });
  t.equal(e.expected.atRiskLines, 26);
  t.equal(e.expected.lines[9]?.atRisk, false);
  t.equal(e.expected.lines[10]?.atRisk, true);
  t.equal(e.expected.totals.patientPaysCents, 204_000);
  t.match(e.expected.milestones.find((m) => m.kind === 'authorization-exceeded'), { date: '2025-03-26' });
});

t.test('a level of care the plan excludes costs the self-pay price, flagged', async (t) => {
  const excluded: CostSharingTerms = { ...ppoIn, notCovered: x12(true as const, 'eb-3', 14) };
  const e = estimateProgramCost({ ...base, terms: { in: excluded } });
  t.equal(e.expected.coverage, 'level-not-covered');
  t.match(e.expected.totals, { patientPaysCents: 1_080_000, planPaysCents: 0, notCoveredCents: 1_080_000 });
  t.match(e.expected.lines[0]?.cites, [/^not covered: .* from benefit eb-3/]);
  t.match(e.summary, /does not cover this level of care/);
});

t.test('inputs that cannot be estimated are rejected with pointers', async (t) => {
  const noTerms = t.throws(() => estimateProgramCost({ ...base, terms: {} })) as DomainError;
  t.equal(noTerms.code, 'estimate.invalid');
  t.same(noTerms.errors.map((e) => e.pointer), ['/terms']);
  const inMissing = t.throws(() => estimateProgramCost({ ...base, terms: { out: ppoOut } })) as DomainError;
  t.same(inMissing.errors.map((e) => e.pointer), ['/terms/in']);
  const badPlan = t.throws(() => estimateProgramCost({ ...base, plan: { ...iop12x3, hoursPerDay: 30 } })) as DomainError;
  t.equal(badPlan.code, 'plan.invalid');
  const missingRate = t.throws(() => estimateProgramCost({ ...base, payerId: 'sandbox-nobody' })) as DomainError;
  t.equal(missingRate.code, 'pricing.missing-rate');
  const noFebruary30 = t.throws(() => estimateProgramCost({ ...base, planYear: { startMonth: 2, startDay: 30 } })) as DomainError;
  t.same(noFebruary30.errors.map((e) => e.pointer), ['/planYear/startDay']);
  t.throws(() => estimateProgramCost({ ...base, planYear: { startMonth: 4, startDay: 31 } }), { code: 'estimate.invalid' }, '31 April is not a day');
  t.doesNotThrow(() => estimateProgramCost({ ...base, planYear: { startMonth: 2, startDay: 29 } }), 'a 29 February plan year is allowed');
});
