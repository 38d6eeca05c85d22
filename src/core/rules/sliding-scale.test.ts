import t from 'tap';
import { isDomainError } from '../errors.js';
import type { PovertyGuideline } from './poverty-guidelines.js';
import { applySlidingScale, evaluateSlidingScale, type SlidingScaleInput } from './sliding-scale.js';
import type { SlidingFeeSchedule } from './sliding-fee-schedule.js';

// The core stays free of I/O, so its tests carry the figures inline; the adapter tests check the
// shipped files (fixtures/rules/) against the published tables.
const source = { document: 'test', url: 'https://example.org/' };
const guidelines: PovertyGuideline[] = [
  {
    year: 2025,
    effectiveFrom: '2025-01-15',
    source,
    regions: {
      contiguous: { baseCents: 1_565_000, perAdditionalPersonCents: 550_000, verified: true },
      alaska: { baseCents: 1_955_000, perAdditionalPersonCents: 688_000, verified: false },
      hawaii: { baseCents: 1_799_000, perAdditionalPersonCents: 633_000, verified: false },
    },
  },
  {
    year: 2026,
    effectiveFrom: '2026-01-13',
    source,
    regions: {
      contiguous: { baseCents: 1_596_000, perAdditionalPersonCents: 568_000, verified: true },
      alaska: { baseCents: 1_995_000, perAdditionalPersonCents: 710_000, verified: true },
      hawaii: { baseCents: 1_836_000, perAdditionalPersonCents: 653_000, verified: true },
    },
  },
];
const documents = [
  { code: 'proof-of-income', description: 'Proof of household income' },
  { code: 'household-size-attestation', description: 'Signed household size statement' },
];
const schedule: SlidingFeeSchedule = {
  id: 'test-sfds',
  name: 'Test schedule',
  effectiveFrom: '2025-01-01',
  applyToInsuredPatientResponsibility: false,
  tiers: [
    { id: 'A', label: '<=100%', abovePercent: 0, upToPercent: 100, charge: { kind: 'nominal', amountCents: 1500, per: 'day' }, documents },
    { id: 'B', label: '101-125%', abovePercent: 100, upToPercent: 125, charge: { kind: 'discount', discountPpm: 800_000 }, documents },
    { id: 'C', label: '126-150%', abovePercent: 125, upToPercent: 150, charge: { kind: 'discount', discountPpm: 600_000 }, documents },
    { id: 'D', label: '151-175%', abovePercent: 150, upToPercent: 175, charge: { kind: 'discount', discountPpm: 400_000 }, documents },
    { id: 'E', label: '176-200%', abovePercent: 175, upToPercent: 200, charge: { kind: 'discount', discountPpm: 200_000 }, documents },
    { id: 'F', label: '>200%', abovePercent: 200, upToPercent: null, charge: { kind: 'none' }, documents: [] },
  ],
};

const evaluate = (input: Partial<SlidingScaleInput>, s: SlidingFeeSchedule = schedule) =>
  evaluateSlidingScale({ householdSize: 1, region: 'contiguous', dateOfService: '2026-03-02', ...input }, guidelines, s);

t.test('households of 1, 4 and 8 are at exactly 100% and 200% at the published amounts, in each region and year', async (t) => {
  const rows: [string, 'contiguous' | 'alaska' | 'hawaii', number, number][] = [
    ['2025-06-02', 'contiguous', 4, 3_215_000], ['2025-06-02', 'hawaii', 8, 6_230_000],
    ['2026-03-02', 'alaska', 8, 6_965_000], ['2026-03-02', 'hawaii', 4, 3_795_000],
  ];
  for (const [date, region, size, cents] of rows) {
    const base = { householdSize: size, region, dateOfService: date };
    t.equal(evaluate({ ...base, annualIncomeCents: cents }).tier.id, 'A', `${date} ${region} ${size}: at 100%`);
    t.equal(evaluate({ ...base, annualIncomeCents: cents + 1 }).tier.id, 'B', `${date} ${region} ${size}: above 100%`);
    t.equal(evaluate({ ...base, annualIncomeCents: cents * 2 }).tier.id, 'E', `${date} ${region} ${size}: at 200%`);
    t.equal(evaluate({ ...base, annualIncomeCents: cents * 2 + 1 }).tier.id, 'F', `${date} ${region} ${size}: above 200%`);
  }
});

t.test('the guideline in force on the date of service is used, switching on the effective date', async (t) => {
  t.equal(evaluate({ annualIncomeCents: 1_000_000, dateOfService: '2026-01-12' }).guideline.year, 2025);
  t.equal(evaluate({ annualIncomeCents: 1_000_000, dateOfService: '2026-01-13' }).guideline.year, 2026);
  t.equal(evaluate({ annualIncomeCents: 1_000_000, dateOfService: '2025-01-15' }).guideline.year, 2025);
  const error = t.throws(() => evaluate({ annualIncomeCents: 1_000_000, dateOfService: '2025-01-14' })) as unknown;
  t.ok(isDomainError(error) && error.code === 'sliding-scale.no-guideline', 'a date before every guideline is refused');
});

t.test('monthly income is multiplied by 12 and says so', async (t) => {
  // $2,750 a month = $33,000 a year = exactly 100% for a 2026 contiguous household of 4.
  const result = evaluate({ householdSize: 4, monthlyIncomeCents: 275_000 });
  t.equal(result.annualIncomeCents, 3_300_000);
  t.equal(result.incomeBasis, 'monthly-times-12');
  t.equal(result.tier.id, 'A');
  t.equal(evaluate({ householdSize: 4, monthlyIncomeCents: 275_001 }).tier.id, 'B');
});

t.test('a mid-tier income reports its percent of poverty exactly and lists the documents to collect', async (t) => {
  // 2026 household of 1: $27,930 / $15,960 = 175% exactly; $27,931.60 is 175.01%.
  const at175 = evaluate({ annualIncomeCents: 2_793_000 });
  t.equal(at175.percentOfPovertyText, '175%');
  t.equal(at175.tier.id, 'D');
  t.same(at175.charge, { kind: 'discount', discountPpm: 400_000 });
  t.same(at175.documents.map((d) => d.code), ['proof-of-income', 'household-size-attestation']);
  const above = evaluate({ annualIncomeCents: 2_793_160 });
  t.equal(above.percentOfPovertyText, '175.01%');
  t.equal(above.tier.id, 'E');
  t.equal(evaluate({ annualIncomeCents: 0 }).tier.id, 'A', 'no income is the lowest tier');
});

t.test('bad inputs are refused with a JSON pointer to each field', async (t) => {
  const pointers = (input: Partial<SlidingScaleInput>) => {
    try {
      evaluate(input);
      return ['(no error)'];
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'sliding-scale.invalid') throw error;
      return error.errors.map((e) => e.pointer);
    }
  };
  t.same(pointers({ householdSize: 0, annualIncomeCents: 100 }), ['/householdSize']);
  t.same(pointers({ householdSize: 2.5, annualIncomeCents: 100 }), ['/householdSize']);
  t.same(pointers({ annualIncomeCents: -1 }), ['/annualIncomeCents']);
  t.same(pointers({ annualIncomeCents: 100.5 }), ['/annualIncomeCents']);
  t.same(pointers({ annualIncomeCents: 100, monthlyIncomeCents: 10 }), ['/monthlyIncomeCents']);
  t.same(pointers({}), ['/annualIncomeCents']);
  t.same(pointers({ annualIncomeCents: 100, region: 'guam' }), ['/region']);
  t.same(pointers({ annualIncomeCents: 100, dateOfService: '2026-02-30' }), ['/dateOfService']);
});

t.test('an unconfirmed 2025 Alaska increment is flagged for households larger than one', async (t) => {
  const one = evaluate({ region: 'alaska', dateOfService: '2025-06-02', annualIncomeCents: 100 });
  t.equal(one.guideline.verified, true, 'the base amount is confirmed');
  t.same(one.warnings, []);
  const three = evaluate({ region: 'alaska', householdSize: 3, dateOfService: '2025-06-02', annualIncomeCents: 100 });
  t.equal(three.guideline.verified, false);
  t.match(three.warnings[0], /not yet confirmed/);
  t.same(evaluate({ region: 'alaska', householdSize: 3, annualIncomeCents: 100 }).warnings, [], '2026 figures are confirmed');
});

t.test('self-pay lines get the discount and insured balances do not unless the schedule says so', async (t) => {
  const evaluation = evaluate({ annualIncomeCents: 2_793_000 }); // 40% off
  const lines = [
    { id: 'iop-day-1', patientPaysCents: 65_000, selfPay: true },
    { id: 'copay-1', patientPaysCents: 5_001, selfPay: false },
  ];
  const applied = applySlidingScale(lines, evaluation);
  t.same(applied.lines.map((l) => [l.id, l.beforeCents, l.afterCents, l.reasons]), [
    ['iop-day-1', 65_000, 39_000, ['tier']],
    ['copay-1', 5_001, 5_001, ['insured-not-eligible']],
  ]);
  const insuredToo = applySlidingScale(lines, { ...evaluation, appliesTo: { selfPay: true, insuredPatientResponsibility: true } });
  t.equal(insuredToo.lines[1]?.afterCents, 3_001, '$50.01 less 40% ($20.004 rounds to $20.00)');
  t.equal(insuredToo.totalAfterCents, 42_001);
});

t.test('the nominal fee is charged per day of the line and never exceeds the charge', async (t) => {
  const evaluation = evaluate({ annualIncomeCents: 1_000_000 }); // tier A, $15 per day
  const applied = applySlidingScale(
    [
      { id: 'ten-iop-days', patientPaysCents: 650_000, selfPay: true, units: 10 },
      { id: 'small-item', patientPaysCents: 900, selfPay: true },
    ],
    evaluation,
  );
  t.same(applied.lines.map((l) => l.afterCents), [15_000, 900]);
});

t.test('a schedule with an annual cap stops charges once the household has paid the cap for the year', async (t) => {
  const capped: SlidingFeeSchedule = { ...schedule, annualCapPpmOfIncome: 50_000 }; // 5% of income
  // 2026 household of 1 at $30,000: 187.97% -> tier E (20% off); cap 5% = $1,500.
  const evaluation = evaluate({ annualIncomeCents: 3_000_000 }, capped);
  t.equal(evaluation.tier.id, 'E');
  t.equal(evaluation.annualCapCents, 150_000);
  const days = Array.from({ length: 4 }, (_, i) => ({ id: `day-${i + 1}`, patientPaysCents: 65_000, selfPay: true }));
  const applied = applySlidingScale(days, evaluation);
  t.same(applied.lines.map((l) => l.afterCents), [52_000, 52_000, 46_000, 0]);
  t.same(applied.lines[2]?.reasons, ['tier', 'annual-cap']);
  t.equal(applied.totalAfterCents, 150_000);
  const laterInYear = applySlidingScale(days.slice(0, 1), evaluation, { paidTowardCapCents: 140_000 });
  t.equal(laterInYear.lines[0]?.afterCents, 10_000, 'what was already paid this year counts toward the cap');
});

t.test('a patient on the $15-a-day nominal fee pays $15 for a day with a program day and a therapy session, not $15 a line', async (t) => {
  const evaluation = evaluate({ annualIncomeCents: 1_000_000 }); // $10,000 / $15,960 = 62.7% -> tier A, $15 per day
  // Monday 2 March: intake $200, program day $300, therapy $150 -> one day of service, $15 in all,
  // collected on the first line. Wednesday 4 March: program day $300 -> $15. Two days: $30.
  const applied = applySlidingScale(
    [
      { id: 'mon-intake', patientPaysCents: 20_000, selfPay: true, date: '2026-03-02' },
      { id: 'mon-iop', patientPaysCents: 30_000, selfPay: true, date: '2026-03-02' },
      { id: 'mon-therapy', patientPaysCents: 15_000, selfPay: true, date: '2026-03-02' },
      { id: 'wed-iop', patientPaysCents: 30_000, selfPay: true, date: '2026-03-04' },
    ],
    evaluation,
  );
  t.same(applied.lines.map((l) => l.afterCents), [1_500, 0, 0, 1_500]);
  t.equal(applied.totalAfterCents, 3_000, '2 days x $15');
  t.equal(applied.totalBeforeCents - applied.totalAfterCents, 92_000, '$950 of charges ($200 + $300 + $150 + $300) less $30');

  // A first line cheaper than the fee: the rest of that day's $15 is owed on its next line ($9 + $6).
  const cheapFirst = applySlidingScale(
    [
      { id: 'mon-small', patientPaysCents: 900, selfPay: true, date: '2026-03-02' },
      { id: 'mon-iop', patientPaysCents: 30_000, selfPay: true, date: '2026-03-02' },
    ],
    evaluation,
  );
  t.same(cheapFirst.lines.map((l) => l.afterCents), [900, 600]);
});
