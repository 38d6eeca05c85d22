/**
 * Builds a Change Healthcare-compatible eligibility request (the JSON shape Optum and Stedi accept at
 * POST .../medicalnetwork/eligibility/v3): controlNumber, tradingPartnerServiceId, provider,
 * subscriber, optional dependents, encounter with dateOfService (CCYYMMDD) and serviceTypeCodes.
 * Field rules follow Optum's "Medical Network Eligibility v3" OpenAPI (MedicalEligibility,
 * Provider, RequestSubscriber, RequestDependent, Encounter), which Stedi's endpoint mirrors; values
 * the receiver's schema would refuse are reported as request.invalid before anything is sent.
 * The body holds PHI.
 */
import type { EligibilityInquiry, InquiryPerson } from '../../../core/ports.js';
import { DomainError } from '../../../core/errors.js';
import type { FieldError } from '../../../core/errors.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Collects invalid fields as JSON pointers (never values: they can be PHI). */
class FieldCheck {
  readonly errors: FieldError[] = [];

  text(pointer: string, value: string | undefined, max: number): string | undefined {
    const trimmed = value?.trim();
    if (trimmed === undefined || trimmed === '') return undefined;
    if (trimmed.length > max) this.errors.push({ pointer, message: `is longer than ${max} characters` });
    return trimmed;
  }

  /** ISO "2026-02-02" -> X12 D8 "20260202" (the schema's YYYYMMDD). */
  d8(pointer: string, value: string | undefined): string | undefined {
    if (value === undefined) return undefined;
    const date = ISO_DATE.test(value) ? new Date(`${value}T00:00:00Z`) : undefined;
    if (date === undefined || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
      this.errors.push({ pointer, message: 'must be a date YYYY-MM-DD' });
      return undefined;
    }
    return value.replaceAll('-', '');
  }

  /** memberId: "2-80 alphanumeric characters", pattern ^[A-Za-z0-9-]+$ (NM109, NM108=MI). */
  memberId(pointer: string, value: string | undefined): string | undefined {
    const trimmed = value?.trim();
    if (trimmed === undefined || trimmed === '') return undefined;
    if (!/^[A-Za-z0-9-]{2,80}$/.test(trimmed)) this.errors.push({ pointer, message: 'must be 2 to 80 letters, digits or hyphens' });
    return trimmed;
  }
}

function personJson(check: FieldCheck, pointer: string, person: InquiryPerson): Record<string, string> {
  const out: Record<string, string> = {};
  const memberId = check.memberId(`${pointer}/memberId`, person.memberId);
  const firstName = check.text(`${pointer}/firstName`, person.firstName, 35); // NM104, 1-35
  const lastName = check.text(`${pointer}/lastName`, person.lastName, 60); // NM103, 1-60
  const dateOfBirth = check.d8(`${pointer}/dateOfBirth`, person.dateOfBirth);
  if (memberId !== undefined) out.memberId = memberId;
  if (firstName !== undefined) out.firstName = firstName;
  if (lastName !== undefined) out.lastName = lastName;
  if (dateOfBirth !== undefined) out.dateOfBirth = dateOfBirth;
  // DMG03 "gender 1 character 'M' or 'F'" (enum [M, F]): 'U' is not accepted, so it is left out.
  if (person.gender === 'M' || person.gender === 'F') out.gender = person.gender;
  return out;
}

/**
 * 2100D INS02 individualRelationshipCode: the schema allows only '01' Spouse, '19' Child and
 * '34' Other Adult (not the claim-side G8 "Other Relationship").
 */
const RELATIONSHIP_CODES = { spouse: '01', child: '19', other: '34' } as const;

/** A clearinghouse eligibility request body for the inquiry; throws DomainError('request.invalid') for values the receiver refuses. */
export function buildClearinghouseEligibilityRequest(
  inquiry: EligibilityInquiry,
  options: { controlNumber: string; tradingPartnerServiceId: string },
): object {
  const check = new FieldCheck();
  // controlNumber: ISA13, "must be exactly 9 positive unsigned numeric characters" (minLength = maxLength = 9).
  if (!/^\d{9}$/.test(options.controlNumber)) check.errors.push({ pointer: '/options/controlNumber', message: 'must be exactly 9 digits' });
  const tradingPartnerServiceId = check.text('/options/tradingPartnerServiceId', options.tradingPartnerServiceId, 80);
  if (tradingPartnerServiceId === undefined) check.errors.push({ pointer: '/options/tradingPartnerServiceId', message: 'is required' });

  // provider: an npi plus organizationName (NM102=2) or, for a person (NM102=1), lastName and
  // firstName; only one of the two name forms is sent, the organization when both are known.
  const npi = inquiry.provider.npi.trim();
  if (!/^\d{10}$/.test(npi)) check.errors.push({ pointer: '/provider/npi', message: 'must be 10 digits' });
  const organizationName = check.text('/provider/organizationName', inquiry.provider.organizationName, 60);
  const providerFirst = check.text('/provider/firstName', inquiry.provider.firstName, 35);
  const providerLast = check.text('/provider/lastName', inquiry.provider.lastName, 60);
  const provider: Record<string, string> = { npi };
  if (organizationName !== undefined) {
    provider.organizationName = organizationName;
  } else if (providerLast !== undefined) {
    if (providerFirst !== undefined) provider.firstName = providerFirst;
    provider.lastName = providerLast;
  } else {
    check.errors.push({ pointer: '/provider', message: 'needs an organizationName or a lastName' });
  }

  const subscriber = personJson(check, '/subscriber', inquiry.subscriber);
  if (subscriber.memberId === undefined && subscriber.dateOfBirth === undefined && subscriber.lastName === undefined) {
    check.errors.push({ pointer: '/subscriber', message: 'needs a memberId, a dateOfBirth or a lastName' });
  }

  // encounter.serviceTypeCodes: EQ01, maxItems 99. With none, ask for 30 (plan coverage), which
  // is also what the X12 builder sends; duplicates are dropped.
  const serviceTypeCodes = inquiry.serviceTypes.length === 0 ? ['30'] : [...new Set(inquiry.serviceTypes)];
  serviceTypeCodes.forEach((code, i) => {
    if (!/^[A-Z0-9]{1,2}$/.test(code)) check.errors.push({ pointer: `/serviceTypes/${i}`, message: 'must be an X12 service type code' });
  });
  if (serviceTypeCodes.length > 99) check.errors.push({ pointer: '/serviceTypes', message: 'at most 99 service types (serviceTypeCodes maxItems 99)' });
  const dateOfService = check.d8('/dateOfService', inquiry.dateOfService);
  if (dateOfService === undefined && check.errors.every((e) => e.pointer !== '/dateOfService')) {
    check.errors.push({ pointer: '/dateOfService', message: 'is required' });
  }

  let dependents: Record<string, string>[] | undefined;
  if (inquiry.dependent) {
    const dependent = personJson(check, '/dependent', inquiry.dependent);
    const relationship = inquiry.dependent.relationship;
    if (relationship !== undefined) dependent.individualRelationshipCode = RELATIONSHIP_CODES[relationship];
    dependents = [dependent];
  }

  if (check.errors.length > 0) {
    throw new DomainError('request.invalid', 'The inquiry cannot be written as a clearinghouse eligibility request', { errors: check.errors });
  }
  const request: Record<string, unknown> = {
    controlNumber: options.controlNumber,
    tradingPartnerServiceId,
    provider,
    subscriber,
    encounter: { dateOfService, serviceTypeCodes },
  };
  if (dependents !== undefined) request.dependents = dependents;
  return request;
}
