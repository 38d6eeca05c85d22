import t from 'tap';
import { DomainError } from '../errors.js';
import { expandTreatmentPlan, type TreatmentPlan } from './treatment-plan.js';

const iop: TreatmentPlan = { levelOfCare: 'iop-mental-health', startDate: '2025-03-03', daysPerWeek: 3, hoursPerDay: 3, weeks: 12 };

function fieldErrors(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError && error.code === 'plan.invalid') return error.errors.map((e) => e.pointer);
    throw error;
  }
  throw new Error('expected plan.invalid');
}

t.test('a 12-week IOP at 3 days a week bills S9480 with revenue code 0905 on Mon/Wed/Fri, 36 days', async (t) => {
  const { lines, warnings, schedule } = expandTreatmentPlan(iop);
  t.equal(lines.length, 36);
  t.same(warnings, []);
  t.same(lines.slice(0, 4).map((l) => [l.date, l.week, l.code, l.codeSystem, l.revenueCode, l.units]), [
    ['2025-03-03', 1, 'S9480', 'HCPCS', '0905', 1],
    ['2025-03-05', 1, 'S9480', 'HCPCS', '0905', 1],
    ['2025-03-07', 1, 'S9480', 'HCPCS', '0905', 1],
    ['2025-03-10', 2, 'S9480', 'HCPCS', '0905', 1],
  ]);
  t.equal(lines.at(-1)?.date, '2025-05-23');
  t.equal(lines.at(-1)?.week, 12);
  t.match(schedule, { programDays: 36, weeks: 12, hoursPerWeek: 9, totalProgramHours: 108, firstDate: '2025-03-03', lastDate: '2025-05-23' });
});

t.test('substance-use IOP, PHP and residential bill their own per-diem codes', async (t) => {
  const code = (levelOfCare: TreatmentPlan['levelOfCare']) => {
    const l = expandTreatmentPlan({ ...iop, levelOfCare, hoursPerDay: levelOfCare === 'partial-hospitalization' ? 7 : 3 }).lines[0]!;
    return `${l.code}/${l.revenueCode}`;
  };
  t.equal(code('iop-substance-use'), 'H0015/0906');
  t.equal(code('partial-hospitalization'), 'H0035/0913');
  t.equal(code('residential'), 'H0018/1002');
});

t.test('a payer that wants the revenue code alone gets one REV line per day', async (t) => {
  const { lines } = expandTreatmentPlan({ ...iop, billing: { model: 'per-diem', codeSystem: 'REV' } });
  t.match(lines[0], { code: '0905', codeSystem: 'REV', units: 1 });
  t.equal(lines[0]!.revenueCode, undefined);
});

t.test('per-service billing lists each day\'s services; evaluation on day 1 and weekly therapy on Tuesday', async (t) => {
  const { lines } = expandTreatmentPlan({
    ...iop, weeks: 2,
    billing: { model: 'per-service', services: [{ code: '90853', units: 2 }, { code: 'H2027', units: 4 }] },
    extraSessions: [{ code: '90791', when: 'first-day' }, { code: '90837', when: 'weekly', weekday: 'tue' }],
  });
  t.same(lines.slice(0, 5).map((l) => `${l.date} ${l.code}x${l.units} ${l.codeSystem} ${l.kind}`), [
    '2025-03-03 90791x1 CPT session',
    '2025-03-03 90853x2 CPT program',
    '2025-03-03 H2027x4 HCPCS program',
    '2025-03-04 90837x1 CPT session',
    '2025-03-05 90853x2 CPT program',
  ]);
  t.equal(lines.filter((l) => l.code === '90837').length, 2, 'one individual session a week');
  t.equal(lines.filter((l) => l.code === '90791').length, 1);
  t.not(lines[0]!.visitId, lines[1]!.visitId, 'the evaluation is its own visit');
  t.equal(lines[1]!.visitId, lines[2]!.visitId, 'the day\'s program services are one visit');
});

t.test('holidays are skipped and explicit weekdays replace the default pattern', async (t) => {
  const { lines, schedule } = expandTreatmentPlan({ ...iop, daysPerWeek: undefined, weekdays: ['tue', 'thu'], hoursPerDay: 4.5, weeks: 2, skipDates: ['2025-03-06'] });
  t.same(lines.map((l) => l.date), ['2025-03-04', '2025-03-11', '2025-03-13']);
  t.equal(schedule.hoursPerWeek, 9);
  t.equal(schedule.programDays, 3);
});

t.test('an end date sets the length, inclusive', async (t) => {
  const { lines } = expandTreatmentPlan({ ...iop, weeks: undefined, endDate: '2025-03-10' });
  t.same(lines.map((l) => l.date), ['2025-03-03', '2025-03-05', '2025-03-07', '2025-03-10']);
});

t.test('an IOP outside 9-19 hours or 3-5 days a week is allowed with warnings', async (t) => {
  const { warnings } = expandTreatmentPlan({ ...iop, daysPerWeek: 2, hoursPerDay: 2 });
  t.same(warnings.map((w) => w.code).sort(), ['plan.iop-day-under-3-hours', 'plan.iop-days-out-of-range', 'plan.iop-hours-out-of-range']);
  t.equal(warnings.find((w) => w.code === 'plan.iop-days-out-of-range')?.pointer, '/plan/daysPerWeek');
  const heavy = expandTreatmentPlan({ ...iop, daysPerWeek: 5, hoursPerDay: 4 });
  t.same(heavy.warnings.map((w) => w.code), ['plan.iop-hours-out-of-range'], '20 hours a week is PHP intensity');
});

t.test('a PHP under 20 hours a week is flagged', async (t) => {
  const { warnings } = expandTreatmentPlan({ ...iop, levelOfCare: 'partial-hospitalization', daysPerWeek: 5, hoursPerDay: 3 });
  t.same(warnings.map((w) => w.code), ['plan.php-hours-below-minimum']);
});

t.test('impossible schedules are rejected with a JSON pointer per field', async (t) => {
  t.same(fieldErrors(() => expandTreatmentPlan({ ...iop, daysPerWeek: 0 })), ['/plan/daysPerWeek']);
  t.same(fieldErrors(() => expandTreatmentPlan({ ...iop, daysPerWeek: 8 })), ['/plan/daysPerWeek']);
  t.same(fieldErrors(() => expandTreatmentPlan({ ...iop, hoursPerDay: 25 })), ['/plan/hoursPerDay']);
  t.same(fieldErrors(() => expandTreatmentPlan({ ...iop, weeks: 53 })), ['/plan/weeks']);
  t.same(fieldErrors(() => expandTreatmentPlan({ ...iop, weeks: undefined, endDate: '2025-03-01' })), ['/plan/endDate']);
  t.same(fieldErrors(() => expandTreatmentPlan({ ...iop, weeks: undefined, endDate: '2026-03-10' })), ['/plan/endDate']);
  t.same(fieldErrors(() => expandTreatmentPlan({ ...iop, startDate: '2025-02-30' })), ['/plan/startDate']);
  t.same(fieldErrors(() => expandTreatmentPlan({ ...iop, daysPerWeek: undefined, weekdays: [] })), ['/plan/weekdays']);
  t.same(fieldErrors(() => expandTreatmentPlan({ ...iop, skipDates: ['2025-03-05', 'soon'] })), ['/plan/skipDates/1']);
  t.same(fieldErrors(() => expandTreatmentPlan({ ...iop, levelOfCare: 'outpatient-therapy', billing: { model: 'per-diem' } })), ['/plan/billing/code']);
  t.same(fieldErrors(() => expandTreatmentPlan({ ...iop, daysPerWeek: 0, hoursPerDay: 0 })), ['/plan/daysPerWeek', '/plan/hoursPerDay'], 'every failing field at once');
});

t.test('a plan whose every day is a holiday has no program days and is rejected', async (t) => {
  t.same(fieldErrors(() => expandTreatmentPlan({ ...iop, weeks: 1, skipDates: ['2025-03-03', '2025-03-05', '2025-03-07'] })), ['/plan/skipDates']);
});

t.test('the field pointer prefix follows the caller\'s request shape', async (t) => {
  t.same(fieldErrors(() => expandTreatmentPlan({ ...iop, daysPerWeek: 9 }, '/levels/2/plan')), ['/levels/2/plan/daysPerWeek']);
});

t.test('program days on federal holidays are flagged with their names; skipping them clears the flag and bills fewer days', async (t) => {
  const winter: TreatmentPlan = { levelOfCare: 'iop-mental-health', startDate: '2026-12-21', daysPerWeek: 3, hoursPerDay: 3, weeks: 2 };
  const held = expandTreatmentPlan(winter);
  const flag = held.warnings.find((w) => w.code === 'plan.holiday-scheduled');
  t.equal(flag?.message, 'The schedule meets on federal holidays: Christmas Day (2026-12-25), New Year\'s Day (2027-01-01). If the clinic is closed, list them in skipDates: days not held are not billed.');
  t.equal(flag?.pointer, '/plan/skipDates');
  const closed = expandTreatmentPlan({ ...winter, skipDates: ['2026-12-25', '2027-01-01'] });
  t.notOk(closed.warnings.some((w) => w.code === 'plan.holiday-scheduled'));
  t.equal(closed.schedule.programDays, held.schedule.programDays - 2);
  t.notOk(expandTreatmentPlan({ ...winter, startDate: '2026-03-02' }).warnings.some((w) => w.code === 'plan.holiday-scheduled'), 'a March program meets on no holiday');
});
