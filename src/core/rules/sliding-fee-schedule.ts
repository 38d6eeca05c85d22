/**
 * A clinic's sliding fee discount schedule (SFDS), HRSA style (Health Center Program Compliance
 * Manual ch. 9): a full discount with an optional nominal charge at or below 100% of the poverty
 * guideline, partial discounts in pay classes from 101% to 200%, no discount above 200%.
 * Eligibility rests on income and household size only; assets are never counted (HRSA FAQ).
 * The data lives in fixtures/rules/sliding-fee-schedule.json and is checked at start-up.
 */
import type { Cents, Ppm } from '../money.js';

/** What the patient pays in a tier. */
export type SlidingFeeCharge =
  /** A flat nominal fee per visit or per program day instead of the charge (<= 100% FPG). */
  | { kind: 'nominal'; amountCents: Cents; per: 'visit' | 'day' }
  /** A discount off the charge, as ppm of the charge (800_000 = 80% off). */
  | { kind: 'discount'; discountPpm: Ppm }
  /** No discount (above the top tier). */
  | { kind: 'none' };

/** A document the clinic collects to place a household in a tier. */
export interface SlidingFeeDocument {
  code: string;
  description: string;
}

/**
 * One pay class. It covers incomes above `abovePercent` of the guideline up to and including
 * `upToPercent` (null = no upper bound); the first tier starts at 0% inclusive.
 */
export interface SlidingFeeTier {
  id: string;
  label: string;
  abovePercent: number;
  upToPercent: number | null;
  charge: SlidingFeeCharge;
  documents: SlidingFeeDocument[];
}

/** A clinic's whole schedule. */
export interface SlidingFeeSchedule {
  id: string;
  name: string;
  effectiveFrom: string;
  /** Self-pay charges always get the discount; patient responsibility after insurance only when true. */
  applyToInsuredPatientResponsibility: boolean;
  /** Optional cap on what a household pays in a year, as ppm of its annual income. */
  annualCapPpmOfIncome?: Ppm;
  tiers: SlidingFeeTier[];
  source?: string;
}

/** A problem with a schedule's tiers, with the index of the tier it is about. */
export interface ScheduleIssue {
  tierIndex: number;
  field: 'abovePercent' | 'upToPercent';
  message: string;
}

/**
 * Finds gaps, overlaps and ordering mistakes in the tiers: they must start at 0%, each must begin
 * where the one before ends, and only the last may be open-ended, so every income lands in
 * exactly one tier.
 */
export function checkSlidingFeeTiers(tiers: readonly Pick<SlidingFeeTier, 'abovePercent' | 'upToPercent'>[]): ScheduleIssue[] {
  const issues: ScheduleIssue[] = [];
  tiers.forEach((tier, index) => {
    if (tier.upToPercent !== null && tier.upToPercent <= tier.abovePercent) {
      issues.push({ tierIndex: index, field: 'upToPercent', message: `must be greater than abovePercent (${tier.abovePercent})` });
    }
    if (index === 0) {
      if (tier.abovePercent !== 0) issues.push({ tierIndex: 0, field: 'abovePercent', message: 'the first tier must start at 0% so no income is left out' });
    } else {
      const previous = tiers[index - 1];
      const previousEnd = previous?.upToPercent ?? null;
      if (previousEnd === null) {
        issues.push({ tierIndex: index - 1, field: 'upToPercent', message: 'only the last tier may be open-ended (null)' });
      } else if (tier.abovePercent > previousEnd) {
        issues.push({ tierIndex: index, field: 'abovePercent', message: `gap: incomes above ${previousEnd}% and up to ${tier.abovePercent}% fall in no tier` });
      } else if (tier.abovePercent < previousEnd) {
        issues.push({ tierIndex: index, field: 'abovePercent', message: `overlap: incomes above ${tier.abovePercent}% and up to ${previousEnd}% fall in two tiers` });
      }
    }
  });
  const last = tiers[tiers.length - 1];
  if (last && last.upToPercent !== null) {
    issues.push({ tierIndex: tiers.length - 1, field: 'upToPercent', message: `the last tier must be open-ended (null) so incomes above ${last.upToPercent}% land in a tier` });
  }
  return issues;
}
