import t from 'tap';
import { usFederalHoliday, usFederalHolidays } from './calendar-dates.js';

t.test('US federal holidays are computed as observed (5 U.S.C. 6103)', async (t) => {
  t.same([...usFederalHolidays(2026).keys()], [
    '2026-01-01', '2026-01-19', '2026-02-16', '2026-05-25', '2026-06-19', '2026-07-03',
    '2026-09-07', '2026-10-12', '2026-11-11', '2026-11-26', '2026-12-25',
  ], '2026: Independence Day (a Saturday) observed on Friday 3 July');
  t.equal(usFederalHoliday('2021-12-31'), "New Year's Day", "New Year's Day 2022 (a Saturday) is observed on 31 December 2021");
  t.equal(usFederalHoliday('2022-01-01'), undefined, 'and not on the Saturday itself');
  t.equal(usFederalHoliday('2022-12-26'), 'Christmas Day', 'a Sunday holiday is observed on the Monday after');
  t.equal(usFederalHoliday('2020-06-19'), undefined, 'Juneteenth is a federal holiday from 2021');
  t.equal(usFederalHoliday('2027-05-31'), 'Memorial Day', 'the last Monday of May');
  t.equal(usFederalHoliday('2026-11-27'), undefined, 'the day after Thanksgiving is a working day for federal offices');
});
