import t from 'tap';
import { type DomainError } from '../errors.js';
import type { FeeSchedule } from './fee-schedule.js';
import { indexFeeSchedule, priceLines } from './price-lines.js';
import { expandTreatmentPlan } from './treatment-plan.js';

const schedule: FeeSchedule = {
  id: 'test',
  outOfNetworkPercentOfChargePpm: { default: 500_000, 'payer-b': 333_333 },
  entries: [
    { code: 'S9480', codeSystem: 'HCPCS', description: 'IOP day', effectiveFrom: '2025-01-01', effectiveTo: '2025-12-31', chargeCents: 45_000, selfPayCents: 30_000, contractedCents: { 'payer-a': 25_000 }, outOfNetworkAllowedCents: { 'payer-a': 18_000 } },
    { code: 'S9480', codeSystem: 'HCPCS', description: 'IOP day', effectiveFrom: '2026-01-01', chargeCents: 47_000, contractedCents: { 'payer-a': 26_000 } },
    { code: '90853', codeSystem: 'CPT', description: 'Group', effectiveFrom: '2025-01-01', chargeCents: 12_001, contractedCents: { 'payer-a': 13_000 } },
  ],
};
const index = indexFeeSchedule(schedule);
const lines = (start: string, weeks = 1) => expandTreatmentPlan({ levelOfCare: 'iop-mental-health', startDate: start, daysPerWeek: 3, hoursPerDay: 3, weeks }).lines;

t.test('in network the contracted rate is the allowed amount and there is no balance bill', async (t) => {
  const [p] = priceLines(lines('2025-03-03'), index, 'payer-a', 'in');
  t.match(p, { chargeCents: 45_000, selfPayCents: 30_000, allowedCents: 25_000, balanceBillCents: 0, allowedBasis: 'contracted' });
});

t.test('out of network the payer\'s published amount is allowed and the rest is a balance bill', async (t) => {
  const [p] = priceLines(lines('2025-03-03'), index, 'payer-a', 'out');
  t.match(p, { allowedCents: 18_000, balanceBillCents: 27_000, allowedBasis: 'out-of-network-schedule' });
});

t.test('out of network without a published amount, a share of the charge is allowed, rounded half-up', async (t) => {
  // 45,000 x 33.3333% = 14,999.985 -> 15,000 (half-up); balance 30,000.
  const [p] = priceLines(lines('2025-03-03'), index, 'payer-b', 'out');
  t.match(p, { allowedCents: 15_000, balanceBillCents: 30_000, allowedBasis: 'out-of-network-percent-of-charge' });
});

t.test('the price in effect on the service date is used across a rate change', async (t) => {
  const priced = priceLines(lines('2025-12-29', 2), index, 'payer-a', 'in');
  t.same(priced.map((p) => [p.line.date, p.allowedCents, p.selfPayCents]), [
    ['2025-12-29', 25_000, 30_000], ['2025-12-31', 25_000, 30_000], ['2026-01-02', 26_000, 47_000],
    ['2026-01-05', 26_000, 47_000], ['2026-01-07', 26_000, 47_000], ['2026-01-09', 26_000, 47_000],
  ], 'without a self-pay rate the charge is the self-pay price');
});

t.test('a contracted rate above the charge is cut to the charge', async (t) => {
  const groupLines = expandTreatmentPlan({ levelOfCare: 'iop-mental-health', startDate: '2025-03-03', daysPerWeek: 3, hoursPerDay: 3, weeks: 1, billing: { model: 'per-service', services: [{ code: '90853', units: 2 }] } }).lines;
  const [p] = priceLines(groupLines, index, 'payer-a', 'in');
  t.match(p, { chargeCents: 24_002, allowedCents: 24_002, allowedBasis: 'charge-cap' }, 'two units at $120.01');
});

t.test('a missing rate is a pricing.missing-rate error naming the code', async (t) => {
  const err = t.throws(() => priceLines(lines('2025-03-03'), index, 'payer-z', 'in')) as DomainError;
  t.equal(err.code, 'pricing.missing-rate');
  t.equal(err.meta['code'], 'S9480');
  t.match(err.message, /S9480/);
  const noEntry = t.throws(() => priceLines(lines('2024-06-03'), index, 'payer-a', 'in')) as DomainError;
  t.equal(noEntry.code, 'pricing.missing-rate', 'no entry in effect before 2025');
  const oon = t.throws(() => priceLines(lines('2026-03-02'), indexFeeSchedule({ ...schedule, outOfNetworkPercentOfChargePpm: {} }), 'payer-a', 'out')) as DomainError;
  t.equal(oon.code, 'pricing.missing-rate', 'no out-of-network amount and no percentage');
});
