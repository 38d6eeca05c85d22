/**
 * Levels of care the clinics bill, with the codes they bill them under. The mapping from a level of
 * care to the X12 service type codes payers answer for lives beside this file
 * (level-of-care-service-types.ts) because it is a policy about specificity, not a fact about billing.
 */

/** Levels of care, each with the per-diem codes a clinic bills it under. */
export const LEVELS_OF_CARE = {
  /** Intensive outpatient, mental health: HCPCS S9480 per diem, revenue code 0905. */
  'iop-mental-health': { label: 'Intensive outpatient (mental health)', perDiemHcpcs: 'S9480', revenueCode: '0905' },
  /** Intensive outpatient, substance use: HCPCS H0015 per diem, revenue code 0906. */
  'iop-substance-use': { label: 'Intensive outpatient (substance use)', perDiemHcpcs: 'H0015', revenueCode: '0906' },
  /** Partial hospitalization: HCPCS H0035 (or S0201) per diem, revenue code 0912/0913. */
  'partial-hospitalization': { label: 'Partial hospitalization', perDiemHcpcs: 'H0035', revenueCode: '0913' },
  /** Outpatient psychotherapy: billed per service (90837, 90834, 90853...). */
  'outpatient-therapy': { label: 'Outpatient therapy', perDiemHcpcs: undefined, revenueCode: '0914' },
  /** Residential treatment: per diem, revenue code 1001/1002 (room and board with treatment). */
  residential: { label: 'Residential treatment', perDiemHcpcs: 'H0018', revenueCode: '1002' },
} as const;

export type LevelOfCare = keyof typeof LEVELS_OF_CARE;
export const LEVEL_OF_CARE_IDS = Object.keys(LEVELS_OF_CARE) as LevelOfCare[];

/** True when the string names a level of care. */
export function isLevelOfCare(value: string): value is LevelOfCare {
  return Object.hasOwn(LEVELS_OF_CARE, value);
}
