/**
 * The coverage model: the core's own, wire-format-free picture of what a payer said about a
 * member's coverage. Every adapter (X12 271, FHIR R4, clearinghouse JSON) produces a `Coverage`;
 * every use case (estimates, rules, pages) reads only this.
 *
 * Conventions:
 * - Money is integer cents, rates are integer parts-per-million of the PATIENT's share
 *   (X12 EB08 0.2 and FHIR 20 both become 200_000).
 * - Anything that identifies a person lives under a `phi` key, so presenters and loggers can
 *   strip or redact one well-known path.
 * - Nothing is defaulted silently: a value the payer did not send is `undefined` (or 'unknown'),
 *   never 0 and never "in network".
 */
import type { Cents, Ppm } from '../money.js';

/** Wire formats a coverage can come from. */
export const COVERAGE_FORMATS = {
  /** ASC X12 271 eligibility response (005010X279A1, or legacy 004010X092A1). */
  'x12-271': 'x12-271',
  /** HL7 FHIR R4 CoverageEligibilityResponse. */
  'fhir-r4': 'fhir-r4',
  /** Change Healthcare-compatible clearinghouse eligibility JSON (Optum, Stedi). */
  'clearinghouse-json': 'clearinghouse-json',
  /** Entered by hand or supplied inline by a caller. */
  manual: 'manual',
} as const;
export type CoverageFormat = keyof typeof COVERAGE_FORMATS;

/** Yes / no / unknown: the payer's answer, where "unknown" is a real, first-class answer. */
export type TriState = 'yes' | 'no' | 'unknown';

/** Network a benefit applies to. X12 EB12: Y=in, N=out, W=both, absent/U=unknown. */
export const NETWORKS = ['in', 'out', 'both', 'unknown'] as const;
export type Network = (typeof NETWORKS)[number];

/** Coverage level. X12 EB02 IND/EMP -> individual; FAM and the family-unit codes -> family. */
export const COVERAGE_LEVELS = ['individual', 'family', 'unknown'] as const;
export type CoverageLevel = (typeof COVERAGE_LEVELS)[number];

/** Eligibility in three states; "undetermined" when the payer's answer does not settle it. */
export const ELIGIBILITY_STATUSES = ['active', 'inactive', 'undetermined'] as const;
export type EligibilityStatus = (typeof ELIGIBILITY_STATUSES)[number];

/** Plan types the clinics see. */
export const PLAN_TYPES = [
  'PPO', 'HMO', 'EPO', 'POS', 'HDHP', 'indemnity', 'Medicare', 'Medicare-Advantage', 'Medicaid',
  'TRICARE', 'commercial', 'other', 'unknown',
] as const;
export type PlanType = (typeof PLAN_TYPES)[number];

/**
 * The time period a benefit amount refers to (X12 EB06, clearinghouse timeQualifierCode,
 * FHIR used/allowed). 'remaining' is what is left to meet; 'year-to-date' is what is already met.
 */
export const TIME_PERIODS = [
  'calendar-year', 'service-year', 'plan-year', 'year-to-date', 'remaining', 'lifetime',
  'lifetime-remaining', 'visit', 'day', 'week', 'month', 'admission', 'episode', 'contract',
  'hour', 'exceeded', 'not-exceeded', 'other', 'unknown',
] as const;
export type TimePeriod = (typeof TIME_PERIODS)[number];

/** What a benefit line says. Mirrors X12 EB01 groups, which FHIR and clearinghouse JSON also map to. */
export const BENEFIT_KINDS = [
  'active-coverage', 'inactive', 'coinsurance', 'copay', 'deductible', 'out-of-pocket',
  'limitation', 'non-covered', 'exclusion', 'contact-entity', 'benefit-description',
  'cost-containment', 'managed-care-coordinator', 'primary-care-provider', 'other-payer',
  'unlimited', 'spend-down', 'other',
] as const;
export type BenefitKind = (typeof BENEFIT_KINDS)[number];

/** Units for visit / day limits and quantities. */
export const QUANTITY_UNITS = ['visit', 'day', 'hour', 'unit', 'month', 'year', 'service', 'other'] as const;
export type QuantityUnit = (typeof QUANTITY_UNITS)[number];

/**
 * Where a fact came from, so an estimate can cite it: for X12 the transaction, loop and segment
 * position ("ST 0001 / 2110C / seg 14 EB"), for JSON formats a JSON path ("$.benefitsInformation[3]").
 */
export interface SourcePointer {
  format: CoverageFormat;
  /** Human-readable, stable pointer: segment position or JSON path. */
  pointer: string;
  /** 1-based segment position within the X12 transaction set (ST = 1, as SE01 and 999 IK302 count). */
  segmentIndex?: number;
}

/** A person's identifying data. PHI: never logged, never in a cache key, stripped for patient-facing keys. */
export interface PersonPhi {
  memberId?: string;
  firstName?: string;
  middleName?: string;
  lastName?: string;
  /** ISO date YYYY-MM-DD. */
  dateOfBirth?: string;
  gender?: string;
  address?: { line1?: string; line2?: string; city?: string; state?: string; postalCode?: string };
  /** Other identifiers (X12 REF in 2100C/D, FHIR identifiers), as qualifier -> value. */
  otherIds?: Record<string, string>;
}

/** Subscriber or patient. */
export interface CoveredPerson {
  /** Relationship of this person to the subscriber. */
  relationship: 'self' | 'spouse' | 'child' | 'other' | 'unknown';
  phi: PersonPhi;
}

/** Plan-level and eligibility dates (ISO YYYY-MM-DD). */
export interface PlanDates {
  planBegin?: string;
  planEnd?: string;
  eligibilityBegin?: string;
  eligibilityEnd?: string;
  policyEffective?: string;
  policyExpiration?: string;
  /** Start and end of the benefit (accumulator) year when the payer sent one. */
  benefitYearBegin?: string;
  benefitYearEnd?: string;
}

/** A way to reach an organization: a phone or fax number, a web address, an email address. */
export interface ContactPoint {
  kind: 'phone' | 'fax' | 'url' | 'email' | 'other';
  value: string;
  /** Who answers there, as the payer named it (X12 PER02, e.g. 'PROVIDER SERVICES'). */
  name?: string;
}

/** An entity a benefit points at (X12 2120 loop, FHIR/clearinghouse related entities). */
export interface RelatedEntity {
  /** Role: 'carve-out administrator', 'primary care provider', 'other payer'... */
  role: string;
  /** Raw entity identifier code (X12 NM101, e.g. 'PR', 'P3', 'VN', 'Y2'). */
  entityCode?: string;
  name?: string;
  /** Identifier such as the payer id of the carve-out (qualifier -> value). */
  identifiers?: Record<string, string>;
  contacts?: ContactPoint[];
}

/** One normalized benefit fact. Many of these describe one service type. */
export interface Benefit {
  /** Unique within the coverage, e.g. "eb-14". */
  id: string;
  kind: BenefitKind;
  /** The raw code behind `kind` (X12 EB01, FHIR benefit.type code, clearinghouse code). */
  rawCode?: string;
  /** X12 service type codes (EB03 values, e.g. '30', 'MH', 'A8'); other formats are mapped to them. */
  serviceTypes: string[];
  /** Procedure codes the benefit is limited to (X12 EB13), as "qualifier:code" e.g. "HC:H0015". */
  procedureCodes: string[];
  /** X12 EB04 insurance type code, when given. */
  insuranceType?: string;
  /** Plan coverage description (EB05), when given. */
  planDescription?: string;
  network: Network;
  coverageLevel: CoverageLevel;
  /** Raw coverage level code (EB02), for display. */
  coverageLevelCode?: string;
  timePeriod: TimePeriod;
  /** Patient's amount in cents (deductible, OOP, copay...). Undefined when not sent. */
  amountCents?: Cents;
  /** Patient's share as ppm (coinsurance). Undefined when not sent. */
  percentPpm?: Ppm;
  /** Quantity such as visits or days allowed / remaining. */
  quantity?: { value: number; unit: QuantityUnit; qualifier?: string };
  authorizationRequired: TriState;
  referralRequired: TriState;
  /** Delivery pattern (X12 HSD), e.g. "3 visits per week", kept as text plus parts. */
  delivery?: { quantity?: number; unit?: string; per?: string; periods?: number; text: string };
  /** Benefit-level dates that override plan dates for this benefit. */
  dates?: { begin?: string; end?: string; latestVisit?: string; other?: Record<string, string> };
  relatedEntities: RelatedEntity[];
  /** The payer's own free-text notes (X12 MSG, FHIR description, additionalInformation). */
  notes: string[];
  source: SourcePointer;
}

/** An error the payer reported (X12 AAA, FHIR error, clearinghouse errors). */
export interface PayerError {
  /** Raw code (X12 AAA03 reject reason, e.g. '72'). */
  code: string;
  description: string;
  /** Where it was reported: 'source', 'receiver', 'subscriber', 'dependent', 'benefit'. */
  level: string;
  /** X12 AAA01: was the request valid. */
  validRequest?: boolean;
  /** Follow-up action code (AAA04) and what the caller should do, in plain language. */
  followUpCode?: string;
  action: string;
  /** Whether retrying later can succeed (e.g. AAA 42 unable to respond now). */
  retryable: boolean;
  source: SourcePointer;
}

/** Something a person (or the service) should do next, derived from the payer's answer. */
export interface CoverageAction {
  kind: 'check-carve-out' | 'fix-request' | 'retry-later' | 'obtain-authorization' | 'obtain-referral' | 'contact-payer' | 'verify-manually';
  message: string;
  /** The entity to contact, for carve-outs. */
  entity?: RelatedEntity;
  /** Service types this action is about. */
  serviceTypes?: string[];
  source?: SourcePointer;
}

/** A non-fatal problem found while reading a payer response. */
export interface FormatWarning {
  code: string;
  message: string;
  pointer?: string;
}

/** The normalized answer for one patient from one payer response. */
export interface Coverage {
  format: CoverageFormat;
  /** e.g. '005010X279A1', '004010X092A1', 'R4'. */
  formatVersion?: string;
  /** True for legacy formats (4010) that were accepted but are out of date. */
  legacy?: boolean;
  /** The payer that answered; `contacts` are the ones it gave for questions about this answer (X12 2100A PER). */
  payer: { name?: string; id?: string; contacts?: ContactPoint[] };
  provider?: { name?: string; npi?: string };
  plan: {
    name?: string;
    groupNumber?: string;
    groupName?: string;
    type: PlanType;
    /** Raw insurance type code the plan type came from (EB04). */
    insuranceTypeCode?: string;
    dates: PlanDates;
  };
  subscriber?: CoveredPerson;
  /** The patient the answer is about (the subscriber, or a dependent). */
  patient?: CoveredPerson;
  eligibility: { status: EligibilityStatus; reason: string; source?: SourcePointer };
  benefits: Benefit[];
  payerErrors: PayerError[];
  actions: CoverageAction[];
  warnings: FormatWarning[];
}

/** A value chosen from the coverage for a decision, with the benefit(s) it came from. */
export interface Sourced<T> {
  value: T;
  /** Benefit ids (Benefit.id) that produced the value. */
  benefitIds: string[];
  /** Pointers into the payer response, for citing. */
  sources: SourcePointer[];
}

/** Total / remaining / met for a deductible or out-of-pocket maximum. */
export interface Accumulator {
  totalCents?: Sourced<Cents>;
  remainingCents?: Sourced<Cents>;
  /** Met so far (year to date), or total - remaining when both agree on their keys. */
  metCents?: Sourced<Cents>;
}

/**
 * The cost-sharing terms for one level of care in one network, chosen from a coverage: what the
 * cost engine prices with. Produced by the level-of-care resolver; may also be given by hand.
 */
export interface CostSharingTerms {
  network: 'in' | 'out';
  deductible: { individual?: Accumulator; family?: Accumulator };
  outOfPocket: { individual?: Accumulator; family?: Accumulator };
  /** Patient's coinsurance share. */
  coinsurancePpm?: Sourced<Ppm>;
  /** Copay and what it is charged per. */
  copay?: Sourced<{ amountCents: Cents; per: 'visit' | 'day' }>;
  /**
   * Whether the deductible applies before the copay. Payers rarely say; undefined means unknown,
   * and the engine states the assumption it used.
   */
  deductibleAppliesToCopay?: Sourced<boolean>;
  /** Visit or day limit. */
  limit?: Sourced<{ total?: number; remaining?: number; unit: QuantityUnit; period: TimePeriod }>;
  authorizationRequired: Sourced<TriState>;
  referralRequired: Sourced<TriState>;
  /** Not covered at all for this level of care (X12 EB01=I). */
  notCovered?: Sourced<true>;
  /**
   * Medicaid spend-down (X12 EB01=Y): medical costs the patient must incur in a period before
   * Medicaid pays. The estimate does not price it; it says so.
   */
  spendDown?: Sourced<{ amountCents: Cents; period: TimePeriod }>;
  /** The patient is a Qualified Medicare Beneficiary (EB04 QM): Medicare cost sharing cannot be billed to them; the shares above are zero. */
  qualifiedMedicareBeneficiary?: Sourced<true>;
  /** Which service type was used, and why (most specific present, or plan-level fallback). */
  chosen: { serviceType: string; reason: string; fellBackToPlanLevel: boolean };
  /** Parts of the terms the payer did not give, in plain language. */
  unknowns: string[];
}
