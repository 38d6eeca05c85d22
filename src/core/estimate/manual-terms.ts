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

/**
 * What cannot be true of hand-entered benefits, as JSON pointers under `at` with the reason: more
 * left than the total, met and remaining that do not add up, a coinsurance that is plainly a
 * percentage typed into a parts-per-million field. Pricing those would quote a wrong number.
 */
export function manualTermsProblems(input: Omit<ManualTermsInput, 'network'>, at: string): { pointer: string; message: string }[] {
  const problems: { pointer: string; message: string }[] = [];
  for (const kind of ['deductible', 'outOfPocket'] as const) {
    for (const level of ['individual', 'family'] as const) {
      const a = input[kind]?.[level];
      if (a?.totalCents === undefined) continue;
      const here = `${at}/${kind}/${level}`;
      if (a.remainingCents !== undefined && a.remainingCents > a.totalCents) problems.push({ pointer: `${here}/remainingCents`, message: 'must not be more than totalCents' });
      if (a.metCents !== undefined && a.metCents > a.totalCents) problems.push({ pointer: `${here}/metCents`, message: 'must not be more than totalCents' });
      if (a.metCents !== undefined && a.remainingCents !== undefined && a.metCents + a.remainingCents !== a.totalCents
        && a.remainingCents <= a.totalCents && a.metCents <= a.totalCents) {
        problems.push({ pointer: `${here}/metCents`, message: 'metCents and remainingCents must add up to totalCents' });
      }
    }
  }
  const coinsurance = input.coinsurancePpm;
  if (coinsurance !== undefined && coinsurance > 0 && coinsurance <= 100) {
    problems.push({ pointer: `${at}/coinsurancePpm`, message: `is in parts per million (20% is 200000); ${coinsurance} would be ${coinsurance / 10_000}%` });
  }
  const limit = input.limit;
  if (limit?.total !== undefined && limit.remaining !== undefined && limit.remaining > limit.total) {
    problems.push({ pointer: `${at}/limit/remaining`, message: 'must not be more than total' });
  }
  return problems;
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
