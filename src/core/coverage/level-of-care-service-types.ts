/**
 * Which X12 service type codes (EB03) answer for each level of care, from most to least specific.
 * X12 has no IOP-specific service type (facts.md 2.4): payers report program cost sharing under
 * facility / provider / psychiatric / substance-use codes, or only under 30. This ordering is a
 * policy about specificity, kept as data so it can be reviewed apart from the resolver that reads it.
 */
import type { LevelOfCare } from './level-of-care.js';

/** How far a code is from the level of care: the resolver reports anything past 'behavioral-health'. */
export type ServiceTypeTier = 'behavioral-health' | 'medical-parity' | 'plan-level';

/** One candidate service type for a level of care, with why it is in that position. */
export interface LevelOfCareServiceType {
  code: string;
  tier: ServiceTypeTier;
  reason: string;
}

const plan: LevelOfCareServiceType = {
  code: '30',
  tier: 'plan-level',
  reason: 'Health Benefit Plan Coverage: plan-level values; payers may omit BH financials under CAQH CORE discretion (facts.md 2.4)',
};

/** Ordered candidate service types per level of care, most specific first. */
export const LEVEL_OF_CARE_SERVICE_TYPES: Readonly<Record<LevelOfCare, readonly LevelOfCareServiceType[]>> = {
  'iop-mental-health': [
    { code: 'CH', tier: 'behavioral-health', reason: 'Mental Health Facility - Outpatient: IOP is a facility-based outpatient program billed per diem (rev 0905)' },
    { code: 'CF', tier: 'behavioral-health', reason: 'Mental Health Provider - Outpatient: outpatient MH when the payer reports by provider, not facility' },
    { code: 'A8', tier: 'behavioral-health', reason: 'Psychiatric - Outpatient: outpatient psychiatric services' },
    { code: 'A4', tier: 'behavioral-health', reason: 'Psychiatric: psychiatric services in any setting' },
    { code: 'MH', tier: 'behavioral-health', reason: 'Mental Health: the broad MH category' },
    plan,
  ],
  'iop-substance-use': [
    { code: 'CJ', tier: 'behavioral-health', reason: 'Substance Abuse Facility - Outpatient: SUD IOP is a facility-based outpatient program (rev 0906, H0015)' },
    { code: 'AI', tier: 'behavioral-health', reason: 'Substance Abuse: all substance use services, the code payers answer most (CORE discretionary)' },
    // AK / AJ are narrower by substance, which the estimate does not know, so they follow AI.
    { code: 'AK', tier: 'behavioral-health', reason: 'Drug Addiction: substance-specific; used only when AI is absent' },
    { code: 'AJ', tier: 'behavioral-health', reason: 'Alcoholism: substance-specific; used only when AI and AK are absent' },
    { code: 'MH', tier: 'behavioral-health', reason: 'Mental Health: some payers report SUD under the MH category' },
    plan,
  ],
  'partial-hospitalization': [
    { code: 'BB', tier: 'behavioral-health', reason: 'Partial Hospitalization (Psychiatric): the level of care itself' },
    { code: 'BC', tier: 'behavioral-health', reason: 'Day Care (Psychiatric): the older name for day-treatment programs' },
    { code: 'CH', tier: 'behavioral-health', reason: 'Mental Health Facility - Outpatient: PHP is facility-based and under 24 hours' },
    { code: 'A8', tier: 'behavioral-health', reason: 'Psychiatric - Outpatient' },
    { code: 'A4', tier: 'behavioral-health', reason: 'Psychiatric: psychiatric services in any setting' },
    { code: 'MH', tier: 'behavioral-health', reason: 'Mental Health: the broad MH category' },
    plan,
  ],
  'outpatient-therapy': [
    { code: 'CF', tier: 'behavioral-health', reason: 'Mental Health Provider - Outpatient: therapy billed by an outpatient MH professional' },
    { code: 'A6', tier: 'behavioral-health', reason: 'Psychotherapy: the service itself (CORE discretionary)' },
    { code: 'A8', tier: 'behavioral-health', reason: 'Psychiatric - Outpatient' },
    { code: 'MH', tier: 'behavioral-health', reason: 'Mental Health: the broad MH category' },
    {
      code: '98',
      tier: 'medical-parity',
      reason: 'Professional (Physician) Visit - Office: a medical benefit, CORE-required; under MHPAEA parity a reasonable labelled assumption (facts.md 3.5)',
    },
    plan,
  ],
  residential: [
    { code: 'RT', tier: 'behavioral-health', reason: 'Residential Psychiatric Treatment: the level of care itself' },
    { code: 'CG', tier: 'behavioral-health', reason: 'Mental Health Facility - Inpatient: residential MH when the payer has no RT line' },
    { code: 'CI', tier: 'behavioral-health', reason: 'Substance Abuse Facility - Inpatient: residential SUD when the payer has no RT line' },
    { code: 'A7', tier: 'behavioral-health', reason: 'Psychiatric - Inpatient (CORE discretionary)' },
    { code: 'MH', tier: 'behavioral-health', reason: 'Mental Health: the broad MH category' },
    plan,
  ],
};

/** The ordered candidate service type codes for a level of care, most specific first. */
export function serviceTypesForLevelOfCare(levelOfCare: LevelOfCare): string[] {
  return LEVEL_OF_CARE_SERVICE_TYPES[levelOfCare].map((entry) => entry.code);
}
