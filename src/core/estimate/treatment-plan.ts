/**
 * A treatment plan (level of care, schedule, billing model) and its expansion into dated billable
 * lines, one per code per day, in date order. The cost engine prices and cost-shares these lines.
 */
import { DomainError, type FieldError } from '../errors.js';
import { LEVELS_OF_CARE, type LevelOfCare } from '../coverage/level-of-care.js';
import { codeSystemOf, describeCode, type CodeSystem } from './billing-codes.js';
import { civilFromDays, formatIsoDay, IsoDayCursor, parseIsoDay, weekdayOf, type DayNumber } from './calendar-days.js';
import { usFederalHolidays } from '../rules/calendar-dates.js';

/** Days of the week, in JavaScript order (0 = Sunday). */
export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** The weekdays a program meets on for a given number of days a week (3 -> Mon/Wed/Fri). */
export const DEFAULT_WEEKDAYS: Readonly<Record<number, readonly Weekday[]>> = {
  1: ['mon'],
  2: ['tue', 'thu'],
  3: ['mon', 'wed', 'fri'],
  4: ['mon', 'tue', 'thu', 'fri'],
  5: ['mon', 'tue', 'wed', 'thu', 'fri'],
  6: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'],
  7: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'],
};

/** One billed service in a per-service day. */
export interface ServiceSpec {
  code: string;
  units?: number;
  description?: string;
}

/** How the program bills each day: one per-diem code, or itemized services. */
export type BillingModel =
  | {
      model: 'per-diem';
      /** Defaults to the level of care's per-diem HCPCS code (S9480, H0015, H0035, H0018). */
      code?: string;
      /** Defaults to the level of care's revenue code (0905, 0906, 0913, 1002). */
      revenueCode?: string;
      /** 'REV' bills the revenue code alone with one unit per day, as some UB-04 payers ask. */
      codeSystem?: 'HCPCS' | 'REV';
    }
  | { model: 'per-service'; services: ServiceSpec[]; revenueCode?: string };

/** A session outside the program day: an evaluation on day 1, or weekly individual therapy. */
export interface ExtraSession {
  code: string;
  when: 'first-day' | 'weekly';
  /** For weekly sessions: the weekday; defaults to the first program day of each week. */
  weekday?: Weekday;
  units?: number;
  description?: string;
}

/** What the clinic plans to deliver. */
export interface TreatmentPlan {
  levelOfCare: LevelOfCare;
  /** ISO date YYYY-MM-DD of the first day. */
  startDate: string;
  /** 1-7; picks typical weekdays (3 -> Mon/Wed/Fri). Give this or `weekdays`. */
  daysPerWeek?: number;
  weekdays?: Weekday[];
  hoursPerDay: number;
  /** Program length in weeks (1-52). Give this or `endDate`. */
  weeks?: number;
  /** ISO date of the last possible day, inclusive. */
  endDate?: string;
  /** Defaults to per-diem, or to per-service 90837 for outpatient therapy. */
  billing?: BillingModel;
  extraSessions?: ExtraSession[];
  /** Holidays and other days the program does not meet. */
  skipDates?: string[];
}

const HOLIDAY_DAYS_BY_YEAR = new Map<number, ReadonlyMap<DayNumber, string>>();

/** The federal holidays (as observed) from `first` to `last`, by day number: schedules are walked by day number. */
function holidaysBetween(first: DayNumber, last: DayNumber): ReadonlyMap<DayNumber, string> {
  const from = civilFromDays(first).year;
  const to = civilFromDays(last).year;
  if (from === to) return holidayDaysOf(from);
  const all = new Map<DayNumber, string>();
  for (let year = from; year <= to; year++) for (const [day, name] of holidayDaysOf(year)) all.set(day, name);
  return all;
}

function holidayDaysOf(year: number): ReadonlyMap<DayNumber, string> {
  let days = HOLIDAY_DAYS_BY_YEAR.get(year);
  if (days === undefined) {
    days = new Map([...usFederalHolidays(year)].map(([date, name]) => [parseIsoDay(date)!, name] as const));
    if (HOLIDAY_DAYS_BY_YEAR.size < 400) HOLIDAY_DAYS_BY_YEAR.set(year, days);
  }
  return days;
}

/** One dated, billable line. */
export interface BillableLine {
  date: string;
  /** Internal day number of `date`, for fast comparisons. */
  day: DayNumber;
  /** 1-based program week counted from the start date. */
  week: number;
  code: string;
  codeSystem: CodeSystem;
  revenueCode?: string;
  units: number;
  description: string;
  /** 'program' for the program day's lines; 'session' for extra sessions. */
  kind: 'program' | 'session';
  /** Lines with the same visit id are one visit (one per-visit copay). */
  visitId: number;
}

/** A plan that is possible but unusual for its level of care. */
export interface PlanWarning {
  code:
    | 'plan.iop-hours-out-of-range' | 'plan.iop-days-out-of-range' | 'plan.iop-day-under-3-hours' | 'plan.php-hours-below-minimum'
    | 'plan.extra-session-skipped' | 'plan.holiday-scheduled';
  message: string;
  pointer: string;
}

/** Shape of the schedule, for display and comparison. */
export interface ScheduleSummary {
  firstDate: string;
  lastDate: string;
  weeks: number;
  programDays: number;
  daysPerWeek: number;
  hoursPerDay: number;
  hoursPerWeek: number;
  totalProgramHours: number;
}

/** Lines plus warnings and a summary of the schedule. */
export interface ExpandedPlan {
  lines: BillableLine[];
  warnings: PlanWarning[];
  schedule: ScheduleSummary;
}

const MAX_WEEKS = 52;

// The typical weekday pattern per days-a-week count, as a Sunday-first membership array.
const WEEKDAY_SETS: readonly boolean[][] = Array.from({ length: 8 }, (_, n) => WEEKDAYS.map((d) => DEFAULT_WEEKDAYS[n]?.includes(d) ?? false));

function isWeekday(value: string): value is Weekday {
  return (WEEKDAYS as readonly string[]).includes(value);
}

/** What a line is, before it has a date. */
interface LineSpec {
  code: string;
  codeSystem: CodeSystem;
  revenueCode?: string;
  units: number;
  description: string;
}

function makeLine(date: string, day: DayNumber, week: number, c: LineSpec, kind: 'program' | 'session', slot: number): BillableLine {
  const line: BillableLine = { date, day, week, code: c.code, codeSystem: c.codeSystem, units: c.units, description: c.description, kind, visitId: day * 32 + slot };
  if (c.revenueCode !== undefined) line.revenueCode = c.revenueCode;
  return line;
}

function defaultBilling(level: LevelOfCare): BillingModel {
  return level === 'outpatient-therapy' ? { model: 'per-service', services: [{ code: '90837' }] } : { model: 'per-diem' };
}

/**
 * Expands a plan into dated billable lines in date order; throws DomainError('plan.invalid') with
 * JSON-pointer field errors when the schedule is impossible. `pointer` prefixes field pointers.
 */
export function expandTreatmentPlan(plan: TreatmentPlan, pointer = '/plan'): ExpandedPlan {
  const errors: FieldError[] = [];
  const fail = (field: string, message: string): void => {
    errors.push({ pointer: `${pointer}/${field}`, message });
  };

  const level = LEVELS_OF_CARE[plan.levelOfCare];
  if (level === undefined) fail('levelOfCare', 'must be a known level of care');
  const start = parseIsoDay(plan.startDate);
  if (start === undefined) fail('startDate', 'must be a calendar date YYYY-MM-DD');

  // Weekdays: explicit list or the typical pattern for N days a week.
  let weekdaySet: boolean[] = [];
  if (plan.weekdays !== undefined) {
    const valid = plan.weekdays.every(isWeekday);
    if (!valid) fail('weekdays', 'must be weekday names sun..sat');
    else if (plan.weekdays.length === 0) fail('weekdays', 'must name at least one day (0 days a week is not a schedule)');
    else if (new Set(plan.weekdays).size !== plan.weekdays.length) fail('weekdays', 'must not repeat a day');
    else if (plan.daysPerWeek !== undefined && plan.daysPerWeek !== plan.weekdays.length) {
      fail('daysPerWeek', `says ${plan.daysPerWeek} but weekdays lists ${plan.weekdays.length}`);
    }
    weekdaySet = WEEKDAYS.map((d) => plan.weekdays?.includes(d) ?? false);
  } else if (plan.daysPerWeek === undefined) {
    fail('daysPerWeek', 'give daysPerWeek (1-7) or weekdays');
  } else if (!Number.isInteger(plan.daysPerWeek) || plan.daysPerWeek < 1 || plan.daysPerWeek > 7) {
    fail('daysPerWeek', 'must be a whole number of days from 1 to 7');
  } else {
    weekdaySet = WEEKDAY_SETS[plan.daysPerWeek]!;
  }
  const daysPerWeek = weekdaySet.filter(Boolean).length;

  if (!(typeof plan.hoursPerDay === 'number' && plan.hoursPerDay > 0 && plan.hoursPerDay <= 24)) {
    fail('hoursPerDay', 'must be more than 0 and at most 24');
  }

  // Length: weeks or an end date, never both, never beyond a year.
  let last: DayNumber | undefined;
  if (plan.weeks !== undefined && plan.endDate !== undefined) {
    fail('endDate', 'give weeks or endDate, not both');
  } else if (plan.weeks !== undefined) {
    if (!Number.isInteger(plan.weeks) || plan.weeks < 1 || plan.weeks > MAX_WEEKS) fail('weeks', `must be a whole number from 1 to ${MAX_WEEKS}`);
    else if (start !== undefined) last = start + plan.weeks * 7 - 1;
  } else if (plan.endDate !== undefined) {
    const end = parseIsoDay(plan.endDate);
    if (end === undefined) fail('endDate', 'must be a calendar date YYYY-MM-DD');
    else if (start !== undefined && end < start) fail('endDate', 'must not be before startDate');
    else if (start !== undefined && end - start + 1 > MAX_WEEKS * 7) fail('endDate', `must be within ${MAX_WEEKS} weeks of startDate`);
    else last = end;
  } else {
    fail('weeks', 'give weeks or endDate');
  }

  const skip = new Set<DayNumber>();
  plan.skipDates?.forEach((text, i) => {
    const d = parseIsoDay(text);
    if (d === undefined) fail(`skipDates/${i}`, 'must be a calendar date YYYY-MM-DD');
    else skip.add(d);
  });

  const billing = plan.billing ?? (level === undefined ? { model: 'per-diem' as const } : defaultBilling(plan.levelOfCare));
  let programCodes: LineSpec[] = [];
  if (billing.model === 'per-diem') {
    const revenueCode = billing.revenueCode ?? level?.revenueCode;
    const code = billing.codeSystem === 'REV' ? revenueCode : (billing.code ?? level?.perDiemHcpcs);
    if (code === undefined) fail('billing/code', `${plan.levelOfCare} has no per-diem code; give one or bill per service`);
    else {
      programCodes = [{
        code,
        codeSystem: billing.codeSystem === 'REV' ? 'REV' : codeSystemOf(code),
        ...(revenueCode !== undefined && billing.codeSystem !== 'REV' ? { revenueCode } : {}),
        units: 1, // per diem: one unit per program day (facts 1.1, 1.2 BCBS NE)
        description: describeCode(code),
      }];
    }
  } else if (billing.model === 'per-service') {
    if (!Array.isArray(billing.services) || billing.services.length === 0) fail('billing/services', 'must list at least one service per day');
    else {
      billing.services.forEach((s, i) => {
        if (typeof s.code !== 'string' || s.code.length === 0) fail(`billing/services/${i}/code`, 'must be a code');
        if (s.units !== undefined && !(Number.isInteger(s.units) && s.units >= 1 && s.units <= 96)) fail(`billing/services/${i}/units`, 'must be a whole number from 1 to 96');
      });
      programCodes = billing.services.map((s) => ({
        code: s.code,
        codeSystem: codeSystemOf(s.code),
        ...(billing.revenueCode !== undefined ? { revenueCode: billing.revenueCode } : {}),
        units: s.units ?? 1,
        description: s.description ?? describeCode(s.code),
      }));
    }
  } else {
    fail('billing/model', "must be 'per-diem' or 'per-service'");
  }

  const extras = plan.extraSessions ?? [];
  extras.forEach((s, i) => {
    if (s.when !== 'first-day' && s.when !== 'weekly') fail(`extraSessions/${i}/when`, "must be 'first-day' or 'weekly'");
    if (s.weekday !== undefined && !isWeekday(s.weekday)) fail(`extraSessions/${i}/weekday`, 'must be a weekday name sun..sat');
    if (s.units !== undefined && !(Number.isInteger(s.units) && s.units >= 1 && s.units <= 96)) fail(`extraSessions/${i}/units`, 'must be a whole number from 1 to 96');
  });

  if (errors.length > 0 || start === undefined || last === undefined) {
    throw new DomainError('plan.invalid', 'The treatment plan is not possible: ' + errors.map((e) => `${e.pointer} ${e.message}`).join('; '), { errors });
  }

  const lines: BillableLine[] = [];
  const warnings: PlanWarning[] = [];
  let firstProgramDay: DayNumber | undefined;
  let programDays = 0;
  const extraSpecs: LineSpec[] = extras.map((s) => ({ code: s.code, codeSystem: codeSystemOf(s.code), units: s.units ?? 1, description: s.description ?? describeCode(s.code) }));
  const weeklyDoneInWeek = extras.map(() => 0);
  const evaluationDone = extras.map(() => false);

  const cursor = new IsoDayCursor(start);
  for (let d = start; d <= last; d++, cursor.next()) {
    if (skip.size > 0 && skip.has(d)) continue;
    const wd = weekdayOf(d);
    const week = Math.floor((d - start) / 7) + 1;
    const isProgramDay = weekdaySet[wd] === true;
    let date: string | undefined;
    // Evaluation first: it opens the program on day 1.
    for (let i = 0; i < extras.length; i++) {
      if (extras[i]!.when === 'first-day' && !evaluationDone[i] && isProgramDay) {
        evaluationDone[i] = true;
        date ??= cursor.text();
        lines.push(makeLine(date, d, week, extraSpecs[i]!, 'session', 1 + (i % 31)));
      }
    }
    if (isProgramDay) {
      firstProgramDay ??= d;
      programDays++;
      date ??= cursor.text();
      for (const c of programCodes) lines.push(makeLine(date, d, week, c, 'program', 0));
    }
    // Weekly sessions without a weekday ride on the first program day of each week.
    for (let i = 0; i < extras.length; i++) {
      const s = extras[i]!;
      if (s.when !== 'weekly' || weeklyDoneInWeek[i] === week) continue;
      if (s.weekday !== undefined ? WEEKDAYS[wd] === s.weekday : isProgramDay) {
        weeklyDoneInWeek[i] = week;
        date ??= cursor.text();
        lines.push(makeLine(date, d, week, extraSpecs[i]!, 'session', 1 + (i % 31)));
      }
    }
  }
  const lastDay = lines.length > 0 ? lines[lines.length - 1]!.day : start;

  if (programDays === 0) {
    throw new DomainError('plan.invalid', 'The treatment plan has no program days between its start and end', {
      errors: [{ pointer: `${pointer}/${plan.skipDates?.length ? 'skipDates' : 'weeks'}`, message: 'leaves no program days' }],
    });
  }
  extras.forEach((s, i) => {
    if (s.when === 'first-day' && !evaluationDone[i]) {
      warnings.push({ code: 'plan.extra-session-skipped', message: `${s.code} on the first day could not be scheduled`, pointer: `${pointer}/extraSessions/${i}` });
    }
  });

  // Program days on a federal holiday (as observed): most clinics close, and a day not held is not
  // billed. Said, not applied: the clinic's own calendar decides, through skipDates.
  const holidays: string[] = [];
  const holidayDays = holidaysBetween(start, lastDay);
  let lastHolidayCheck = -1;
  for (const line of lines) {
    if (line.kind !== 'program' || line.day === lastHolidayCheck) continue;
    lastHolidayCheck = line.day;
    const name = holidayDays.get(line.day);
    if (name !== undefined) holidays.push(`${name} (${line.date})`);
  }
  if (holidays.length > 0) {
    warnings.push({
      code: 'plan.holiday-scheduled',
      message: `The schedule meets on ${holidays.length === 1 ? 'a federal holiday' : 'federal holidays'}: ${holidays.join(', ')}. If the clinic is closed, list ${holidays.length === 1 ? 'it' : 'them'} in skipDates: days not held are not billed.`,
      pointer: `${pointer}/skipDates`,
    });
  }

  const hoursPerWeek = daysPerWeek * plan.hoursPerDay;
  const isIop = plan.levelOfCare === 'iop-mental-health' || plan.levelOfCare === 'iop-substance-use';
  // Intensity bands: IOP 9-19 h/week and at least 3 h/day on 3+ days; PHP at least 20 h/week (facts 1.3, 1.5).
  if (isIop && (hoursPerWeek < 9 || hoursPerWeek > 19)) {
    warnings.push({ code: 'plan.iop-hours-out-of-range', message: `IOP is usually 9-19 hours a week; this plan has ${hoursPerWeek}`, pointer: `${pointer}/hoursPerDay` });
  }
  if (isIop && (daysPerWeek < 3 || daysPerWeek > 5)) {
    warnings.push({ code: 'plan.iop-days-out-of-range', message: `IOP usually meets 3-5 days a week; this plan meets ${daysPerWeek}`, pointer: `${pointer}/${plan.weekdays ? 'weekdays' : 'daysPerWeek'}` });
  }
  if (isIop && plan.hoursPerDay < 3) {
    warnings.push({ code: 'plan.iop-day-under-3-hours', message: 'IOP per-diem codes assume at least 3 hours a day; shorter days may be billed as separate services', pointer: `${pointer}/hoursPerDay` });
  }
  if (plan.levelOfCare === 'partial-hospitalization' && hoursPerWeek < 20) {
    warnings.push({ code: 'plan.php-hours-below-minimum', message: `Partial hospitalization is at least 20 hours a week; this plan has ${hoursPerWeek}`, pointer: `${pointer}/hoursPerDay` });
  }

  const weeks = Math.floor((lastDay - start) / 7) + 1;
  return {
    lines,
    warnings,
    schedule: {
      firstDate: formatIsoDay(firstProgramDay ?? start),
      lastDate: formatIsoDay(lastDay),
      weeks,
      programDays,
      daysPerWeek,
      hoursPerDay: plan.hoursPerDay,
      hoursPerWeek,
      totalProgramHours: programDays * plan.hoursPerDay,
    },
  };
}
