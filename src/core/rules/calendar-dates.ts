/**
 * Calendar arithmetic on ISO dates (YYYY-MM-DD) for the rules: whole days in UTC, so no time zone
 * or daylight-saving change can move a date. Pure: no clock, no I/O.
 */

import { formatIsoDay, parseIsoDay } from '../estimate/calendar-days.js';

/** True when the text is a real calendar date in YYYY-MM-DD form (2026-02-30 is not). */
export function isIsoDate(text: string): boolean {
  return parseIsoDay(text) !== undefined;
}

/** Days since 1970-01-01 for an ISO date; throws RangeError for anything else. */
export function toDayNumber(date: string): number {
  const day = parseIsoDay(date);
  if (day === undefined) throw new RangeError('not an ISO date (YYYY-MM-DD)');
  return day;
}

/** The ISO date for a day number. */
export function fromDayNumber(day: number): string {
  return formatIsoDay(day);
}

/** The date `days` calendar days after (or before, when negative) `date`. */
export function addDays(date: string, days: number): string {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** 0 = Sunday ... 6 = Saturday. */
export function dayOfWeek(date: string): number {
  return (((toDayNumber(date) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

/** The Monday that starts the (Monday-to-Sunday) week holding `date`. */
export function weekStart(date: string): string {
  return addDays(date, -((dayOfWeek(date) + 6) % 7));
}

/** True on Monday to Friday when the date is not in `closedDays` (holidays, clinic closures). */
export function isBusinessDay(date: string, closedDays: ReadonlySet<string>): boolean {
  const dow = dayOfWeek(date);
  return dow !== 0 && dow !== 6 && !closedDays.has(date);
}

/** The `count`-th business day strictly after `date`. */
export function addBusinessDays(date: string, count: number, closedDays: ReadonlySet<string>): string {
  let day = toDayNumber(date);
  let left = count;
  while (left > 0) {
    day += 1;
    if (isBusinessDay(fromDayNumber(day), closedDays)) left -= 1;
  }
  return fromDayNumber(day);
}

/** Business days d with from <= d < to: how many business days `from` lies before `to`. */
export function businessDaysBefore(from: string, to: string, closedDays: ReadonlySet<string>): number {
  let count = 0;
  for (let day = toDayNumber(from); day < toDayNumber(to); day += 1) {
    if (isBusinessDay(fromDayNumber(day), closedDays)) count += 1;
  }
  return count;
}

/** The `n`-th (1-based) `weekday` (0 = Sunday) of a month, or the last one when n is -1. */
function nthWeekday(year: number, month: number, weekday: number, n: number): string {
  const mm = String(month).padStart(2, '0');
  if (n > 0) {
    const first = `${year}-${mm}-01`;
    return addDays(first, ((weekday - dayOfWeek(first) + 7) % 7) + (n - 1) * 7);
  }
  const last = addDays(month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`, -1);
  return addDays(last, -((dayOfWeek(last) - weekday + 7) % 7));
}

/** A fixed-date holiday as observed by federal offices: Saturday on the Friday before, Sunday on the Monday after. */
function observed(date: string): string {
  const dow = dayOfWeek(date);
  return dow === 6 ? addDays(date, -1) : dow === 0 ? addDays(date, 1) : date;
}

/**
 * The US federal holidays of `year` as observed (5 U.S.C. 6103), with their names. Payers'
 * utilization-review offices and most clinics close on them. New Year's Day of the next year
 * observed on 31 December is included.
 */
export function usFederalHolidays(year: number): ReadonlyMap<string, string> {
  // Pure and asked for on every estimate (its schedule's holidays): each year is worked out once.
  let known = HOLIDAYS_BY_YEAR.get(year);
  if (known === undefined) {
    known = holidaysOf(year);
    if (HOLIDAYS_BY_YEAR.size < 400) HOLIDAYS_BY_YEAR.set(year, known);
  }
  return known;
}

const HOLIDAYS_BY_YEAR = new Map<number, ReadonlyMap<string, string>>();

function holidaysOf(year: number): ReadonlyMap<string, string> {
  const holidays: [string, string][] = [
    [observed(`${year}-01-01`), "New Year's Day"],
    [nthWeekday(year, 1, 1, 3), 'Birthday of Martin Luther King, Jr.'],
    [nthWeekday(year, 2, 1, 3), "Washington's Birthday"],
    [nthWeekday(year, 5, 1, -1), 'Memorial Day'],
    // Juneteenth became a federal holiday in 2021.
    ...(year >= 2021 ? [[observed(`${year}-06-19`), 'Juneteenth National Independence Day'] as [string, string]] : []),
    [observed(`${year}-07-04`), 'Independence Day'],
    [nthWeekday(year, 9, 1, 1), 'Labor Day'],
    [nthWeekday(year, 10, 1, 2), 'Columbus Day'],
    [observed(`${year}-11-11`), 'Veterans Day'],
    [nthWeekday(year, 11, 4, 4), 'Thanksgiving Day'],
    [observed(`${year}-12-25`), 'Christmas Day'],
    [observed(`${year + 1}-01-01`), "New Year's Day"],
  ];
  return new Map(holidays.filter(([date]) => date.startsWith(`${year}-`)));
}

/** The federal holiday on `date`, by name, or undefined. */
export function usFederalHoliday(date: string): string | undefined {
  return usFederalHolidays(Number(date.slice(0, 4))).get(date);
}
