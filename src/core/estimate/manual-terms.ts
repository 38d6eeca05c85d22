/**
 * Builds CostSharingTerms from plain numbers, for callers who type the benefits in by hand (or
 * send them inline) instead of asking a payer. Every value is cited as "manual".
 */
import type { Accumulator, CostSharingTerms, QuantityUnit, Sourced, TimePeriod, TriState } from '../coverage/coverage-model.js';
import type { Cents, Ppm } from '../money.js';

/** Plain-number benefits; anything left out is unknown. */
export interface ManualTermsInput {
  network: 'in' | 'out';
  deductible?: { individual?: ManualAccumulator; family?: ManualAccumulator };
  outOfPocket?: { individual?: ManualAccumulator; family?: ManualAccumulator };
  coinsurancePpm?: Ppm;
  copay?: { amountCents: Cents; per: 'visit' | 'day' };
  deductibleAppliesToCopay?: boolean;
  limit?: { total?: number; remaining?: number; unit: QuantityUnit; period: TimePeriod };
  authorizationRequired?: TriState;
  referralRequired?: TriState;
  notCovered?: boolean;
}

/** Total, remaining and met amounts in cents; any may be left out. */
export interface ManualAccumulator {
  totalCents?: Cents;
  remainingCents?: Cents;
  metCents?: Cents;
}

function manual<T>(value: T, id: string): Sourced<T> {
  return { value, benefitIds: [id], sources: [{ format: 'manual', pointer: `manual:${id}` }] };
}

function acc(a: ManualAccumulator | undefined, id: string): Accumulator | undefined {
  if (a === undefined) return undefined;
  const out: Accumulator = {};
  if (a.totalCents !== undefined) out.totalCents = manual(a.totalCents, `${id}-total`);
  if (a.remainingCents !== undefined) out.remainingCents = manual(a.remainingCents, `${id}-remaining`);
  if (a.metCents !== undefined) out.metCents = manual(a.metCents, `${id}-met`);
  return out;
}

/** Builds cost-sharing terms from hand-entered benefits. */
export function buildManualTerms(input: ManualTermsInput): CostSharingTerms {
  const terms: CostSharingTerms = {
    network: input.network,
    deductible: {},
    outOfPocket: {},
    authorizationRequired: manual(input.authorizationRequired ?? 'unknown', 'authorization'),
    referralRequired: manual(input.referralRequired ?? 'unknown', 'referral'),
    chosen: { serviceType: 'manual', reason: 'entered by hand', fellBackToPlanLevel: false },
    unknowns: [],
  };
  const di = acc(input.deductible?.individual, 'deductible-individual');
  const df = acc(input.deductible?.family, 'deductible-family');
  const oi = acc(input.outOfPocket?.individual, 'oop-individual');
  const of = acc(input.outOfPocket?.family, 'oop-family');
  if (di) terms.deductible.individual = di;
  if (df) terms.deductible.family = df;
  if (oi) terms.outOfPocket.individual = oi;
  if (of) terms.outOfPocket.family = of;
  if (input.coinsurancePpm !== undefined) terms.coinsurancePpm = manual(input.coinsurancePpm, 'coinsurance');
  if (input.copay !== undefined) terms.copay = manual(input.copay, 'copay');
  if (input.deductibleAppliesToCopay !== undefined) terms.deductibleAppliesToCopay = manual(input.deductibleAppliesToCopay, 'deductible-applies-to-copay');
  if (input.limit !== undefined) terms.limit = manual(input.limit, 'limit');
  if (input.notCovered) terms.notCovered = manual(true as const, 'not-covered');
  if (!di && !df) terms.unknowns.push('deductible');
  if (!oi && !of) terms.unknowns.push('out-of-pocket maximum');
  if (input.coinsurancePpm === undefined && input.copay === undefined) terms.unknowns.push('coinsurance and copay');
  return terms;
}
