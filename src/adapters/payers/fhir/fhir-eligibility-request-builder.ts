/**
 * Builds an HL7 FHIR R4 CoverageEligibilityRequest (https://hl7.org/fhir/R4/coverageeligibilityrequest.html)
 * from an inquiry: contained Patient and Coverage, purpose benefits + validation, and one item per
 * X12 service type. Each item.category is coded in the X12 service type code system
 * (https://x12.org/codes/service-type-codes, as Da Vinci PCT and US payer APIs use it); the HL7
 * example code system ex-benefitcategory holds only 28 of those codes (1, 30, 69, ... but not MH, CH,
 * AI, A4, ...), so its coding is added only for codes it defines. The body holds PHI.
 */
import type { EligibilityInquiry, InquiryPerson } from '../../../core/ports.js';

const X12_SERVICE_TYPE = 'https://x12.org/codes/service-type-codes';
const BENEFIT_CATEGORY = 'http://terminology.hl7.org/CodeSystem/ex-benefitcategory';
/** Every code of http://terminology.hl7.org/CodeSystem/ex-benefitcategory (content: complete). */
const BENEFIT_CATEGORY_CODES: ReadonlySet<string> = new Set([
  '1', '2', '3', '4', '5', '14', '23', '24', '25', '26', '27', '28', '30', '35', '36', '37', '49', '55', '56', '61', '62', '63', '69', '76',
  'F1', 'F3', 'F4', 'F6',
]);

/** item.category for an X12 service type code. */
function category(code: string): object {
  const coding: object[] = [{ system: X12_SERVICE_TYPE, code }];
  if (BENEFIT_CATEGORY_CODES.has(code)) coding.push({ system: BENEFIT_CATEGORY, code });
  return { coding };
}
const GENDERS = { M: 'male', F: 'female', U: 'unknown' } as const;

/** A contained Patient for a person of the inquiry. */
function patientResource(id: string, person: InquiryPerson): Record<string, unknown> {
  const patient: Record<string, unknown> = { resourceType: 'Patient', id };
  if (person.firstName || person.lastName) {
    patient.name = [{ ...(person.lastName ? { family: person.lastName } : {}), ...(person.firstName ? { given: [person.firstName] } : {}) }];
  }
  if (person.dateOfBirth) patient.birthDate = person.dateOfBirth;
  if (person.gender) patient.gender = GENDERS[person.gender];
  return patient;
}

/**
 * A valid R4 CoverageEligibilityRequest for the inquiry; `now` sets `created`.
 * Contained resources (each referenced from the request, dom-3): the patient; for a dependent, the
 * subscriber as a second Patient that Coverage.subscriber points to (a receiver turning the request
 * into a 270 needs the subscriber's name for 2100C and the patient's for 2100D); the Coverage; and
 * the provider as an Organization or Practitioner carrying the NPI and the name (2100B NM103).
 */
export function buildFhirEligibilityRequest(
  inquiry: EligibilityInquiry,
  options: { id: string; now: Date; insurerReference?: string },
): object {
  const patient = patientResource('patient', inquiry.dependent ?? inquiry.subscriber);
  const subscriber = inquiry.dependent ? patientResource('subscriber', inquiry.subscriber) : undefined;
  const relationship = inquiry.dependent ? inquiry.dependent.relationship ?? 'other' : 'self';
  const coverage = {
    resourceType: 'Coverage',
    id: 'coverage',
    status: 'active',
    subscriber: { reference: subscriber ? '#subscriber' : '#patient' },
    subscriberId: inquiry.subscriber.memberId,
    beneficiary: { reference: '#patient' },
    relationship: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/subscriber-relationship', code: relationship }] },
    payor: [options.insurerReference ? { reference: options.insurerReference } : { identifier: { value: inquiry.payerId } }],
  };
  const npi = [{ system: 'http://hl7.org/fhir/sid/us-npi', value: inquiry.provider.npi }];
  const p = inquiry.provider;
  const provider: Record<string, unknown> = p.organizationName || !p.lastName
    ? { resourceType: 'Organization', id: 'provider', identifier: npi, ...(p.organizationName ? { name: p.organizationName } : {}) }
    : { resourceType: 'Practitioner', id: 'provider', identifier: npi, name: [{ family: p.lastName, ...(p.firstName ? { given: [p.firstName] } : {}) }] };
  return {
    resourceType: 'CoverageEligibilityRequest',
    id: options.id,
    contained: [patient, coverage, provider, ...(subscriber ? [subscriber] : [])],
    status: 'active',
    purpose: ['benefits', 'validation'],
    patient: { reference: '#patient' },
    servicedDate: inquiry.dateOfService,
    created: options.now.toISOString(),
    provider: { reference: '#provider', identifier: npi[0] },
    insurer: options.insurerReference ? { reference: options.insurerReference } : { identifier: { value: inquiry.payerId } },
    insurance: [{ focal: true, coverage: { reference: '#coverage' } }],
    // FHIR JSON forbids empty arrays, so with no service types ask for 30 (plan coverage) like the X12 builder.
    item: (inquiry.serviceTypes.length === 0 ? ['30'] : [...new Set(inquiry.serviceTypes)]).map((code) => ({ category: category(code) })),
  };
}
