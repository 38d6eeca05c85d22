/**
 * The billing codes the cost engine knows how to describe, with the descriptor a patient sees.
 * Descriptors follow the sources in /work/shared/domain/facts.md section 1.
 */

/** Code systems a billable line can carry. */
export type CodeSystem = 'HCPCS' | 'CPT' | 'REV';

/** Codes with a short, plain descriptor and their code system. */
export const BILLING_CODES = {
  /** Intensive outpatient psychiatric services, per diem (facts 1.1). */
  S9480: { system: 'HCPCS', description: 'Intensive outpatient program day (mental health)' },
  /** Alcohol and/or drug intensive outpatient, usually one unit per program day (facts 1.1). */
  H0015: { system: 'HCPCS', description: 'Intensive outpatient program day (substance use)' },
  /** Mental health partial hospitalization, less than 24 hours, per diem (facts 1.1). */
  H0035: { system: 'HCPCS', description: 'Partial hospitalization program day' },
  /** Behavioral health residential treatment, per diem. Descriptor is [U] in facts; verify. */
  H0018: { system: 'HCPCS', description: 'Residential treatment day' },
  /** Psychoeducational service, per 15 minutes. [U]: not in facts.md; used for IOP education blocks. */
  H2027: { system: 'HCPCS', description: 'Psychoeducation (per 15 minutes)' },
  /** Psychiatric diagnostic evaluation without medical services (facts 1.4). */
  '90791': { system: 'CPT', description: 'Psychiatric diagnostic evaluation' },
  /** Psychotherapy, 45 minutes (38-52 min) (facts 1.4). */
  '90834': { system: 'CPT', description: 'Individual therapy, 45 minutes' },
  /** Psychotherapy, 60 minutes (53 min or more) (facts 1.4). */
  '90837': { system: 'CPT', description: 'Individual therapy, 60 minutes' },
  /** Group psychotherapy other than multiple-family group (facts 1.4). */
  '90853': { system: 'CPT', description: 'Group therapy session' },
  /** Revenue code: IOP, psychiatric (facts 1.2). */
  '0905': { system: 'REV', description: 'Intensive outpatient services, psychiatric' },
  /** Revenue code: IOP, chemical dependency (facts 1.2). */
  '0906': { system: 'REV', description: 'Intensive outpatient services, chemical dependency' },
  /** Revenue code: partial hospitalization, intensive (facts 1.2). */
  '0913': { system: 'REV', description: 'Partial hospitalization, intensive' },
  /** Revenue code: residential treatment, behavioral health [P]. */
  '1002': { system: 'REV', description: 'Residential treatment, behavioral health' },
} as const satisfies Record<string, { system: CodeSystem; description: string }>;

/** A plain descriptor for a code, or the code itself when unknown. */
export function describeCode(code: string): string {
  return Object.hasOwn(BILLING_CODES, code) ? BILLING_CODES[code as keyof typeof BILLING_CODES].description : `Service ${code}`;
}

/** The code system a known code belongs to; CPT for five digits, HCPCS otherwise. */
export function codeSystemOf(code: string): CodeSystem {
  if (Object.hasOwn(BILLING_CODES, code)) return BILLING_CODES[code as keyof typeof BILLING_CODES].system;
  if (/^\d{4}$/.test(code)) return 'REV';
  return /^\d{5}$/.test(code) ? 'CPT' : 'HCPCS';
}
