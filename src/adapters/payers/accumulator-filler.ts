/**
 * Deductible and out-of-pocket lines that are not amounts, one rule for every reader. Clearinghouse
 * JSON is the 271 re-shaped, so payers' X12 habits come through it unchanged:
 * - All-nines amounts ($99,999.99, $999,999.99, $9,999,999.99, $99,999, $999,999) on a deductible,
 *   out-of-pocket or limitation line mean "no amount applies" (a family maximum on a plan with none,
 *   a dollar cap on a visit-limited benefit: UHC's EB*F*IND*PT***23*999999.99**VS*25). No plan sets
 *   a deductible or maximum of exactly these. A remaining amount that is such a placeholder less
 *   what was met (99,709.99 = 99,999.99 - 290.00) is derived from it.
 * - $0 filler, once all of a patient's lines are read (lines with the same accumulatorKey are one
 *   accumulator, stated per network and level as a total, what is met and what is left):
 *   - family lines all $0 beside an individual total above $0 (individual-only plans, Medicare
 *     Advantage and D-SNP: a family amount is never below the individual one);
 *   - individual lines all $0 beside a family total above $0 (Aetna HSA plans with an aggregate
 *     family deductible: EB*C*IND*30***23*0*****W beside EB*C*FAM*30***23*3000*****Y: the family
 *     amount is the one the patient meets); a line for both networks (W) sits beside either network's;
 *   - out-of-network lines all $0 beside an in-network total above $0 (clearinghouses send them when
 *     the payer reported none).
 *   Read as $0 left, each capped the patient's whole program at $0. Such lines keep no amount, with
 *   a note saying why; the reader turns each finding into its own warning.
 */
import { formatCents } from '../../core/money.js';
import type { Benefit, TimePeriod } from '../../core/coverage/coverage-model.js';

export const PLACEHOLDER_AMOUNTS: ReadonlySet<number> = new Set([9_999_999, 99_999_999, 999_999_999, 9_999_900, 99_999_900]);

/** Periods of a deductible or out-of-pocket line that state its total (not what is met or left). */
export const ACCUMULATOR_TOTAL_PERIODS: ReadonlySet<TimePeriod> = new Set<TimePeriod>(['calendar-year', 'service-year', 'plan-year', 'contract', 'lifetime', 'unknown']);

/** What was found, for the reader's warning: each kind is warned once per accumulator, at its first line. */
export type AccumulatorFinding = 'placeholder-remaining' | 'family-zero-filler' | 'individual-zero-filler' | 'out-of-network-zero-filler';

export type WarnAccumulator = (finding: AccumulatorFinding, message: string, benefit: Benefit) => void;

/** True for a deductible, out-of-pocket or limitation amount that is an all-nines placeholder. */
export function isPlaceholderAmount(kind: Benefit['kind'], cents: number): boolean {
  return (kind === 'deductible' || kind === 'out-of-pocket' || kind === 'limitation') && PLACEHOLDER_AMOUNTS.has(cents);
}

/** The note kept on a line whose amount was a placeholder. */
export function placeholderNote(cents: number): string {
  return `The payer sent ${formatCents(cents)}, an all-nines placeholder some payers use when no amount applies; it was not used as an amount.`;
}

/** The lines of a patient about one accumulator (any network or level): same kind, insurance type, services, procedures and dates. */
function accumulatorKey(b: Benefit): string {
  const services = b.serviceTypes.length > 1 ? [...b.serviceTypes].sort().join('^') : (b.serviceTypes[0] ?? '');
  return `${b.kind}|${b.insuranceType ?? ''}|${services}|${b.procedureCodes.join('^')}|${b.dates?.begin ?? ''}|${b.dates?.end ?? ''}`;
}

const isFamily = (b: Benefit): boolean => b.coverageLevel === 'family';

/**
 * `filler`: lines that are all $0, a total among them; `reference`: the lines they sit beside. When
 * a reference total is above $0, the filler lines keep no amount.
 */
function zeroFiller(filler: Benefit[], reference: Benefit[], finding: AccumulatorFinding, describe: (totalCents: number) => { note: string; message: string }, warn: WarnAccumulator): void {
  const stated = filler.filter((b) => b.amountCents !== undefined);
  if (stated.length === 0 || stated.some((b) => b.amountCents !== 0) || !stated.some((b) => ACCUMULATOR_TOTAL_PERIODS.has(b.timePeriod))) return;
  const total = reference.find((b) => ACCUMULATOR_TOTAL_PERIODS.has(b.timePeriod) && b.amountCents !== undefined && b.amountCents > 0);
  if (total === undefined) return;
  const { note, message } = describe(total.amountCents!);
  for (const b of stated) {
    delete b.amountCents;
    b.notes.push(note);
  }
  warn(finding, message, stated[0]!);
}

function placeholderRemaining(group: Benefit[], total: Benefit, placeholder: number, warn: WarnAccumulator): void {
  const sameSlot = (b: Benefit): boolean => b.network === total.network && isFamily(b) === isFamily(total);
  const met = group.find((b) => sameSlot(b) && b.timePeriod === 'year-to-date' && b.amountCents !== undefined);
  if (met === undefined) return;
  for (const b of group) {
    if (!sameSlot(b) || b.timePeriod !== 'remaining' || b.amountCents === undefined) continue;
    if (b.amountCents + met.amountCents! !== placeholder) continue;
    b.notes.push(`The payer sent ${formatCents(b.amountCents)} remaining, which is its ${formatCents(placeholder)} placeholder total less the ${formatCents(met.amountCents!)} met; it was not used as an amount.`);
    delete b.amountCents;
    warn('placeholder-remaining', 'a remaining amount is an all-nines placeholder total less the amount met; it was left out', b);
  }
}

/**
 * Reads a patient's deductible and out-of-pocket lines together once all are read; `placeholders`
 * holds the lines whose placeholder amount the reader already left out, with that amount.
 */
export function reconcileAccumulators(benefits: Benefit[], placeholders: ReadonlyMap<Benefit, number> | undefined, warn: WarnAccumulator): void {
  // Most answers have neither a $0 total nor a placeholder: one pass, no grouping.
  const suspect = benefits.some((b) =>
    (b.kind === 'deductible' || b.kind === 'out-of-pocket') && ACCUMULATOR_TOTAL_PERIODS.has(b.timePeriod) &&
    (b.amountCents === 0 || placeholders?.has(b) === true));
  if (!suspect) return;
  const groups = new Map<string, Benefit[]>();
  for (const b of benefits) {
    if (b.kind !== 'deductible' && b.kind !== 'out-of-pocket') continue;
    const key = accumulatorKey(b);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [b]);
    else group.push(b);
  }
  for (const group of groups.values()) {
    for (const b of group) {
      const placeholder = placeholders?.get(b);
      if (placeholder !== undefined && ACCUMULATOR_TOTAL_PERIODS.has(b.timePeriod)) placeholderRemaining(group, b, placeholder, warn);
    }
    const what = group[0]!.kind === 'deductible' ? 'deductible' : 'out-of-pocket maximum';
    for (const network of new Set(group.map((b) => b.network))) {
      const lines = group.filter((b) => b.network === network);
      zeroFiller(lines.filter(isFamily), lines.filter((b) => !isFamily(b)), 'family-zero-filler', (total) => ({
        note: `The payer sent $0.00 for the family ${what} beside a ${formatCents(total)} individual one; a family amount is never below the individual one, so $0 here means no family amount applies and it was not used as an amount.`,
        message: `a $0 family ${what} beside an individual one above $0 means no family amount applies; the family amounts were left out`,
      }), warn);
    }
    for (const network of new Set(group.filter((b) => b.coverageLevel === 'individual').map((b) => b.network))) {
      const individual = group.filter((b) => b.coverageLevel === 'individual' && b.network === network);
      const family = group.filter((b) => isFamily(b) && (b.network === network || network === 'both' || b.network === 'both'));
      zeroFiller(individual, family, 'individual-zero-filler', (total) => ({
        note: `The payer sent $0.00 for the individual ${what} beside a ${formatCents(total)} family one; an individual amount is never $0 when the family one is not, so $0 here means no separate individual amount applies (the family amount is the one to meet) and it was not used as an amount.`,
        message: `a $0 individual ${what} beside a family one above $0 means no separate individual amount applies; the individual amounts were left out`,
      }), warn);
    }
    for (const family of [false, true]) {
      const lines = group.filter((b) => isFamily(b) === family);
      zeroFiller(lines.filter((b) => b.network === 'out'), lines.filter((b) => b.network === 'in'), 'out-of-network-zero-filler', (total) => ({
        note: `The payer sent $0.00 for the out-of-network ${what} beside a ${formatCents(total)} in-network one; $0 out of network next to a real in-network amount means none was reported (not that out-of-network care costs nothing), so it was not used as an amount.`,
        message: `a $0 out-of-network ${what} beside an in-network one above $0 means none was reported; the out-of-network amounts were left out`,
      }), warn);
    }
  }
}
