/**
 * Prices billable lines from a fee schedule for one payer and network.
 *
 * Rules:
 * - In network, allowed = the contracted rate, but never more than the charge (payers pay the
 *   lesser of charges or the contracted per diem, e.g. BCBS ND in facts 1.2). No balance bill.
 * - Out of network, allowed = the schedule's out-of-network amount for the payer, else a share of
 *   the charge (per payer, then `default`), never more than the charge. The balance bill is
 *   charge - allowed; whether the clinic may bill it depends on state law and contract, because the
 *   No Surprises Act does not reach a freestanding IOP clinic (facts 3.3).
 * - Amounts are per unit times units; a percentage of the charge rounds half-up to the cent.
 */
import { DomainError } from '../errors.js';
import { applyRate, type Cents } from '../money.js';
import type { FeeSchedule, FeeScheduleEntry } from './fee-schedule.js';
import type { BillableLine } from './treatment-plan.js';

/** How the allowed amount was set. */
export type AllowedBasis = 'contracted' | 'out-of-network-schedule' | 'out-of-network-percent-of-charge' | 'charge-cap';

/** A billable line with its prices. */
export interface PricedLine {
  line: BillableLine;
  chargeCents: Cents;
  /** What the clinic charges a self-pay patient, and what a non-covered line costs the patient. */
  selfPayCents: Cents;
  allowedCents: Cents;
  balanceBillCents: Cents;
  allowedBasis: AllowedBasis;
}

/** A fee schedule indexed by code for fast lookups. */
export interface FeeScheduleIndex {
  schedule: FeeSchedule;
  byCode: Map<string, FeeScheduleEntry[]>;
}

const indexCache = new WeakMap<FeeSchedule, FeeScheduleIndex>();

/** Indexes a fee schedule by code (cached per schedule object; treat schedules as immutable). */
export function indexFeeSchedule(schedule: FeeSchedule): FeeScheduleIndex {
  const cached = indexCache.get(schedule);
  if (cached) return cached;
  const byCode = new Map<string, FeeScheduleEntry[]>();
  for (const entry of schedule.entries) {
    const list = byCode.get(entry.code);
    if (list) list.push(entry);
    else byCode.set(entry.code, [entry]);
  }
  const index = { schedule, byCode };
  indexCache.set(schedule, index);
  return index;
}

/** The entry for a code in effect on a date (ISO strings compare in date order). */
export function findFeeEntry(index: FeeScheduleIndex, code: string, date: string): FeeScheduleEntry | undefined {
  const list = index.byCode.get(code);
  if (list === undefined) return undefined;
  for (const entry of list) {
    if (entry.effectiveFrom <= date && (entry.effectiveTo === undefined || date <= entry.effectiveTo)) return entry;
  }
  return undefined;
}

function missing(code: string, date: string, payerId: string, what: string): DomainError {
  return new DomainError('pricing.missing-rate', `No ${what} for ${code} on ${date}`, { meta: { code, date, payerId, what } });
}

/** True when the schedule has an in-network contracted rate for this payer and code on the date. */
export function hasContractedRate(index: FeeScheduleIndex, payerId: string, code: string, date: string): boolean {
  return findFeeEntry(index, code, date)?.contractedCents[payerId] !== undefined;
}

/**
 * Prices lines for a payer in a network. `requireAllowed: false` prices lines that will be paid
 * self-pay (not covered), where a missing contract rate is not an error.
 */
export function priceLines(
  lines: readonly BillableLine[],
  index: FeeScheduleIndex,
  payerId: string,
  network: 'in' | 'out',
  options: { requireAllowed?: boolean } = {},
): PricedLine[] {
  const requireAllowed = options.requireAllowed ?? true;
  const pctByPayer = index.schedule.outOfNetworkPercentOfChargePpm;
  const oonPercent = pctByPayer?.[payerId] ?? pctByPayer?.['default'];
  const out: PricedLine[] = new Array(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const entry = findFeeEntry(index, line.code, line.date);
    if (entry === undefined) throw missing(line.code, line.date, payerId, 'fee schedule entry');
    const units = line.units;
    const charge = entry.chargeCents * units;
    const selfPay = (entry.selfPayCents ?? entry.chargeCents) * units;
    let allowed = 0;
    let basis: AllowedBasis;
    if (network === 'in') {
      const rate = entry.contractedCents[payerId];
      if (rate === undefined && requireAllowed) throw missing(line.code, line.date, payerId, `contracted rate for payer ${payerId}`);
      allowed = (rate ?? 0) * units;
      basis = 'contracted';
    } else {
      const oon = entry.outOfNetworkAllowedCents?.[payerId];
      if (oon !== undefined) {
        allowed = oon * units;
        basis = 'out-of-network-schedule';
      } else if (oonPercent !== undefined) {
        allowed = applyRate(charge, oonPercent);
        basis = 'out-of-network-percent-of-charge';
      } else {
        if (requireAllowed) throw missing(line.code, line.date, payerId, `out-of-network allowed amount for payer ${payerId}`);
        basis = 'out-of-network-schedule';
      }
    }
    if (allowed > charge) {
      allowed = charge;
      basis = 'charge-cap';
    }
    out[i] = {
      line,
      chargeCents: charge,
      selfPayCents: selfPay,
      allowedCents: allowed,
      balanceBillCents: network === 'out' ? charge - allowed : 0,
      allowedBasis: basis,
    };
  }
  return out;
}
