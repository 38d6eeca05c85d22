import t from 'tap';
import fc from 'fast-check';
import { dateInWords, formatIsoDay, parseIsoDay, previousAnniversary } from './calendar-days.js';

const DAY_MS = 86_400_000;

t.test('day numbers agree with the calendar for every day from year 1 to 9999', async (t) => {
  fc.assert(
    fc.property(fc.integer({ min: -719_162, max: 2_932_896 }), (day) => {
      const expected = new Date(day * DAY_MS).toISOString().slice(0, 10);
      return formatIsoDay(day) === expected && parseIsoDay(expected) === day;
    }),
    { numRuns: 5000 },
  );
  t.equal(formatIsoDay(0), '1970-01-01');
  t.equal(parseIsoDay('2024-02-29'), Date.UTC(2024, 1, 29) / DAY_MS);
});

t.test('only real YYYY-MM-DD dates parse', async (t) => {
  for (const bad of ['2025-02-29', '2100-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', '2026-1-01', '2026/01/01', '20260101', '2026-01-01T00:00:00Z', ' 2026-01-01', '2026-01-0a', '', '２０２６-01-01']) {
    t.equal(parseIsoDay(bad), undefined, JSON.stringify(bad));
  }
  t.equal(parseIsoDay('2000-02-29'), Date.UTC(2000, 1, 29) / DAY_MS, 'a 400-year leap day parses');
  t.equal(parseIsoDay('2026-12-31'), Date.UTC(2026, 11, 31) / DAY_MS);
});

t.test('dates in a patient summary are written in words; text that is no calendar day stays as sent', async (t) => {
  t.equal(dateInWords('2027-01-01'), 'January 1, 2027');
  t.equal(dateInWords('2026-12-31'), 'December 31, 2026');
  t.equal(dateInWords('2026-02-30'), '2026-02-30');
  t.equal(dateInWords('soon'), 'soon');
});

t.test('the anniversary on or before a day: the same day counts, and a 29 February start falls on 1 March in other years', async (t) => {
  const on = (iso: string, month: number, day: number): string => formatIsoDay(previousAnniversary(parseIsoDay(iso)!, month, day));
  t.equal(on('2027-06-07', 1, 1), '2027-01-01');
  t.equal(on('2027-01-01', 1, 1), '2027-01-01');
  t.equal(on('2027-06-30', 7, 1), '2026-07-01');
  t.equal(on('2027-03-05', 2, 29), '2027-03-01');
  t.equal(on('2028-03-05', 2, 29), '2028-02-29');
});
