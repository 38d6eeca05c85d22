/**
 * Create a Good Faith Estimate (45 CFR 149.610) for an uninsured or self-pay patient from a
 * treatment plan and the clinic's self-pay prices, after any sliding-scale discount.
 */
import { indexFeeSchedule, findFeeEntry } from '../core/estimate/price-lines.js';
import { expandTreatmentPlan, type TreatmentPlan } from '../core/estimate/treatment-plan.js';
import type { FeeSchedule } from '../core/estimate/fee-schedule.js';
import { DomainError, type FieldError } from '../core/errors.js';
import type { Clock } from '../core/ports.js';
import { clinicToday } from '../core/clinic-date.js';
import { LEVELS_OF_CARE } from '../core/coverage/level-of-care.js';
import {
  buildGoodFaithEstimate,
  type GfeItemInput,
  type GfeProvider,
  type GfeSeparateItem,
  type GoodFaithEstimate,
} from '../core/rules/good-faith-estimate.js';
import { isIsoDate } from '../core/rules/calendar-dates.js';
import type { PovertyGuideline } from '../core/rules/poverty-guidelines.js';
import type { SlidingFeeSchedule } from '../core/rules/sliding-fee-schedule.js';
import { evaluateSlidingScale, type SlidingScaleInput } from '../core/rules/sliding-scale.js';

/** What a GFE needs from the outside world. */
export interface GoodFaithEstimateDeps {
  feeSchedule: FeeSchedule;
  rules: { povertyGuidelines: readonly PovertyGuideline[]; slidingFeeSchedule: SlidingFeeSchedule };
  clock: Clock;
}

/** One GFE request. */
export interface GoodFaithEstimateRequest {
  issuedOn?: string;
  patient: { firstName: string; lastName: string; dateOfBirth: string };
  plan: TreatmentPlan;
  primaryServiceDescription?: string;
  providers: Omit<GfeProvider, 'key'>[];
  diagnosisCodes?: string[];
  separatelyScheduled?: GfeSeparateItem[];
  slidingScale?: SlidingScaleInput;
  scheduling: { scheduledOn: string; requested?: boolean; holidays?: string[] };
  contact?: string;
}

const CODE_SYSTEM = { HCPCS: 'HCPCS', CPT: 'CPT', REV: 'revenue' } as const;

/** Builds the estimate. Throws DomainError for an impossible plan or a code with no self-pay price. */
export function createGoodFaithEstimate(deps: GoodFaithEstimateDeps, request: GoodFaithEstimateRequest): GoodFaithEstimate {
  const expanded = expandTreatmentPlan(request.plan);
  const index = indexFeeSchedule(deps.feeSchedule);
  const providers: GfeProvider[] = request.providers.map((p, i) => ({ ...p, key: `provider-${i + 1}` }));
  const convening = providers[0];
  if (!convening) {
    throw new DomainError('estimate.invalid', 'A Good Faith Estimate names at least the convening provider', {
      errors: [{ pointer: '/providers', message: 'give at least one provider' }],
    });
  }
  // The delivery deadline runs from scheduling to the first program day; say which request field
  // is wrong (the core only knows its own serviceDate, which the request does not have).
  const firstDate = expanded.schedule.firstDate;
  if (isIsoDate(request.scheduling.scheduledOn) && request.scheduling.scheduledOn > firstDate) {
    throw new DomainError('estimate.invalid', 'The Good Faith Estimate dates are not valid.', {
      errors: [{ pointer: '/scheduling/scheduledOn', message: `must not be after the first program day (${firstDate})` }],
    });
  }
  const missing: FieldError[] = [];
  const items: GfeItemInput[] = [];
  for (const line of expanded.lines) {
    const entry = findFeeEntry(index, line.code, line.date);
    if (!entry) {
      missing.push({ pointer: '/plan', message: `no self-pay price for code ${line.code} on ${line.date}` });
      continue;
    }
    items.push({
      providerKey: convening.key,
      date: line.date,
      code: line.code,
      codeSystem: CODE_SYSTEM[line.codeSystem],
      description: line.description,
      quantity: line.units,
      unitChargeCents: entry.selfPayCents ?? entry.chargeCents,
    });
  }
  if (missing.length > 0) {
    throw new DomainError('pricing.missing-rate', `The fee schedule has no self-pay price for ${missing.length} line(s)`, {
      errors: missing.slice(0, 10),
    });
  }
  const slidingScale = request.slidingScale
    ? evaluateSlidingScale(request.slidingScale, deps.rules.povertyGuidelines, deps.rules.slidingFeeSchedule)
    : undefined;
  return buildGoodFaithEstimate({
    issuedOn: request.issuedOn ?? clinicToday(deps.clock),
    patient: { phi: request.patient },
    primaryService: {
      description:
        request.primaryServiceDescription ??
        `${LEVELS_OF_CARE[request.plan.levelOfCare].label}: ${expanded.schedule.weeks} weeks, ${expanded.schedule.programDays} program days, ${expanded.schedule.hoursPerWeek} hours a week`,
      scheduledDate: expanded.schedule.firstDate,
    },
    providers,
    items,
    ...(request.diagnosisCodes ? { diagnosisCodes: request.diagnosisCodes } : {}),
    ...(request.separatelyScheduled ? { separatelyScheduled: request.separatelyScheduled } : {}),
    ...(slidingScale ? { slidingScale } : {}),
    scheduling: {
      scheduledOn: request.scheduling.scheduledOn,
      serviceDate: expanded.schedule.firstDate,
      requested: request.scheduling.requested ?? false,
      ...(request.scheduling.holidays ? { holidays: request.scheduling.holidays } : {}),
    },
    ...(request.contact ? { contact: request.contact } : {}),
    // Weeks on the estimate are the program's weeks, counted from its start date.
    programStartDate: request.plan.startDate,
  });
}
