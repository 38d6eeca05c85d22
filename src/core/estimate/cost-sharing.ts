/**
 * Line-by-line cost sharing with running accumulators, for one scenario whose terms are fully
 * resolved to numbers (unknowns were turned into stated assumptions before this point).
 *
 * Order of operations per line, in date order (facts 3.1, 3.4):
 * 1. Not covered (level of care excluded, no out-of-network benefits, or past a visit/day limit):
 *    the patient pays the clinic's self-pay rate; nothing counts toward deductible or OOP
 *    (non-covered costs do not count toward the OOP maximum, facts 3.2).
 * 2. Copay that waives the deductible (deductibleAppliesToCopay false): the copay once per day
 *    (per 'day') or per visit (per 'visit'), min(copay, allowed), plus coinsurance on the rest
 *    for copay-plus-coinsurance designs. Other lines in an already-charged visit carry only
 *    coinsurance (zero on copay-only designs).
 * 3. Otherwise: deductible = min(effective deductible remaining, allowed); then the copay (when
 *    due) on what is left; then coinsurance on the remainder.
 * 4. Cap the line at the effective OOP remaining; the cap trims coinsurance, then copay, then
 *    deductible. Copays count toward the OOP maximum.
 * 5. Effective remaining is min(individual, family) for embedded designs and the family amount for
 *    aggregate deductibles (facts 3.2). Both individual and family accumulators are decremented.
 * 6. On the first line on or after a plan-year start, accumulators reset to the new year's totals.
 *    A visit/day limit resets on its own dates: 1 January for a calendar-year limit, the plan-year
 *    start for a plan-year limit (a plan year starting 1 July does not restart a calendar-year limit).
 * Amounts are integer cents; coinsurance rounds half-up per line (money.ts).
 */
import { applyRate, type Cents, type Ppm } from '../money.js';
import { formatIsoDay, type DayNumber } from './calendar-days.js';
import type { PricedLine } from './price-lines.js';
import type { BillableLine } from './treatment-plan.js';

/** Why a line is not covered. */
export type NotCoveredReason = 'level-not-covered' | 'no-out-of-network-benefits' | 'past-limit';

/** Accumulator totals that apply from a plan-year start. Infinity means no cap / no limit. */
export interface YearTotals {
  startDay: DayNumber;
  startDate: string;
  deductibleIndividualCents: number;
  deductibleFamilyCents: number;
  oopIndividualCents: number;
  oopFamilyCents: number;
  cite: string;
  /** What the year's lines cite for the deductible and the out-of-pocket maximum: its own totals. */
  deductibleCite: string;
  oopCite: string;
}

/** A visit/day limit starting over: from startDay, `remaining` units are allowed (Infinity: no limit assumed). */
export interface LimitReset {
  startDay: DayNumber;
  startDate: string;
  remaining: number;
  cite: string;
}

/** Citations built once per scenario and shared by every line (no string building per line). */
export interface TermCitations {
  deductible: string;
  oop: string;
  coinsurance: string;
  copay?: string;
  copayWaivesDeductible?: string;
  limit?: string;
  notCovered?: string;
  authorization?: string;
}

/** Terms for one scenario as plain numbers. Infinity means "no cap" (OOP) or "pays in full" (deductible). */
export interface ResolvedTerms {
  network: 'in' | 'out';
  coverage: 'covered' | 'level-not-covered' | 'no-out-of-network-benefits';
  deductibleIndividualCents: number;
  deductibleFamilyCents: number;
  /** Aggregate (non-embedded) deductible: only the family amount counts. */
  deductibleAggregate: boolean;
  oopIndividualCents: number;
  oopFamilyCents: number;
  coinsurancePpm: Ppm;
  copay?: { amountCents: Cents; per: 'visit' | 'day' };
  deductibleAppliesToCopay: boolean;
  limit?: { remaining: number; unit: 'visit' | 'day' };
  authorization?: { units: number; unit: 'visit' | 'day' };
  /** Plan-year starts after the as-of date, ascending. */
  newYears: YearTotals[];
  /** Dates the visit/day limit starts over, ascending (its own period, not always the plan year). */
  limitResets: LimitReset[];
  cites: TermCitations;
}

/** Accumulators after a line. null means no cap or not applicable. */
export interface AccumulatorSnapshot {
  deductibleRemainingIndividualCents: Cents | null;
  deductibleRemainingFamilyCents: Cents | null;
  oopRemainingIndividualCents: Cents | null;
  oopRemainingFamilyCents: Cents | null;
}

/** The money columns every line and every total carries, in cents. */
export interface LineAmounts {
  chargeCents: Cents;
  allowedCents: Cents;
  deductibleCents: Cents;
  copayCents: Cents;
  coinsuranceCents: Cents;
  /** Cost share for covered lines; the self-pay rate for lines that are not covered. */
  patientPaysCents: Cents;
  planPaysCents: Cents;
  /** Out of network: charge - allowed, owed on top of patientPays where state law allows. */
  balanceBillCents: Cents;
}

/** One line of the estimate: the billed line, its arithmetic, and what it cites. */
export interface LineEstimate
  extends Pick<BillableLine, 'date' | 'week' | 'code' | 'codeSystem' | 'revenueCode' | 'units' | 'description'>,
    LineAmounts {
  covered: boolean;
  notCoveredReason?: NotCoveredReason;
  /** Past the authorized units: the payer may deny it. */
  atRisk: boolean;
  after: AccumulatorSnapshot;
  /** Which benefits and rules produced the amounts. */
  cites: string[];
}

/** Sums for a week or a whole program. */
export interface CostTotals extends LineAmounts {
  /** Part of patientPays for lines that were not covered. */
  notCoveredCents: Cents;
  /** patientPays + balanceBill: the most the patient could be billed. */
  patientTotalCents: Cents;
}

/** One program week. */
export interface WeekEstimate extends CostTotals {
  week: number;
  startDate: string;
  endDate: string;
  programDays: number;
  hours: number;
}

/** A dated event worth telling the patient about. */
export interface Milestone {
  date: string;
  kind: 'deductible-met' | 'oop-max-met' | 'plan-year-reset' | 'limit-reset' | 'limit-reached' | 'authorization-exceeded';
  message: string;
}

/** The outcome of cost sharing for one scenario. */
export interface CostSharingResult {
  lines: LineEstimate[];
  weeks: WeekEstimate[];
  totals: CostTotals;
  deductibleMetOn?: string;
  deductibleMetBeforeProgram: boolean;
  oopMetOn?: string;
  milestones: Milestone[];
  atRiskLines: number;
  notCoveredLines: number;
}

function emptyTotals(): CostTotals {
  return {
    chargeCents: 0, allowedCents: 0, deductibleCents: 0, copayCents: 0, coinsuranceCents: 0,
    patientPaysCents: 0, planPaysCents: 0, balanceBillCents: 0, notCoveredCents: 0, patientTotalCents: 0,
  };
}

function add(t: CostTotals, l: LineEstimate): void {
  t.chargeCents += l.chargeCents;
  t.allowedCents += l.allowedCents;
  t.deductibleCents += l.deductibleCents;
  t.copayCents += l.copayCents;
  t.coinsuranceCents += l.coinsuranceCents;
  t.patientPaysCents += l.patientPaysCents;
  t.planPaysCents += l.planPaysCents;
  t.balanceBillCents += l.balanceBillCents;
  if (!l.covered) t.notCoveredCents += l.patientPaysCents;
  t.patientTotalCents += l.patientPaysCents + l.balanceBillCents;
}

const finite = (n: number): number | null => (n === Infinity ? null : n);

/**
 * Applies cost sharing to priced lines in date order. `schedule` gives the program's first day
 * (weeks are counted from it) and hours per day, for the weekly view.
 */
export function applyCostSharing(
  priced: readonly PricedLine[],
  terms: ResolvedTerms,
  schedule: { startDay: DayNumber; hoursPerDay: number },
): CostSharingResult {
  const hoursPerDay = schedule.hoursPerDay;
  let dedInd = terms.deductibleIndividualCents;
  let dedFam = terms.deductibleFamilyCents;
  let oopInd = terms.oopIndividualCents;
  let oopFam = terms.oopFamilyCents;
  let limitLeft = terms.limit?.remaining ?? Infinity;
  const limitByDay = terms.limit?.unit === 'day';
  const authLeftStart = terms.authorization?.units ?? Infinity;
  const authByDay = terms.authorization?.unit !== 'visit';
  let authUsed = 0;
  let lastLimitKey = NaN;
  let lastAuthKey = NaN;
  let limitKeyCovered = true;
  let lastCopayKey = NaN;
  let copayLeft = 0;
  const copay = terms.copay;
  const copayByDay = copay?.per === 'day';
  const waives = copay !== undefined && !terms.deductibleAppliesToCopay;
  const c = terms.cites;
  const coveredPlan = terms.coverage === 'covered';
  const notCoveredReason: NotCoveredReason | undefined = terms.coverage === 'covered' ? undefined : terms.coverage;
  const notCoveredCites = c.notCovered ? [c.notCovered] : [];
  const limitCites = c.limit ? [c.limit] : [];

  let nextYear = 0;
  // After a plan-year turnover the lines cite the new year's totals, not last year's remaining amounts.
  let deductibleCite = c.deductible;
  let oopCite = c.oop;
  let nextLimitReset = 0;
  let limitReachedNoted = false;
  const milestones: Milestone[] = [];
  let deductibleMetOn: string | undefined;
  let oopMetOn: string | undefined;
  const dedStart = terms.deductibleAggregate ? dedFam : Math.min(dedInd, dedFam);
  const deductibleMetBeforeProgram = dedStart === 0;
  let atRiskLines = 0;
  let notCoveredLines = 0;

  const lines: LineEstimate[] = new Array(priced.length);
  const totals = emptyTotals();
  const weeks: WeekEstimate[] = [];
  let lastWeekDay = NaN;

  for (let i = 0; i < priced.length; i++) {
    const p = priced[i]!;
    const bl = p.line;

    // Plan-year turnover: the new year's full totals apply.
    while (nextYear < terms.newYears.length && bl.day >= terms.newYears[nextYear]!.startDay) {
      const y = terms.newYears[nextYear]!;
      dedInd = y.deductibleIndividualCents;
      dedFam = y.deductibleFamilyCents;
      oopInd = y.oopIndividualCents;
      oopFam = y.oopFamilyCents;
      deductibleCite = y.deductibleCite;
      oopCite = y.oopCite;
      milestones.push({ date: bl.date, kind: 'plan-year-reset', message: y.cite });
      nextYear++;
    }
    // A yearly visit/day limit restarts on its own period's first day.
    while (nextLimitReset < terms.limitResets.length && bl.day >= terms.limitResets[nextLimitReset]!.startDay) {
      const r = terms.limitResets[nextLimitReset]!;
      limitLeft = r.remaining;
      lastLimitKey = NaN;
      limitReachedNoted = false;
      milestones.push({ date: bl.date, kind: 'limit-reset', message: r.cite });
      nextLimitReset++;
    }

    // Limits and authorizations count program days (unit 'day') or visits (unit 'visit').
    let pastLimit = false;
    if (terms.limit !== undefined) {
      const key = limitByDay ? (bl.kind === 'program' ? bl.day : NaN) : bl.visitId;
      if (key === key) {
        if (key !== lastLimitKey) {
          lastLimitKey = key;
          limitKeyCovered = limitLeft > 0;
          if (limitKeyCovered) limitLeft--;
          else if (!limitReachedNoted) {
            limitReachedNoted = true;
            milestones.push({ date: bl.date, kind: 'limit-reached', message: `${terms.limit.unit} limit reached; later ${terms.limit.unit}s are not covered` });
          }
        }
        pastLimit = !limitKeyCovered;
      }
    }
    let atRisk = false;
    if (terms.authorization !== undefined) {
      const key = authByDay ? (bl.kind === 'program' ? bl.day : NaN) : bl.visitId;
      if (key === key && key !== lastAuthKey) {
        lastAuthKey = key;
        authUsed++;
      }
      atRisk = authUsed > authLeftStart;
    }

    let line: LineEstimate;
    if (!coveredPlan || pastLimit) {
      line = {
        date: bl.date, week: bl.week, code: bl.code, codeSystem: bl.codeSystem, units: bl.units, description: bl.description,
        chargeCents: p.chargeCents, allowedCents: 0, deductibleCents: 0, copayCents: 0, coinsuranceCents: 0,
        patientPaysCents: p.selfPayCents, planPaysCents: 0, balanceBillCents: 0,
        covered: false, notCoveredReason: pastLimit ? 'past-limit' : notCoveredReason, atRisk,
        after: { deductibleRemainingIndividualCents: finite(dedInd), deductibleRemainingFamilyCents: finite(dedFam), oopRemainingIndividualCents: finite(oopInd), oopRemainingFamilyCents: finite(oopFam) },
        cites: pastLimit ? limitCites : notCoveredCites,
      };
      notCoveredLines++;
    } else {
      const allowed = p.allowedCents;
      const dedRem = terms.deductibleAggregate ? dedFam : dedInd < dedFam ? dedInd : dedFam;
      const oopRem = oopInd < oopFam ? oopInd : oopFam;
      // A copay is owed once per day (or visit); when the first line's allowed amount is smaller
      // than the copay, the rest is collected on the day's next lines.
      let copayDue = false;
      if (copay !== undefined) {
        const key = copayByDay ? bl.day : bl.visitId;
        if (key !== lastCopayKey) {
          lastCopayKey = key;
          copayLeft = copay.amountCents;
          copayDue = true;
        } else copayDue = copayLeft > 0;
      }
      let ded = 0;
      let cp = 0;
      let rest = allowed;
      if (!waives) {
        ded = dedRem < allowed ? dedRem : allowed;
        rest = allowed - ded;
      }
      if (copayDue) {
        cp = copayLeft < rest ? copayLeft : rest;
        copayLeft -= cp;
      }
      let coins = terms.coinsurancePpm === 0 ? 0 : applyRate(rest - cp, terms.coinsurancePpm);
      let capped = false;
      if (ded + cp + coins > oopRem) {
        capped = true;
        if (ded > oopRem) ded = oopRem;
        if (cp > oopRem - ded) cp = oopRem - ded;
        coins = oopRem - ded - cp;
      }
      const patient = ded + cp + coins;
      if (ded > 0) {
        dedInd -= ded;
        dedFam -= ded;
      }
      oopInd -= patient;
      oopFam -= patient;
      const cites: string[] = [];
      if (ded > 0) cites.push(deductibleCite);
      if (copayDue) cites.push(waives ? c.copayWaivesDeductible ?? c.copay! : c.copay!);
      if (coins > 0 || (terms.coinsurancePpm > 0 && rest - cp > 0 && !capped)) cites.push(c.coinsurance);
      if (capped || oopRem === 0) cites.push(oopCite);
      // A covered line the patient pays nothing for still says why: the share it applied (0%, a
      // met deductible, or a QMB waiver all end in the coinsurance term's citation).
      if (cites.length === 0) cites.push(c.coinsurance);
      if (atRisk && c.authorization) cites.push(c.authorization);
      line = {
        date: bl.date, week: bl.week, code: bl.code, codeSystem: bl.codeSystem, units: bl.units, description: bl.description,
        chargeCents: p.chargeCents, allowedCents: allowed, deductibleCents: ded, copayCents: cp, coinsuranceCents: coins,
        patientPaysCents: patient, planPaysCents: allowed - patient, balanceBillCents: p.balanceBillCents,
        covered: true, atRisk,
        after: { deductibleRemainingIndividualCents: finite(dedInd), deductibleRemainingFamilyCents: finite(dedFam), oopRemainingIndividualCents: finite(oopInd), oopRemainingFamilyCents: finite(oopFam) },
        cites,
      };
      const dedAfter = terms.deductibleAggregate ? dedFam : dedInd < dedFam ? dedInd : dedFam;
      if (dedRem > 0 && dedAfter === 0) {
        deductibleMetOn ??= bl.date;
        milestones.push({ date: bl.date, kind: 'deductible-met', message: 'Deductible met' });
      }
      const oopAfter = oopInd < oopFam ? oopInd : oopFam;
      if (oopRem > 0 && oopAfter === 0) {
        oopMetOn ??= bl.date;
        milestones.push({ date: bl.date, kind: 'oop-max-met', message: 'Out-of-pocket maximum met; the plan pays covered services in full after this' });
      }
    }
    if (bl.revenueCode !== undefined) line.revenueCode = bl.revenueCode;
    if (atRisk) {
      if (atRiskLines === 0) milestones.push({ date: bl.date, kind: 'authorization-exceeded', message: 'Past the authorized units: later services may be denied unless the authorization is extended' });
      atRiskLines++;
    }
    lines[i] = line;
    add(totals, line);

    let w = weeks[bl.week - 1];
    if (w === undefined) {
      // Calendar weeks from the start date, including weeks with no program days (holidays).
      for (let k = weeks.length; k < bl.week; k++) {
        const first = schedule.startDay + k * 7;
        weeks.push({
          week: k + 1, startDate: formatIsoDay(first), endDate: formatIsoDay(first + 6), programDays: 0, hours: 0,
          chargeCents: 0, allowedCents: 0, deductibleCents: 0, copayCents: 0, coinsuranceCents: 0,
          patientPaysCents: 0, planPaysCents: 0, balanceBillCents: 0, notCoveredCents: 0, patientTotalCents: 0,
        });
      }
      w = weeks[bl.week - 1]!;
    }
    if (bl.kind === 'program' && bl.day !== lastWeekDay) {
      lastWeekDay = bl.day;
      w.programDays++;
      w.hours += hoursPerDay;
    }
    add(w, line);
  }

  const result: CostSharingResult = { lines, weeks, totals, deductibleMetBeforeProgram, milestones, atRiskLines, notCoveredLines };
  if (deductibleMetOn !== undefined) result.deductibleMetOn = deductibleMetOn;
  if (oopMetOn !== undefined) result.oopMetOn = oopMetOn;
  return result;
}
