/**
 * Builds a Change Healthcare-compatible eligibility request (the JSON shape Optum and Stedi accept):
 * controlNumber, tradingPartnerServiceId, provider, subscriber, optional dependents, encounter with
 * dateOfService (CCYYMMDD) and serviceTypeCodes. The body holds PHI.
 */
import type { EligibilityInquiry, InquiryPerson } from '../../../core/ports.js';

/** ISO "2026-02-02" -> X12 D8 "20260202". */
function d8(iso: string): string {
  return iso.replaceAll('-', '');
}

function personJson(person: InquiryPerson): Record<string, string> {
  const out: Record<string, string> = {};
  if (person.memberId) out.memberId = person.memberId;
  if (person.firstName) out.firstName = person.firstName;
  if (person.lastName) out.lastName = person.lastName;
  if (person.dateOfBirth) out.dateOfBirth = d8(person.dateOfBirth);
  if (person.gender) out.gender = person.gender;
  return out;
}

/** X12 INS02 relationship codes: 01 spouse, 19 child, G8 other relationship. */
const RELATIONSHIP_CODES = { spouse: '01', child: '19', other: 'G8' } as const;

/** A clearinghouse eligibility request body for the inquiry. */
export function buildClearinghouseEligibilityRequest(
  inquiry: EligibilityInquiry,
  options: { controlNumber: string; tradingPartnerServiceId: string },
): object {
  const provider: Record<string, string> = { npi: inquiry.provider.npi };
  if (inquiry.provider.organizationName) provider.organizationName = inquiry.provider.organizationName;
  if (inquiry.provider.firstName) provider.firstName = inquiry.provider.firstName;
  if (inquiry.provider.lastName) provider.lastName = inquiry.provider.lastName;
  const request: Record<string, unknown> = {
    controlNumber: options.controlNumber,
    tradingPartnerServiceId: options.tradingPartnerServiceId,
    provider,
    subscriber: personJson(inquiry.subscriber),
    encounter: { dateOfService: d8(inquiry.dateOfService), serviceTypeCodes: [...inquiry.serviceTypes] },
  };
  if (inquiry.dependent) {
    request.dependents = [{ ...personJson(inquiry.dependent), individualRelationshipCode: RELATIONSHIP_CODES[inquiry.dependent.relationship ?? 'other'] }];
  }
  return request;
}
