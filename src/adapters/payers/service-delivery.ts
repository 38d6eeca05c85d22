/**
 * The 271 HSD segment (health care services delivery), as the X12 reader reads it and as the
 * clearinghouse JSON carries it (`benefitsServiceDelivery`): one delivery pattern per benefit, and
 * the count of a limitation that payers send only here ("HSD*VS*40***23": 40 visits per calendar
 * year). One implementation, so both formats read the same answer the same way.
 */
import type { Benefit } from '../../core/coverage/coverage-model.js';
import { EB06_PERIODS, EB09_UNITS, ownCode } from './x12/x12-271-code-maps.js';

/** HSD01 quantity qualifiers, HSD03 unit-of-measure (basis) and HSD05 period codes, in words. */
const HSD_UNITS: Readonly<Record<string, string>> = { DY: 'days', FL: 'units', HS: 'hours', MN: 'months', VS: 'visits' };
const HSD_BASIS: Readonly<Record<string, string>> = { DA: 'day', MO: 'month', VS: 'visit', WK: 'week', YR: 'year' };
const HSD_PERIODS: Readonly<Record<string, string>> = {
  '6': 'hour', '7': 'day', '21': 'year', '22': 'service year', '23': 'calendar year', '24': 'year to date', '25': 'contract',
  '26': 'episode', '27': 'visit', '28': 'outlier', '29': 'remaining', '30': 'exceeded', '31': 'not exceeded',
  '32': 'lifetime', '33': 'lifetime remaining', '34': 'month', '35': 'week',
};

/** One HSD, elements as sent ('' or undefined when absent); numbers already checked by the reader. */
export interface ServiceDelivery {
  /** HSD01, e.g. 'VS'. */
  qualifier: string | undefined;
  /** HSD02 as a plain non-negative number, undefined when absent or unreadable. */
  quantity: number | undefined;
  /** HSD03 (DA, WK, ...): the quantity is a frequency per this unit. */
  basis: string | undefined;
  /** HSD04. */
  modulus: string | undefined;
  /** HSD05 period code (EB06 list). */
  period: string | undefined;
  /** HSD06 as a plain number, undefined when absent or unreadable. */
  periods: number | undefined;
  /** Whether HSD06 was sent at all (a count over several periods, or an unreadable one, is no yearly limit). */
  periodsSent: boolean;
}

const present = (value: string | undefined): value is string => value !== undefined && value !== '';

/**
 * Applies one HSD to its benefit: the first becomes the delivery pattern ("3 visits per week"), a
 * further one a note. Returns 'repeated' for a further one, so a reader can warn about it.
 */
export function applyServiceDelivery(benefit: Benefit, hsd: ServiceDelivery): 'pattern' | 'repeated' {
  const quantity = hsd.quantity !== undefined && Number.isFinite(hsd.quantity) ? hsd.quantity : undefined;
  const periods = hsd.periods !== undefined && Number.isFinite(hsd.periods) ? hsd.periods : undefined;
  const unit = present(hsd.qualifier) ? (ownCode(HSD_UNITS, hsd.qualifier) ?? hsd.qualifier) : undefined;
  const per = (present(hsd.basis) ? ownCode(HSD_BASIS, hsd.basis) : undefined) ?? (present(hsd.period) ? ownCode(HSD_PERIODS, hsd.period) : undefined);
  // "<quantity> <unit> per <periods> <per>s", leaving out what is absent.
  const parts: string[] = [];
  if (quantity !== undefined) parts.push(String(quantity));
  if (unit !== undefined) parts.push(unit);
  if (per !== undefined) parts.push(periods !== undefined && periods > 1 ? `per ${periods} ${per}s` : `per ${per}`);
  const text = parts.join(' ');
  if (benefit.delivery !== undefined) {
    // The model holds one delivery pattern: the first is kept, the others stay readable as notes.
    if (text !== '') benefit.notes.push(`Also delivered as: ${text}`);
    return 'repeated';
  }
  const delivery: NonNullable<Benefit['delivery']> = { text };
  if (quantity !== undefined) delivery.quantity = quantity;
  if (unit !== undefined) delivery.unit = unit;
  if (per !== undefined) delivery.per = per;
  if (periods !== undefined) delivery.periods = periods;
  benefit.delivery = delivery;
  if (quantity !== undefined && benefit.kind === 'limitation' && benefit.quantity === undefined) limitFromDelivery(benefit, hsd, quantity);
  return 'pattern';
}

/**
 * A limitation (EB*F) whose count is only in its first HSD: "HSD*VS*40***23" is 40 visits per
 * calendar year, "HSD*VS*40***29" 40 visits remaining. The count becomes the benefit's quantity and
 * HSD05 its period (when EB06 gave none or the same one). A frequency ("5 visits per week"), a count
 * over several periods, or an HSD05 that contradicts EB06 stays a delivery pattern only.
 */
function limitFromDelivery(benefit: Benefit, hsd: ServiceDelivery, quantity: number): void {
  if (present(hsd.basis) || present(hsd.modulus)) return;
  const unit = present(hsd.qualifier) ? ownCode(EB09_UNITS, hsd.qualifier) : undefined;
  if (unit === undefined || !present(hsd.qualifier)) return;
  if (hsd.periodsSent && hsd.periods !== 1) return;
  const period = present(hsd.period) ? ownCode(EB06_PERIODS, hsd.period) : undefined;
  if (present(hsd.period) && period === undefined) return;
  if (period !== undefined && benefit.timePeriod !== 'unknown' && benefit.timePeriod !== period) return;
  if (period === undefined && benefit.timePeriod === 'unknown') return;
  benefit.quantity = { value: quantity, unit, qualifier: hsd.qualifier };
  if (period !== undefined) benefit.timePeriod = period;
}
