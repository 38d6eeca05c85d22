/**
 * HHS poverty guidelines: one dated table per year, three regions, a base amount for a household
 * of one plus an amount per additional person (guideline(n) = base + (n - 1) x increment, as the
 * Federal Register notice states). The data lives in fixtures/rules/poverty-guidelines-YYYY.json.
 */
import type { Cents } from '../money.js';
import { toDayNumber } from './calendar-dates.js';

/** Guideline regions: the 48 contiguous states + DC, Alaska, Hawaii. */
export const POVERTY_REGIONS = ['contiguous', 'alaska', 'hawaii'] as const;
export type PovertyRegion = (typeof POVERTY_REGIONS)[number];

/** One region's figures in one year's guidelines. */
export interface PovertyRegionFigures {
  baseCents: Cents;
  perAdditionalPersonCents: Cents;
  /** False when any figure is not confirmed against the Federal Register notice. */
  verified: boolean;
  note?: string;
}

/** One year's HHS poverty guidelines as published, with the date they take effect. */
export interface PovertyGuideline {
  year: number;
  /** ISO date the guidelines take effect (the Federal Register notice says which). */
  effectiveFrom: string;
  source: { document: string; url: string; table?: string };
  regions: Record<PovertyRegion, PovertyRegionFigures>;
}

/** True when the string names a guideline region. */
export function isPovertyRegion(value: string): value is PovertyRegion {
  return (POVERTY_REGIONS as readonly string[]).includes(value);
}

/** The guideline amount for a household of `householdSize` (a positive integer) in a region. */
export function guidelineAmountCents(guideline: PovertyGuideline, region: PovertyRegion, householdSize: number): Cents {
  const figures = guideline.regions[region];
  return figures.baseCents + (householdSize - 1) * figures.perAdditionalPersonCents;
}

/**
 * The guideline in force on a date: the one with the latest effectiveFrom on or before it.
 * Undefined when every guideline starts later.
 */
export function selectPovertyGuideline(guidelines: readonly PovertyGuideline[], date: string): PovertyGuideline | undefined {
  const day = toDayNumber(date);
  let chosen: PovertyGuideline | undefined;
  for (const g of guidelines) {
    if (toDayNumber(g.effectiveFrom) > day) continue;
    if (!chosen || toDayNumber(g.effectiveFrom) > toDayNumber(chosen.effectiveFrom)) chosen = g;
  }
  return chosen;
}
