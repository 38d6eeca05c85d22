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
