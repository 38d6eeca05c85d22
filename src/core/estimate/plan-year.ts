/**
 * The plan (benefit) year from the payer's own dates. Deductibles and out-of-pocket maximums reset
 * when the plan year starts, and many employer plans do not start on 1 January, so a payer that
 * states a whole benefit or plan year should decide the reset date rather than a calendar-year
 * assumption. Pure: dates in, month and day out.
 */
import type { PlanDates } from '../coverage/coverage-model.js';
import { civilFromDays, nextAnniversary, parseIsoDay } from './calendar-days.js';

/** A plan year start taken from payer dates, with words saying which dates. */
export interface PayerPlanYear {
  startMonth: number;
  startDay: number;
  /** E.g. "the payer's benefit period (2025-07-01 to 2026-06-30)". */
  source: string;
}

/** True when `end` closes the year that starts on `begin` (the day before the anniversary, or the anniversary itself). */
function isOneYear(begin: number, end: number, month: number, day: number): boolean {
  const anniversary = nextAnniversary(begin + 1, month, day);
  return end === anniversary - 1 || end === anniversary;
}

/**
 * The plan year the payer's dates describe, or undefined when they do not describe one whole year.
 * The benefit period (X12 DTP*292, clearinghouse benefit dates, FHIR insurance.benefitPeriod) is
 * the accumulator year itself, so it comes first; plan dates (DTP*291, or 346 with 347) come next.
 * A begin date alone is not enough: it is often the member's enrollment date, not the plan year's.
 */
export function planYearFromPayerDates(dates: PlanDates): PayerPlanYear | undefined {
  const candidates: [string | undefined, string | undefined, string][] = [
    [dates.benefitYearBegin, dates.benefitYearEnd, "the payer's benefit period"],
    [dates.planBegin, dates.planEnd, "the payer's plan dates"],
  ];
  for (const [beginText, endText, what] of candidates) {
    if (beginText === undefined || endText === undefined) continue;
    const begin = parseIsoDay(beginText);
    const end = parseIsoDay(endText);
    if (begin === undefined || end === undefined) continue;
    const { month, day } = civilFromDays(begin);
    if (!isOneYear(begin, end, month, day)) continue;
    return { startMonth: month, startDay: day, source: `${what} (${beginText} to ${endText})` };
  }
  return undefined;
}

/**
 * The last day the payer confirmed coverage for: the earlier of the eligibility end (X12 DTP*357 or
 * the end of 307) and the policy expiration (540). A plan end date is left out: plan years end and
 * renew, and that says nothing about this member's coverage stopping.
 */
export function coverageConfirmedThrough(dates: PlanDates): { date: string; source: string } | undefined {
  const ends = [
    { date: dates.eligibilityEnd, source: "the payer's eligibility end date" },
    { date: dates.policyExpiration, source: 'the policy expiration date' },
  ].filter((end): end is { date: string; source: string } => end.date !== undefined && parseIsoDay(end.date) !== undefined);
  ends.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return ends[0];
}
