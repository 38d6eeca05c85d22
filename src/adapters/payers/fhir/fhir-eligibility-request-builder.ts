/**
 * Builds an HL7 FHIR R4 CoverageEligibilityRequest (https://hl7.org/fhir/R4/coverageeligibilityrequest.html)
 * from an inquiry: contained Patient and Coverage, purpose benefits + validation, and one item per
 * X12 service type (ex-benefitcategory codes are X12 service type codes). The body holds PHI.
 */
import type { EligibilityInquiry } from '../../../core/ports.js';

const BENEFIT_CATEGORY = 'http://terminology.hl7.org/CodeSystem/ex-benefitcategory';
const GENDERS = { M: 'male', F: 'female', U: 'unknown' } as const;

/** A valid R4 CoverageEligibilityRequest for the inquiry; `now` sets `created`. */
export function buildFhirEligibilityRequest(
  inquiry: EligibilityInquiry,
  options: { id: string; now: Date; insurerReference?: string },
): object {
  const person = inquiry.dependent ?? inquiry.subscriber;
  const patient: Record<string, unknown> = { resourceType: 'Patient', id: 'patient' };
  if (person.firstName || person.lastName) {
    patient.name = [{ ...(person.lastName ? { family: person.lastName } : {}), ...(person.firstName ? { given: [person.firstName] } : {}) }];
  }
  if (person.dateOfBirth) patient.birthDate = person.dateOfBirth;
  if (person.gender) patient.gender = GENDERS[person.gender];
  const relationship = inquiry.dependent ? inquiry.dependent.relationship ?? 'other' : 'self';
  const coverage = {
    resourceType: 'Coverage',
    id: 'coverage',
    status: 'active',
    subscriberId: inquiry.subscriber.memberId,
    beneficiary: { reference: '#patient' },
    relationship: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/subscriber-relationship', code: relationship }] },
    payor: [options.insurerReference ? { reference: options.insurerReference } : { identifier: { value: inquiry.payerId } }],
  };
  return {
    resourceType: 'CoverageEligibilityRequest',
    id: options.id,
    contained: [patient, coverage],
    status: 'active',
    purpose: ['benefits', 'validation'],
    patient: { reference: '#patient' },
    servicedDate: inquiry.dateOfService,
    created: options.now.toISOString(),
    provider: { identifier: { system: 'http://hl7.org/fhir/sid/us-npi', value: inquiry.provider.npi } },
    insurer: options.insurerReference ? { reference: options.insurerReference } : { identifier: { value: inquiry.payerId } },
    insurance: [{ focal: true, coverage: { reference: '#coverage' } }],
    item: inquiry.serviceTypes.map((code) => ({ category: { coding: [{ system: BENEFIT_CATEGORY, code }] } })),
  };
}
