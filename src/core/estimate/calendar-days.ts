/**
 * Civil dates as integer day numbers (days since 1970-01-01, UTC), so that schedules can be
 * expanded and compared without Date objects or time zones in the hot path. Algorithms from
 * Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms".
 */

/** Integer days since 1970-01-01. */
export type DayNumber = number;

/** Day number of a proleptic Gregorian date. Month is 1-12. */
export function daysFromCivil(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Year, month (1-12) and day of a day number. */
export function civilFromDays(days: DayNumber): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** The value of the two ASCII digits at `at` in `text`, or -1 when either is not a digit. */
function twoDigits(text: string, at: number): number {
  const tens = text.charCodeAt(at) - 48;
  const ones = text.charCodeAt(at + 1) - 48;
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -1;
}

/** Parses a strict ISO date (YYYY-MM-DD, a real calendar day) to a day number; undefined otherwise. */
export function parseIsoDay(text: string): DayNumber | undefined {
  // Read by character rather than by regex: every rule and schedule check parses dates.
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
  const century = twoDigits(text, 0);
  const yy = twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  if (century < 0 || yy < 0 || month < 1 || month > 12 || day < 1) return undefined;
  const year = century * 100 + yy;
  // Rejects 2025-02-30 and friends, which would otherwise roll into the next month.
  if (day > daysInMonth(year, month)) return undefined;
  return daysFromCivil(year, month, day);
}

const TWO_DIGITS = Array.from({ length: 32 }, (_, i) => (i < 10 ? `0${i}` : String(i)));

/** Formats a day number as YYYY-MM-DD. */
export function formatIsoDay(days: DayNumber): string {
  const { year, month, day } = civilFromDays(days);
  return `${year < 1000 ? String(year).padStart(4, '0') : year}-${TWO_DIGITS[month]!}-${TWO_DIGITS[day]!}`;
}

/** English month names, January first. */
export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/**
 * An ISO date as a patient reads it ("January 1, 2027"): the summary is prose for patients, where
 * "2027-01-01" reads as a code. Text that is not a calendar day is returned as it is.
 */
export function dateInWords(iso: string): string {
  const days = parseIsoDay(iso);
  if (days === undefined) return iso;
  const { year, month, day } = civilFromDays(days);
  return `${MONTH_NAMES[month - 1]!} ${day}, ${year}`;
}

/** Day of the week, 0 = Sunday ... 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(days: DayNumber): number {
  return (((days + 4) % 7) + 7) % 7;
}

/** The first day number >= `from` that falls on month/day (Feb 29 anniversaries fall on Mar 1 in other years). */
export function nextAnniversary(from: DayNumber, month: number, day: number): DayNumber {
  const { year } = civilFromDays(from);
  for (let y = year; ; y++) {
    const candidate = daysFromCivil(y, month, day);
    if (candidate >= from) return candidate;
  }
}

/** The last day number <= `onOrBefore` that falls on month/day (the same Feb 29 rule as nextAnniversary). */
export function previousAnniversary(onOrBefore: DayNumber, month: number, day: number): DayNumber {
  const { year } = civilFromDays(onOrBefore);
  for (let y = year; ; y--) {
    const candidate = daysFromCivil(y, month, day);
    if (candidate <= onOrBefore) return candidate;
  }
}

/**
 * Walks consecutive days and formats them without recomputing the civil date each time: schedule
 * expansion formats every program day, and this keeps that off the estimate's hot path.
 */
export class IsoDayCursor {
  private year: number;
  private month: number;
  private dayOfMonth: number;
  private monthLength: number;
  private prefix: string;

  constructor(start: DayNumber) {
    const c = civilFromDays(start);
    this.year = c.year;
    this.month = c.month;
    this.dayOfMonth = c.day;
    this.monthLength = daysInMonth(c.year, c.month);
    this.prefix = `${c.year}-${TWO_DIGITS[c.month]}-`;
  }

  /** Moves to the next calendar day. */
  next(): void {
    if (++this.dayOfMonth <= this.monthLength) return;
    this.dayOfMonth = 1;
    if (++this.month > 12) {
      this.month = 1;
      this.year++;
    }
    this.monthLength = daysInMonth(this.year, this.month);
    this.prefix = `${this.year}-${TWO_DIGITS[this.month]}-`;
  }

  /** The current day as YYYY-MM-DD. */
  text(): string {
    return this.prefix + TWO_DIGITS[this.dayOfMonth]!;
  }
}

/** Days in a month of a proleptic Gregorian year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
