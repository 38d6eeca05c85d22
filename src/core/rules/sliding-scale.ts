/**
 * Sliding-fee eligibility and its effect on charges. Income and household size only: assets are
 * never asked for (HRSA Compliance Manual ch. 9 and HRSA SFDP FAQ).
 *
 * Percent of poverty: income / guideline(householdSize). It is reported as integer ppm of the
 * guideline (1_000_000 = 100%) ROUNDED DOWN (truncated). The tier is NOT chosen from that rounded
 * figure: it is chosen by exact integer comparison (income x 100 <= guideline x upToPercent, in
 * BigInt), so an income one cent above 200% is above 200% even though it displays as 200%.
 */
import { DomainError, type FieldError } from '../errors.js';
import { applyRate, type Cents, type Ppm } from '../money.js';
import { isIsoDate } from './calendar-dates.js';
import {
  guidelineAmountCents,
  isPovertyRegion,
  selectPovertyGuideline,
  type PovertyGuideline,
  type PovertyRegion,
} from './poverty-guidelines.js';
import type { SlidingFeeCharge, SlidingFeeDocument, SlidingFeeSchedule, SlidingFeeTier } from './sliding-fee-schedule.js';

/** What a household tells the clinic: size, one income figure, where it lives, when it is seen. */
export interface SlidingScaleInput {
  householdSize: number;
  annualIncomeCents?: number;
  monthlyIncomeCents?: number;
  /** 'contiguous', 'alaska' or 'hawaii'; other text is refused with a field error. */
  region: string;
  /** ISO date of service: picks the poverty guideline in force. */
  dateOfService: string;
}

/** The sliding-scale decision for one household, with everything needed to explain it. */
export interface SlidingScaleEvaluation {
  householdSize: number;
  annualIncomeCents: Cents;
  incomeBasis: 'annual' | 'monthly-times-12';
  /** Income as ppm of the guideline, rounded down (1_000_000 = 100%). */
  percentOfPovertyPpm: Ppm;
  /** The same figure for people, e.g. "187.5%". */
  percentOfPovertyText: string;
  rounding: string;
  guideline: {
    year: number;
    region: PovertyRegion;
    effectiveFrom: string;
    householdSize: number;
    amountCents: Cents;
    verified: boolean;
    source: { document: string; url: string };
  };
  tier: { id: string; label: string; abovePercent: number; upToPercent: number | null };
  charge: SlidingFeeCharge;
  appliesTo: { selfPay: true; insuredPatientResponsibility: boolean };
  documents: SlidingFeeDocument[];
  /** The most the household pays in a year under the schedule's cap, when it has one. */
  annualCapCents?: Cents;
  scheduleId: string;
  /** Plain-language caveats, e.g. unverified guideline figures. */
  warnings: string[];
}

const ROUNDING =
  'Percent of poverty is income x 1,000,000 / guideline, rounded down to whole ppm for display; the tier is chosen by exact integer comparison, never from the rounded figure.';

function incomeIssues(input: SlidingScaleInput): FieldError[] {
  const errors: FieldError[] = [];
  const hasAnnual = input.annualIncomeCents !== undefined;
  const hasMonthly = input.monthlyIncomeCents !== undefined;
  if (hasAnnual && hasMonthly) {
    errors.push({ pointer: '/monthlyIncomeCents', message: 'give annualIncomeCents or monthlyIncomeCents, not both' });
  } else if (!hasAnnual && !hasMonthly) {
    errors.push({ pointer: '/annualIncomeCents', message: 'give annualIncomeCents or monthlyIncomeCents' });
  }
  for (const key of ['annualIncomeCents', 'monthlyIncomeCents'] as const) {
    const value = input[key];
    if (value === undefined) continue;
    if (!Number.isSafeInteger(value)) errors.push({ pointer: `/${key}`, message: 'must be an integer number of cents' });
    else if (value < 0) errors.push({ pointer: `/${key}`, message: 'must not be negative' });
  }
  return errors;
}

/** Checks the inputs and returns the field errors as JSON pointers (empty when valid). */
export function validateSlidingScaleInput(input: SlidingScaleInput): FieldError[] {
  const errors: FieldError[] = [];
  if (!Number.isSafeInteger(input.householdSize) || input.householdSize < 1) {
    errors.push({ pointer: '/householdSize', message: 'must be a whole number of people, at least 1' });
  } else if (input.householdSize > 100) {
    errors.push({ pointer: '/householdSize', message: 'must be at most 100' });
  }
  errors.push(...incomeIssues(input));
  if (!isPovertyRegion(input.region)) {
    errors.push({ pointer: '/region', message: "must be one of 'contiguous', 'alaska', 'hawaii'" });
  }
  if (typeof input.dateOfService !== 'string' || !isIsoDate(input.dateOfService)) {
    errors.push({ pointer: '/dateOfService', message: 'must be a date in YYYY-MM-DD form' });
  }
  return errors;
}

/** True when income <= guideline x percent / 100, exactly. */
function atOrBelow(incomeCents: number, guidelineCents: number, percent: number): boolean {
  return BigInt(incomeCents) * 100n <= BigInt(guidelineCents) * BigInt(percent);
}

function findTier(schedule: SlidingFeeSchedule, incomeCents: number, guidelineCents: number): SlidingFeeTier {
  for (const tier of schedule.tiers) {
    if (tier.upToPercent === null || atOrBelow(incomeCents, guidelineCents, tier.upToPercent)) return tier;
  }
  // The loader rejects schedules without an open-ended last tier, so this is a bug if reached.
  throw new DomainError('internal', 'sliding fee schedule has no tier for this income');
}

function formatPercentPpm(ppm: number): string {
  const whole = Math.floor(ppm / 10_000);
  const fraction = String(ppm % 10_000).padStart(4, '0').replace(/0+$/, '');
  return `${whole}${fraction ? `.${fraction}` : ''}%`;
}

/**
 * Places a household in a tier of the clinic's schedule using the poverty guideline in force on
 * the date of service. Throws DomainError 'sliding-scale.invalid' (with JSON-pointer field errors)
 * or 'sliding-scale.no-guideline'.
 */
export function evaluateSlidingScale(
  input: SlidingScaleInput,
  guidelines: readonly PovertyGuideline[],
  schedule: SlidingFeeSchedule,
): SlidingScaleEvaluation {
  const errors = validateSlidingScaleInput(input);
  if (errors.length > 0) throw new DomainError('sliding-scale.invalid', 'The sliding-scale inputs are not valid.', { errors });
  const region = input.region as PovertyRegion;
  const guideline = selectPovertyGuideline(guidelines, input.dateOfService);
  if (!guideline) {
    throw new DomainError('sliding-scale.no-guideline', 'No poverty guideline is in effect on the date of service.', {
      errors: [{ pointer: '/dateOfService', message: 'is earlier than every loaded poverty guideline' }],
      meta: { region },
    });
  }
  const monthly = input.monthlyIncomeCents;
  const annualIncomeCents = monthly !== undefined ? monthly * 12 : (input.annualIncomeCents as number);
  const amountCents = guidelineAmountCents(guideline, region, input.householdSize);
  const percentOfPovertyPpm = Number((BigInt(annualIncomeCents) * 1_000_000n) / BigInt(amountCents));
  const tier = findTier(schedule, annualIncomeCents, amountCents);
  const figures = guideline.regions[region];
  const warnings: string[] = [];
  // A household of one uses only the base amount, which is confirmed even where the increment is not.
  if (!figures.verified && input.householdSize > 1) {
    warnings.push(`The ${guideline.year} ${region} per-person increment is not yet confirmed against the Federal Register notice; confirm the guideline amount before relying on the tier.`);
  }
  const evaluation: SlidingScaleEvaluation = {
    householdSize: input.householdSize,
    annualIncomeCents,
    incomeBasis: monthly !== undefined ? 'monthly-times-12' : 'annual',
    percentOfPovertyPpm,
    percentOfPovertyText: formatPercentPpm(percentOfPovertyPpm),
    rounding: ROUNDING,
    guideline: {
      year: guideline.year,
      region,
      effectiveFrom: guideline.effectiveFrom,
      householdSize: input.householdSize,
      amountCents,
      verified: figures.verified || input.householdSize === 1,
      source: { document: guideline.source.document, url: guideline.source.url },
    },
    tier: { id: tier.id, label: tier.label, abovePercent: tier.abovePercent, upToPercent: tier.upToPercent },
    charge: tier.charge,
    appliesTo: { selfPay: true, insuredPatientResponsibility: schedule.applyToInsuredPatientResponsibility },
    documents: tier.documents,
    scheduleId: schedule.id,
    warnings,
  };
  if (schedule.annualCapPpmOfIncome !== undefined) {
    evaluation.annualCapCents = applyRate(annualIncomeCents, schedule.annualCapPpmOfIncome);
  }
  return evaluation;
}

/**
 * A charge line the scale may reduce. `units` is the visits or program days it covers (default 1).
 * `date` is the line's date of service when it is one dated line: a nominal fee charged per day is
 * then owed once per date, however many lines (program day, therapy session) fall on it.
 */
export interface SlidingScaleLine {
  id: string;
  patientPaysCents: Cents;
  selfPay: boolean;
  units?: number;
  date?: string;
}

/** One line before and after the sliding scale, and why. */
export interface SlidingScaleLineResult {
  id: string;
  beforeCents: Cents;
  afterCents: Cents;
  discountCents: Cents;
  applied: boolean;
  /** Why the line changed or did not: 'tier', 'annual-cap', 'insured-not-eligible', 'no-discount'. */
  reasons: ('tier' | 'annual-cap' | 'insured-not-eligible' | 'no-discount')[];
}

/** The lines after the scale, with totals and the cap used so far. */
export interface SlidingScaleApplication {
  lines: SlidingScaleLineResult[];
  totalBeforeCents: Cents;
  totalAfterCents: Cents;
  annualCapCents?: Cents;
  /** What the eligible lines add up to against the cap, including `paidTowardCapCents`. */
  countedTowardCapCents: Cents;
}

function afterTier(charge: SlidingFeeCharge, before: Cents, units: number): Cents {
  switch (charge.kind) {
    case 'nominal':
      // HRSA: a nominal charge, never more than the charge itself.
      return Math.min(before, charge.amountCents * units);
    case 'discount':
      return before - applyRate(before, charge.discountPpm);
    case 'none':
      return before;
  }
}

/**
 * Applies a sliding-scale evaluation to charge lines, in order: self-pay lines always, insured
 * patient responsibility only when the schedule says so; then the annual cap, if any, across the
 * eligible lines (`paidTowardCapCents` is what the household already paid this year).
 */
export function applySlidingScale(
  lines: readonly SlidingScaleLine[],
  evaluation: Pick<SlidingScaleEvaluation, 'charge' | 'appliesTo' | 'annualCapCents'>,
  options: { paidTowardCapCents?: Cents } = {},
): SlidingScaleApplication {
  let counted = options.paidTowardCapCents ?? 0;
  const cap = evaluation.annualCapCents;
  const charge = evaluation.charge;
  // A nominal fee per day is owed once per dated day: what is left of it on each date so far.
  const nominalLeftOnDate = new Map<string, Cents>();
  const results: SlidingScaleLineResult[] = lines.map((line) => {
    const before = line.patientPaysCents;
    const eligible = line.selfPay || evaluation.appliesTo.insuredPatientResponsibility;
    if (!eligible) return { id: line.id, beforeCents: before, afterCents: before, discountCents: 0, applied: false, reasons: ['insured-not-eligible'] };
    const reasons: SlidingScaleLineResult['reasons'] = [];
    let after: Cents;
    if (charge.kind === 'nominal' && charge.per === 'day' && line.date !== undefined) {
      const left = nominalLeftOnDate.get(line.date) ?? charge.amountCents;
      after = Math.min(before, left);
      nominalLeftOnDate.set(line.date, left - after);
    } else {
      after = afterTier(charge, before, line.units ?? 1);
    }
    reasons.push(after < before ? 'tier' : 'no-discount');
    if (cap !== undefined) {
      const room = Math.max(0, cap - counted);
      if (after > room) {
        after = room;
        reasons.push('annual-cap');
      }
      counted += after;
    }
    return { id: line.id, beforeCents: before, afterCents: after, discountCents: before - after, applied: after < before, reasons };
  });
  const application: SlidingScaleApplication = {
    lines: results,
    totalBeforeCents: results.reduce((sum, r) => sum + r.beforeCents, 0),
    totalAfterCents: results.reduce((sum, r) => sum + r.afterCents, 0),
    countedTowardCapCents: counted,
  };
  if (cap !== undefined) application.annualCapCents = cap;
  return application;
}
