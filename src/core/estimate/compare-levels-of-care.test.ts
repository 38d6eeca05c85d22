import t from 'tap';
import { type DomainError } from '../errors.js';
import { compareLevelsOfCare } from './compare-levels-of-care.js';
import type { FeeSchedule } from './fee-schedule.js';
import { buildManualTerms } from './manual-terms.js';

const feeSchedule: FeeSchedule = {
  id: 'compare',
  entries: [
    { code: 'S9480', codeSystem: 'HCPCS', description: 'IOP day', effectiveFrom: '2025-01-01', chargeCents: 45_000, contractedCents: { p: 25_000 } },
    { code: 'H0035', codeSystem: 'HCPCS', description: 'PHP day', effectiveFrom: '2025-01-01', chargeCents: 85_000, contractedCents: { p: 45_000 } },
    { code: '90837', codeSystem: 'CPT', description: 'Therapy', effectiveFrom: '2025-01-01', chargeCents: 25_000, contractedCents: { p: 15_400 } },
    { code: '90791', codeSystem: 'CPT', description: 'Evaluation', effectiveFrom: '2025-01-01', chargeCents: 30_000, contractedCents: { p: 18_000 } },
    { code: 'H0018', codeSystem: 'HCPCS', description: 'Residential day', effectiveFrom: '2025-01-01', chargeCents: 120_000, contractedCents: { p: 65_000 } },
  ],
};
// Deductible met, 20% coinsurance, $4,800 OOP left: the same patient at every level.
const terms = { in: buildManualTerms({ network: 'in', deductible: { individual: { remainingCents: 0 } }, outOfPocket: { individual: { remainingCents: 480_000 } }, coinsurancePpm: 200_000, authorizationRequired: 'no', referralRequired: 'no' }) };

t.test('IOP, PHP, outpatient and residential side by side with their typical schedules', async (t) => {
  const { rows } = compareLevelsOfCare({
    startDate: '2025-03-03', networkStatus: 'in', feeSchedule, payerId: 'p', asOf: '2025-03-01', planYear: { startMonth: 1, startDay: 1 },
    levels: [
      { levelOfCare: 'iop-mental-health', terms },
      { levelOfCare: 'partial-hospitalization', terms },
      { levelOfCare: 'outpatient-therapy', terms },
      { levelOfCare: 'residential', terms },
    ],
  });
  // IOP: 8 weeks x 3 days x 20% x $250 = 24 x $50 = $1,200; 72 hours -> $16.67/hour.
  // PHP: 4 weeks x 5 days x 20% x $450 = 20 x $90 = $1,800.
  // Outpatient: 20% x $180 evaluation = $36 + 12 x 20% x $154 = 12 x $30.80 = $369.60 -> $405.60.
  // Residential: 28 days x 20% x $650 = $3,640.
  t.same(rows.map((r) => [r.levelOfCare, r.expectedCents, r.schedule.hoursPerWeek, r.schedule.weeks]), [
    ['iop-mental-health', 120_000, 9, 8],
    ['partial-hospitalization', 180_000, 30, 4],
    ['outpatient-therapy', 40_560, 1, 12],
    ['residential', 364_000, 168, 4],
  ]);
  t.equal(rows[0]?.perHourExpectedCents, 1_667);
  t.same(rows[0]?.weeklyExpectedCents, Array(8).fill(15_000));
  t.equal(rows[1]?.label, 'Partial hospitalization');
});

t.test('an explicit plan replaces the typical one, and errors point at the level they belong to', async (t) => {
  const { rows } = compareLevelsOfCare({
    startDate: '2025-03-03', networkStatus: 'in', feeSchedule, payerId: 'p', asOf: '2025-03-01',
    levels: [{ levelOfCare: 'iop-mental-health', terms, plan: { levelOfCare: 'iop-mental-health', startDate: '2025-03-03', daysPerWeek: 5, hoursPerDay: 3, weeks: 12 } }],
  });
  t.equal(rows[0]?.schedule.programDays, 60);
  const err = t.throws(() => compareLevelsOfCare({
    startDate: '2025-03-03', networkStatus: 'in', feeSchedule, payerId: 'p', asOf: '2025-03-01',
    levels: [{ levelOfCare: 'iop-mental-health', terms }, { levelOfCare: 'residential', terms, plan: { levelOfCare: 'residential', startDate: '2025-03-03', daysPerWeek: 8, hoursPerDay: 24, weeks: 4 } }],
  })) as DomainError;
  t.equal(err.code, 'plan.invalid');
  t.same(err.errors.map((e) => e.pointer), ['/levels/1/plan/daysPerWeek']);
});
