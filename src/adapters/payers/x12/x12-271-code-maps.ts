/**
 * X12 271 code sets mapped onto the coverage model. Names are from the 005010X279A1 code lists
 * (see /work/shared/domain/x12-271-codes.json and facts.md section 2); the mapping decisions are ours.
 * Codes the 5010 schema allows but the model has no bucket for map to 'other', never to a guess.
 */
import type { BenefitKind, CoverageLevel, Network, PlanType, QuantityUnit, TimePeriod, TriState } from '../../../core/coverage/coverage-model.js';

/**
 * record[code] for the table's own codes only: a payer's 'constructor' or 'toString' is not a code,
 * even though every object inherits those keys. Every lookup of these tables goes through here.
 */
export function ownCode<V>(record: Readonly<Record<string, V>>, code: string): V | undefined {
  return Object.hasOwn(record, code) ? record[code] : undefined;
}

/** EB01 eligibility or benefit information code -> benefit kind (TR3 2110C EB01). */
export const EB01_KINDS: Readonly<Record<string, BenefitKind>> = {
  '1': 'active-coverage',
  '2': 'active-coverage',
  '3': 'active-coverage',
  '4': 'active-coverage',
  '5': 'active-coverage',
  '6': 'inactive',
  '7': 'inactive',
  '8': 'inactive',
  A: 'coinsurance',
  B: 'copay',
  C: 'deductible',
  D: 'benefit-description',
  E: 'exclusion',
  F: 'limitation',
  G: 'out-of-pocket',
  H: 'unlimited',
  I: 'non-covered',
  J: 'cost-containment',
  L: 'primary-care-provider',
  MC: 'managed-care-coordinator',
  R: 'other-payer',
  U: 'contact-entity',
  Y: 'spend-down',
};

/** Every EB01 code valid in 5010 (the ones not in EB01_KINDS become kind 'other'). */
export const EB01_VALID = new Set([
  '1', '2', '3', '4', '5', '6', '7', '8', 'A', 'B', 'C', 'CB', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M',
  'MC', 'N', 'O', 'P', 'Q', 'R', 'S', 'T', 'U', 'V', 'W', 'X', 'Y',
]);

/** EB02 coverage level code -> coverage level; the family-unit codes all count as family. */
export const EB02_LEVELS: Readonly<Record<string, CoverageLevel>> = {
  IND: 'individual',
  EMP: 'individual',
  FAM: 'family',
  ESP: 'family',
  ECH: 'family',
  SPC: 'family',
  SPO: 'family',
  CHD: 'family',
  DEP: 'family',
};

/** EB06 time period qualifier -> time period (all 19 valid 5010 codes). */
export const EB06_PERIODS: Readonly<Record<string, TimePeriod>> = {
  '6': 'hour',
  '7': 'day',
  '13': 'hour', // "24 Hours": a rolling window counted in hours
  '21': 'other', // "Years": multi-year, no model bucket
  '22': 'service-year',
  '23': 'calendar-year',
  '24': 'year-to-date',
  '25': 'contract',
  '26': 'episode',
  '27': 'visit',
  '28': 'other', // "Outlier"
  '29': 'remaining',
  '30': 'exceeded',
  '31': 'not-exceeded',
  '32': 'lifetime',
  '33': 'lifetime-remaining',
  '34': 'month',
  '35': 'week',
  '36': 'admission',
};

/** A code name compared by its words only: "Calendar Year", "calendar-year" and "CALENDAR YEAR" are one name. */
export function codeNameKey(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

/** EB01 codes -> their names in the 5010 code list (clearinghouse JSON's `benefitsInformation[].name`). */
export const EB01_NAMES: Readonly<Record<string, string>> = {
  '1': 'Active Coverage', '2': 'Active - Full Risk Capitation', '3': 'Active - Services Capitated',
  '4': 'Active - Services Capitated to Primary Care Physician', '5': 'Active - Pending Investigation',
  '6': 'Inactive', '7': 'Inactive - Pending Eligibility Update', '8': 'Inactive - Pending Investigation',
  A: 'Co-Insurance', B: 'Co-Payment', C: 'Deductible', CB: 'Coverage Basis', D: 'Benefit Description', E: 'Exclusions',
  F: 'Limitations', G: 'Out of Pocket (Stop Loss)', H: 'Unlimited', I: 'Non-Covered', J: 'Cost Containment', K: 'Reserve',
  L: 'Primary Care Provider', M: 'Pre-existing Condition', MC: 'Managed Care Coordinator',
  N: 'Services Restricted to Following Provider', O: 'Not Deemed a Medical Necessity', P: 'Benefit Disclaimer',
  Q: 'Second Surgical Opinion Required', R: 'Other or Additional Payor', S: 'Prior Year(s) History',
  T: 'Card(s) Reported Lost/Stolen', U: 'Contact Following Entity for Eligibility or Benefit Information',
  V: 'Cannot Process', W: 'Other Source of Data', X: 'Health Care Facility', Y: 'Spend Down',
};

/** EB02 codes -> names (clearinghouse JSON's `coverageLevel`). */
export const EB02_NAMES: Readonly<Record<string, string>> = {
  CHD: 'Children Only', DEP: 'Dependents Only', ECH: 'Employee and Children', EMP: 'Employee Only',
  ESP: 'Employee and Spouse', FAM: 'Family', IND: 'Individual', SPC: 'Spouse and Children', SPO: 'Spouse Only',
};

/** EB09 codes -> names (clearinghouse JSON's `quantityQualifier`). */
export const EB09_NAMES: Readonly<Record<string, string>> = {
  '8H': 'Minimum', '99': 'Quantity Used', CA: 'Covered - Actual', CE: 'Covered - Estimated', D3: 'Number of Co-insurance Days',
  DB: 'Deductible Blood Units', DY: 'Days', HS: 'Hours', LA: 'Life-time Reserve - Actual', LE: 'Life-time Reserve - Estimated',
  M2: 'Maximum', MN: 'Month', P6: 'Number of Services or Procedures', QA: 'Quantity Approved', S7: 'Age, High Value',
  S8: 'Age, Low Value', VS: 'Visits', YY: 'Years',
};

/**
 * EB06 codes -> their names in the 5010 code list, as senders that convert 271s to JSON or FHIR
 * write them ("Calendar Year", "Remaining"): to read a period sent by name, or to check a name
 * sent next to its code.
 */
export const EB06_NAMES: Readonly<Record<string, string>> = {
  '6': 'Hour', '7': 'Day', '13': '24 Hours', '21': 'Years', '22': 'Service Year', '23': 'Calendar Year', '24': 'Year to Date',
  '25': 'Contract', '26': 'Episode', '27': 'Visit', '28': 'Outlier', '29': 'Remaining', '30': 'Exceeded', '31': 'Not Exceeded',
  '32': 'Lifetime', '33': 'Lifetime Remaining', '34': 'Month', '35': 'Week', '36': 'Admission',
};

/** EB09 quantity qualifier -> unit (all 18 valid codes; counts of things map to their unit). */
export const EB09_UNITS: Readonly<Record<string, QuantityUnit>> = {
  VS: 'visit',
  DY: 'day',
  HS: 'hour',
  P6: 'service',
  MN: 'month',
  YY: 'year',
  D3: 'day', // number of coinsurance days
  LA: 'day', // lifetime reserve days, actual
  LE: 'day', // lifetime reserve days, estimated
  DB: 'unit', // deductible blood units
  '8H': 'other',
  '99': 'other',
  CA: 'other',
  CE: 'other',
  M2: 'other',
  QA: 'other',
  S7: 'year', // age, high value
  S8: 'year', // age, low value
};

/** EB11 authorization indicator: Y / N; U and absent are unknown. */
export function eb11Authorization(code: string): TriState {
  return code === 'Y' ? 'yes' : code === 'N' ? 'no' : 'unknown';
}

/** EB12 in-plan-network indicator: Y in, N out, W both; absent or U unknown (never defaulted to in). */
export function eb12Network(code: string): Network {
  switch (code) {
    case 'Y':
      return 'in';
    case 'N':
      return 'out';
    case 'W':
      return 'both';
    default:
      return 'unknown';
  }
}

/** EB04 insurance type -> plan type. Medicare-secondary codes are Medicare. */
export const EB04_PLAN_TYPES: Readonly<Record<string, PlanType>> = {
  PR: 'PPO',
  HM: 'HMO',
  EP: 'EPO',
  PS: 'POS',
  MA: 'Medicare',
  MB: 'Medicare',
  MP: 'Medicare',
  QM: 'Medicare',
  '12': 'Medicare',
  '13': 'Medicare',
  '14': 'Medicare',
  '15': 'Medicare',
  '16': 'Medicare',
  '41': 'Medicare',
  '42': 'Medicare',
  '43': 'Medicare',
  '47': 'Medicare',
  CP: 'Medicare',
  HN: 'Medicare-Advantage',
  MC: 'Medicaid',
  C1: 'commercial',
  CO: 'commercial',
  GP: 'commercial',
  IP: 'commercial',
  IN: 'indemnity',
  CH: 'TRICARE', // CHAMPUS, TRICARE's former name
  OT: 'other',
};

/**
 * Service types (EB03) that are mental health or substance use services: where a carve-out
 * administrator named in a 2120 loop means "call someone else for these benefits".
 */
export const BEHAVIORAL_HEALTH_SERVICE_TYPES = new Set([
  'MH', 'A4', 'A5', 'A6', 'A7', 'A8', 'AI', 'AJ', 'AK', 'BB', 'BC', 'BD', 'CE', 'CF', 'CG', 'CH', 'CI', 'CJ', 'RT',
]);

/**
 * Service types (EB03) of products payers often sell and answer for separately from the medical
 * plan: dental, vision and pharmacy. A line about these only (Cigna's "EB*1**35*HM*Dental HMO")
 * does not say what kind of medical plan the member has.
 */
export const SEPARATE_PRODUCT_SERVICE_TYPES: ReadonlySet<string> = new Set([
  '23', '24', '25', '26', '27', '28', '35', '36', '37', '38', '39', '40', '41', // dental
  'AL', 'AM', 'AN', 'AO', // vision
  '88', '89', '90', '91', '92', // pharmacy
]);

/** True when a line lists service types and every one is a separate dental, vision or pharmacy product. */
export function onlySeparateProducts(serviceTypes: readonly string[]): boolean {
  return serviceTypes.length > 0 && serviceTypes.every((code) => SEPARATE_PRODUCT_SERVICE_TYPES.has(code));
}

/**
 * EB04 codes of Medicare savings programs (QM Qualified Medicare Beneficiary, HS Special Low Income
 * Medicare Beneficiary): Medicaid help with a member's Medicare costs, not the plan the member has.
 * A line carrying one names neither the plan's type nor its name.
 */
export const MEDICARE_SAVINGS_PROGRAM_TYPES: ReadonlySet<string> = new Set(['QM', 'HS']);

/** 2120 NM101 entity codes that can name an organization administering a carved-out benefit. */
export const CARVE_OUT_ENTITY_CODES = new Set(['VN', 'Y2', 'P5', 'PR', '2B', 'X3', '13', 'GP']);

/** Role names for 2120 NM101 entity identifier codes. */
export const ENTITY_ROLES: Readonly<Record<string, string>> = {
  P3: 'primary care provider',
  PR: 'payer',
  PRP: 'primary payer',
  SEP: 'secondary payer',
  TTP: 'tertiary payer',
  VN: 'vendor',
  Y2: 'managed care organization',
  P5: 'plan sponsor',
  '2B': 'third-party administrator',
  X3: 'utilization management organization',
  '13': 'contracted service provider',
  '1I': 'preferred provider organization',
  '1P': 'provider',
  FA: 'facility',
  GP: 'gateway provider',
  IL: 'insured or subscriber',
  '36': 'employer',
};

/**
 * EB01 codes whose status the payer has not settled: 5 Active - Pending Investigation, 7 Inactive -
 * Pending Eligibility Update, 8 Inactive - Pending Investigation (an ACA grace period, a Medicaid
 * redetermination). Read as active or inactive, and flagged for a check with the payer.
 */
export const PENDING_STATUS_CODES: ReadonlySet<string> = new Set(['5', '7', '8']);

/** HL03 hierarchical level codes of the 271 (TR3 2000A-2000D). */
export const HL_LEVELS = { '20': '2000A', '21': '2000B', '22': '2000C', '23': '2000D' } as const;

/** The 5010 EB03 service type names (x12-271-codes.json, EB03_service_type_in_5010_TR3), by code. */
export const X12_SERVICE_TYPE_NAMES: Readonly<Record<string, string>> = {
  '1': 'Medical Care', '2': 'Surgical', '3': 'Consultation', '4': 'Diagnostic X-Ray', '5': 'Diagnostic Lab',
  '6': 'Radiation Therapy', '7': 'Anesthesia', '8': 'Surgical Assistance', '9': 'Other Medical',
  '10': 'Blood Charges', '11': 'Used Durable Medical Equipment', '12': 'Durable Medical Equipment Purchase',
  '13': 'Ambulatory Service Center Facility', '14': 'Renal Supplies in the Home', '15': 'Alternate Method Dialysis',
  '16': 'Chronic Renal Disease (CRD) Equipment', '17': 'Pre-Admission Testing',
  '18': 'Durable Medical Equipment Rental', '19': 'Pneumonia Vaccine', '20': 'Second Surgical Opinion',
  '21': 'Third Surgical Opinion', '22': 'Social Work', '23': 'Diagnostic Dental', '24': 'Periodontics',
  '25': 'Restorative', '26': 'Endodontics', '27': 'Maxillofacial Prosthetics', '28': 'Adjunctive Dental Services',
  '30': 'Health Benefit Plan Coverage', '32': 'Plan Waiting Period', '33': 'Chiropractic',
  '34': 'Chiropractic Office Visits', '35': 'Dental Care', '36': 'Dental Crowns', '37': 'Dental Accident',
  '38': 'Orthodontics', '39': 'Prosthodontics', '40': 'Oral Surgery', '41': 'Routine (Preventive) Dental',
  '42': 'Home Health Care', '43': 'Home Health Prescriptions', '44': 'Home Health Visits', '45': 'Hospice',
  '46': 'Respite Care', '47': 'Hospital', '48': 'Hospital - Inpatient', '49': 'Hospital - Room and Board',
  '50': 'Hospital - Outpatient', '51': 'Hospital - Emergency Accident', '52': 'Hospital - Emergency Medical',
  '53': 'Hospital - Ambulatory Surgical', '54': 'Long Term Care', '55': 'Major Medical',
  '56': 'Medically Related Transportation', '57': 'Air Transportation', '58': 'Cabulance',
  '59': 'Licensed Ambulance', '60': 'General Benefits', '61': 'In-vitro Fertilization', '62': 'MRI/CAT Scan',
  '63': 'Donor Procedures', '64': 'Acupuncture', '65': 'Newborn Care', '66': 'Pathology', '67': 'Smoking Cessation',
  '68': 'Well Baby Care', '69': 'Maternity', '70': 'Transplants', '71': 'Audiology Exam', '72': 'Inhalation Therapy',
  '73': 'Diagnostic Medical', '74': 'Private Duty Nursing', '75': 'Prosthetic Device', '76': 'Dialysis',
  '77': 'Otological Exam', '78': 'Chemotherapy', '79': 'Allergy Testing', '80': 'Immunizations',
  '81': 'Routine Physical', '82': 'Family Planning', '83': 'Infertility', '84': 'Abortion', '85': 'AIDS',
  '86': 'Emergency Services', '87': 'Cancer', '88': 'Pharmacy', '89': 'Free Standing Prescription Drug',
  '90': 'Mail Order Prescription Drug', '91': 'Brand Name Prescription Drug', '92': 'Generic Prescription Drug',
  '93': 'Podiatry', '94': 'Podiatry - Office Visits', '95': 'Podiatry - Nursing Home Visits',
  '96': 'Professional (Physician)', '97': 'Anesthesiologist', '98': 'Professional (Physician) Visit - Office',
  '99': 'Professional (Physician) Visit - Inpatient', A0: 'Professional (Physician) Visit - Outpatient',
  A1: 'Professional (Physician) Visit - Nursing Home',
  A2: 'Professional (Physician) Visit - Skilled Nursing Facility', A3: 'Professional (Physician) Visit - Home',
  A4: 'Psychiatric', A5: 'Psychiatric - Room and Board', A6: 'Psychotherapy', A7: 'Psychiatric - Inpatient',
  A8: 'Psychiatric - Outpatient', A9: 'Rehabilitation', AA: 'Rehabilitation - Room and Board',
  AB: 'Rehabilitation - Inpatient', AC: 'Rehabilitation - Outpatient', AD: 'Occupational Therapy',
  AE: 'Physical Medicine', AF: 'Speech Therapy', AG: 'Skilled Nursing Care',
  AH: 'Skilled Nursing Care - Room and Board', AI: 'Substance Abuse', AJ: 'Alcoholism', AK: 'Drug Addiction',
  AL: 'Vision (Optometry)', AM: 'Frames', AN: 'Routine Exam', AO: 'Lenses', AQ: 'Nonmedically Necessary Physical',
  AR: 'Experimental Drug Therapy', B1: 'Burn Care', B2: 'Brand Name Prescription Drug - Formulary',
  B3: 'Brand Name Prescription Drug - Non-Formulary', BA: 'Independent Medical Evaluation',
  BB: 'Partial Hospitalization (Psychiatric)', BC: 'Day Care (Psychiatric)', BD: 'Cognitive Therapy',
  BE: 'Massage Therapy', BF: 'Pulmonary Rehabilitation', BG: 'Cardiac Rehabilitation', BH: 'Pediatric',
  BI: 'Nursery', BJ: 'Skin', BK: 'Orthopedic', BL: 'Cardiac', BM: 'Lymphatic', BN: 'Gastrointestinal',
  BP: 'Endocrine', BQ: 'Neurology', BR: 'Eye', BS: 'Invasive Procedures', BT: 'Gynecological', BU: 'Obstetrical',
  BV: 'Obstetrical/Gynecological', BW: 'Mail Order Prescription Drug: Brand Name',
  BX: 'Mail Order Prescription Drug: Generic', BY: 'Physician Visit - Office: Sick',
  BZ: 'Physician Visit - Office: Well', C1: 'Coronary Care', CA: 'Private Duty Nursing - Inpatient',
  CB: 'Private Duty Nursing - Home', CC: 'Surgical Benefits - Professional (Physician)',
  CD: 'Surgical Benefits - Facility', CE: 'Mental Health Provider - Inpatient',
  CF: 'Mental Health Provider - Outpatient', CG: 'Mental Health Facility - Inpatient',
  CH: 'Mental Health Facility - Outpatient', CI: 'Substance Abuse Facility - Inpatient',
  CJ: 'Substance Abuse Facility - Outpatient', CK: 'Screening X-ray', CL: 'Screening laboratory',
  CM: 'Mammogram, High Risk Patient', CN: 'Mammogram, Low Risk Patient', CO: 'Flu Vaccination',
  CP: 'Eyewear and Eyewear Accessories', CQ: 'Case Management', DG: 'Dermatology', DM: 'Durable Medical Equipment',
  DS: 'Diabetic Supplies', GF: 'Generic Prescription Drug - Formulary',
  GN: 'Generic Prescription Drug - Non-Formulary', GY: 'Allergy', IC: 'Intensive Care', MH: 'Mental Health',
  NI: 'Neonatal Intensive Care', ON: 'Oncology', PT: 'Physical Therapy', PU: 'Pulmonary', RN: 'Renal',
  RT: 'Residential Psychiatric Treatment', TC: 'Transitional Care', TN: 'Transitional Nursery Care',
  UC: 'Urgent Care',
};

/**
 * The 187 EB03 service type codes 005010X279A1 allows (x12-271-codes.json,
 * EB03_service_type_in_5010_TR3). A code outside it is kept as sent, with a warning.
 */
export const EB03_SERVICE_TYPES_5010: ReadonlySet<string> = new Set(Object.keys(X12_SERVICE_TYPE_NAMES));

/**
 * Service type codes by normalized name, for readers that send names only ("Dental Care", "Mental
 * Health"): every 5010 name, so a dental or pharmacy line sent by name is still a separate product.
 */
export const X12_SERVICE_TYPE_BY_NAME: ReadonlyMap<string, string> = new Map(
  Object.entries(X12_SERVICE_TYPE_NAMES).map(([code, name]) => [codeNameKey(name), code]),
);
