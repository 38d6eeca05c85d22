/**
 * Exact money arithmetic. All amounts in the engine are integer cents; rates are integer
 * parts-per-million (ppm) so that 0.2 (20%) is 200_000 and 0.125 is 125_000 exactly.
 *
 * Rounding rule (written down once, used everywhere): a product of cents and a rate is rounded
 * half-up to the nearest cent (0.5 cent rounds away from zero). Nothing in the core uses
 * floating-point dollars.
 */

/** Integer number of cents. */
export type Cents = number;
/** Integer parts per million: 1_000_000 = 100%. */
export type Ppm = number;

export const PPM_ONE: Ppm = 1_000_000;

/** Throws when a value is not a safe integer number of cents. */
export function assertCents(value: number, what = 'amount'): Cents {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be an integer number of cents`);
  return value;
}

/** Multiply cents by a ppm rate, rounding half-up (away from zero) to the cent. */
export function applyRate(amount: Cents, rate: Ppm): Cents {
  const product = amount * rate;
  if (!Number.isSafeInteger(product)) return applyRateExactly(amount, rate);
  const sign = product < 0 ? -1 : 1;
  const abs = Math.abs(product);
  const whole = Math.floor(abs / PPM_ONE);
  const remainder = abs - whole * PPM_ONE;
  return sign * (remainder * 2 >= PPM_ONE ? whole + 1 : whole);
}

/**
 * The same rounding for amounts whose product with the rate passes 2^53 (about $90 million at
 * 100%): exact in BigInt instead of a rounding error or a failure. A rate of at most 100% keeps
 * the result within the amount, so it is always a safe integer again.
 */
function applyRateExactly(amount: Cents, rate: Ppm): Cents {
  if (!Number.isSafeInteger(amount) || !Number.isSafeInteger(rate)) throw new RangeError('amount and rate must be safe integers');
  const product = BigInt(amount) * BigInt(rate);
  const negative = product < 0n;
  const abs = negative ? -product : product;
  const one = BigInt(PPM_ONE);
  let whole = abs / one;
  if ((abs % one) * 2n >= one) whole += 1n;
  const result = Number(negative ? -whole : whole);
  if (!Number.isSafeInteger(result)) throw new RangeError('amount x rate is beyond the exact range of cents');
  return result;
}

const DECIMAL = /^([+-])?(\d+)(?:\.(\d*))?$|^([+-])?\.(\d+)$/;

/**
 * Parse a decimal dollar string ("1500", "1500.5", "10.00", ".5") into cents exactly.
 * Fractions of a cent are rounded half-up. Returns undefined for anything that is not a decimal.
 */
export function parseDollarsToCents(text: string): Cents | undefined {
  const trimmed = text.trim();
  const match = DECIMAL.exec(trimmed);
  if (!match) return undefined;
  const sign = (match[1] ?? match[4]) === '-' ? -1 : 1;
  const whole = match[2] ?? '0';
  const fraction = (match[3] ?? match[5] ?? '').padEnd(3, '0');
  if (whole.length > 13) return undefined;
  const cents = Number(whole) * 100 + Number(fraction.slice(0, 2));
  const roundUp = Number(fraction[2]) >= 5 ? 1 : 0;
  return sign * (cents + roundUp) || 0;
}

/**
 * Parse a decimal fraction string ("0.2", ".125", "1") into ppm exactly. Digits beyond the
 * sixth decimal place are rounded half-up. Returns undefined for anything that is not a decimal.
 */
export function parseFractionToPpm(text: string): Ppm | undefined {
  const match = DECIMAL.exec(text.trim());
  if (!match) return undefined;
  if ((match[1] ?? match[4]) === '-') return undefined;
  const whole = match[2] ?? '0';
  const fraction = (match[3] ?? match[5] ?? '').padEnd(7, '0');
  if (whole.length > 6) return undefined;
  const ppm = Number(whole) * PPM_ONE + Number(fraction.slice(0, 6));
  return ppm + (Number(fraction[6]) >= 5 ? 1 : 0);
}

/** Parse a whole-number percentage string ("20", "12.5") into ppm exactly (FHIR style). */
export function parsePercentToPpm(text: string): Ppm | undefined {
  const match = DECIMAL.exec(text.trim());
  if (!match || (match[1] ?? match[4]) === '-') return undefined;
  const whole = match[2] ?? '0';
  const fraction = (match[3] ?? match[5] ?? '').padEnd(5, '0');
  if (whole.length > 4) return undefined;
  return Number(whole) * 10_000 + Number(fraction.slice(0, 4)) + (Number(fraction[4]) >= 5 ? 1 : 0);
}

/** Format cents as US dollars for people: 123456 -> "$1,234.56". */
export function formatCents(amount: Cents): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  const dollars = Math.floor(abs / 100).toLocaleString('en-US');
  const cents = String(abs % 100).padStart(2, '0');
  return `${sign}$${dollars}.${cents}`;
}

/** Format a ppm rate as a percentage for people: 200000 -> "20%", 125000 -> "12.5%". */
export function formatPpm(rate: Ppm): string {
  const hundredths = rate / 100; // ppm -> hundredths of a percent, exact for display only
  return `${Number((hundredths / 100).toFixed(4))}%`;
}

/** Sum a list of cents. */
export function sumCents(values: readonly Cents[]): Cents {
  let total = 0;
  for (const v of values) total += v;
  return total;
}
