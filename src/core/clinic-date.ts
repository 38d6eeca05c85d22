/** The clinic's calendar date: "today" is the clinic's day, not the server's UTC one. */
import type { Clock } from './ports.js';

/** The calendar date (YYYY-MM-DD) of `instant` in `timeZone` (an IANA name). */
export function calendarDateIn(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The clinic's date from a clock: its own when it keeps one, else the UTC date. */
export function clinicToday(clock: Clock): string {
  return clock.today?.() ?? clock.now().toISOString().slice(0, 10);
}
