/**
 * The same patient priced at several levels of care side by side (IOP vs PHP vs outpatient vs
 * residential). Each level starts from the same accumulators: they are alternatives, not steps.
 */
import type { CostSharingTerms } from '../coverage/coverage-model.js';
import { LEVELS_OF_CARE, type LevelOfCare } from '../coverage/level-of-care.js';
import type { Cents } from '../money.js';
import { estimateProgramCost, type Confidence, type EstimateInput, type ProgramEstimate } from './estimate-program.js';
import type { ScheduleSummary, TreatmentPlan } from './treatment-plan.js';

/** Typical schedules per level of care, used when a level is compared without its own plan. */
export const DEFAULT_PLANS: Readonly<Record<LevelOfCare, Omit<TreatmentPlan, 'levelOfCare' | 'startDate'>>> = {
  /** 3 h/day, 3 days/week (9 h/week, the IOP floor), 8 weeks: within the usual 6-12 (facts 3.4). */
  'iop-mental-health': { daysPerWeek: 3, hoursPerDay: 3, weeks: 8, billing: { model: 'per-diem' } },
  'iop-substance-use': { daysPerWeek: 3, hoursPerDay: 3, weeks: 8, billing: { model: 'per-diem' } },
  /** 6 h/day, 5 days/week (30 h/week, above the 20 h PHP floor), 4 weeks. */
  'partial-hospitalization': { daysPerWeek: 5, hoursPerDay: 6, weeks: 4, billing: { model: 'per-diem' } },
  /** One 60-minute session a week for 12 weeks, after an evaluation. */
  'outpatient-therapy': {
    daysPerWeek: 1, hoursPerDay: 1, weeks: 12,
    billing: { model: 'per-service', services: [{ code: '90837' }] },
    extraSessions: [{ code: '90791', when: 'first-day' }],
  },
  /** 24-hour care every day for 4 weeks. */
  residential: { daysPerWeek: 7, hoursPerDay: 24, weeks: 4, billing: { model: 'per-diem' } },
};

/** One level to compare; its plan defaults to DEFAULT_PLANS starting on the shared start date. */
export interface LevelToCompare {
  levelOfCare: LevelOfCare;
  plan?: TreatmentPlan;
  terms: { in?: CostSharingTerms; out?: CostSharingTerms };
}

/** Inputs shared by every level: the estimate's own options, a common start date and the levels. */
export interface CompareInput
  extends Pick<EstimateInput, 'networkStatus' | 'feeSchedule' | 'payerId' | 'asOf' | 'planType' | 'planYear' | 'planYearSource' | 'coverageConfirmedThrough' | 'deductibleMode'> {
  startDate: string;
  levels: LevelToCompare[];
}

/** One level's row in the comparison. */
export interface LevelComparison {
  levelOfCare: LevelOfCare;
  label: string;
  schedule: ScheduleSummary;
  lowCents: Cents;
  expectedCents: Cents;
  highCents: Cents;
  /** Expected patient total per program week. */
  weeklyExpectedCents: Cents[];
  /** Expected patient total per program hour, rounded to the cent. */
  perHourExpectedCents: Cents;
  confidence: Confidence;
  summary: string;
  estimate: ProgramEstimate;
}

/** Estimates each level of care for the same patient and returns the rows side by side. */
export function compareLevelsOfCare(input: CompareInput): { rows: LevelComparison[] } {
  const rows = input.levels.map((level, i): LevelComparison => {
    const plan: TreatmentPlan = level.plan ?? { levelOfCare: level.levelOfCare, startDate: input.startDate, ...DEFAULT_PLANS[level.levelOfCare] };
    const estimateInput: EstimateInput = {
      plan, terms: level.terms, networkStatus: input.networkStatus, feeSchedule: input.feeSchedule, payerId: input.payerId, asOf: input.asOf,
    };
    if (input.planType !== undefined) estimateInput.planType = input.planType;
    if (input.planYear !== undefined) estimateInput.planYear = input.planYear;
    if (input.planYearSource !== undefined) estimateInput.planYearSource = input.planYearSource;
    if (input.coverageConfirmedThrough !== undefined) estimateInput.coverageConfirmedThrough = input.coverageConfirmedThrough;
    if (input.deductibleMode !== undefined) estimateInput.deductibleMode = input.deductibleMode;
    const estimate = estimateProgramCost(estimateInput, { pointerPrefix: `/levels/${i}` });
    const expected = estimate.range.expectedCents;
    return {
      levelOfCare: level.levelOfCare,
      label: LEVELS_OF_CARE[level.levelOfCare].label,
      schedule: estimate.schedule,
      lowCents: estimate.range.lowCents,
      expectedCents: expected,
      highCents: estimate.range.highCents,
      weeklyExpectedCents: estimate.expected.weeks.map((w) => w.patientTotalCents),
      perHourExpectedCents: estimate.schedule.totalProgramHours > 0 ? Math.round(expected / estimate.schedule.totalProgramHours) : 0,
      confidence: estimate.confidence,
      summary: estimate.summary,
      estimate,
    };
  });
  return { rows };
}
