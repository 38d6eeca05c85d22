import t from 'tap';
import { calendarDateIn, clinicToday } from './clinic-date.js';

t.test("the clinic's date is its own day, not the server's UTC one", async (t) => {
  const evening = new Date('2026-11-28T05:00:00Z'); // 9 pm on 27 November in California
  t.equal(calendarDateIn(evening, 'America/Los_Angeles'), '2026-11-27');
  t.equal(calendarDateIn(evening, 'America/New_York'), '2026-11-28');
  t.equal(calendarDateIn(evening, 'UTC'), '2026-11-28');
  t.equal(clinicToday({ now: () => evening, today: () => calendarDateIn(evening, 'America/Los_Angeles') }), '2026-11-27');
  t.equal(clinicToday({ now: () => evening }), '2026-11-28', 'a clock without a clinic date gives the UTC date');
});
