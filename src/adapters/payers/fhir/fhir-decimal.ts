/**
 * FHIR decimals arrive as JSON numbers, which JavaScript has already turned into binary floats.
 * We never multiply them by 100: we print the shortest round-tripping decimal form (which is what
 * the sender wrote for any value with up to 15 significant digits) and parse that text exactly.
 */
import { parseDollarsToCents, parsePercentToPpm, type Cents, type Ppm } from '../../../core/money.js';

/** The decimal text of a JSON number, without exponent notation; undefined for non-finite values. */
export function jsonNumberToDecimalText(value: number): string | undefined {
  if (!Number.isFinite(value)) return undefined;
  const text = String(value);
  if (!/e/i.test(text)) return text;
  // Exponent form only appears below 1e-6 or at or above 1e21; toFixed keeps sub-cent precision.
  return Math.abs(value) >= 1e21 ? undefined : value.toFixed(7);
}

/** FHIR Money.value (decimal dollars) to integer cents, exactly. */
export function fhirMoneyToCents(value: number): Cents | undefined {
  const text = jsonNumberToDecimalText(value);
  return text === undefined ? undefined : parseDollarsToCents(text);
}

/** FHIR whole-number percentage (20 = 20%) to ppm, from a number or a string. */
export function fhirPercentToPpm(value: number | string): Ppm | undefined {
  const text = typeof value === 'number' ? jsonNumberToDecimalText(value) : value;
  return text === undefined ? undefined : parsePercentToPpm(text);
}
