/**
 * X12 AAA request-validation codes (element 901 reject reason, AAA03; element 889 follow-up
 * action, AAA04) in plain language, with what the caller should do next. Every payer format maps
 * its rejections to these: the X12 271 carries them as AAA segments (TR3 loops 2000A, 2100A,
 * 2100B, 2100C/D, 2110C/D), clearinghouse JSON as `errors[].code`, FHIR as `error.code`.
 *
 * Sources: /work/shared/domain/facts.md section 2.11 (names of element 901, cross-checked against
 * the Stedi API and blog); allowed-per-loop lists from the BizTalk 5010 271 schema.
 */

/** What the caller should do about a rejection. */
export type RejectActionKind = 'fix-request' | 'retry-later' | 'contact-payer';

/** One reject reason: its name, what to do, whether retrying the same request can succeed. */
export interface RejectReason {
  description: string;
  action: string;
  retryable: boolean;
  actionKind: RejectActionKind;
}

const fix = (description: string, action: string): RejectReason => ({ description, action, retryable: false, actionKind: 'fix-request' });
const contact = (description: string, action: string): RejectReason => ({ description, action, retryable: false, actionKind: 'contact-payer' });

/** AAA03 reject reason codes (X12 element 901) that the 5010 271 allows, with the next step. */
export const AAA_REJECT_REASONS = {
  /** Authorized quantity exceeded: the batch was larger than the payer accepts. */
  '04': fix('Authorized Quantity Exceeded', 'Send fewer inquiries per batch and resubmit.'),
  /** Required application data missing. */
  '15': fix('Required Application Data Missing', 'Add the missing required data to the inquiry and resubmit.'),
  /** Input errors (used in 2110 benefit loops). */
  '33': fix('Input Errors', 'Check the service types and dates in the inquiry and resubmit.'),
  /** Out of network: the provider is out of network for this member. */
  '35': contact('Out of Network', 'The payer reports the provider as out of network for this member; confirm network status and out-of-network benefits with the payer.'),
  /** Authorization/access restrictions: usually an enrollment issue between provider and payer. */
  '41': contact('Authorization/Access Restrictions', 'The submitter is not allowed to query this payer; check enrollment with the payer or clearinghouse.'),
  /** Unable to respond at current time: transient. */
  '42': { description: 'Unable to Respond at Current Time', action: 'Retry later with backoff; do not resend immediately.', retryable: true, actionKind: 'retry-later' },
  /** Invalid/missing provider identification (NPI). */
  '43': fix('Invalid/Missing Provider Identification', 'Check the provider NPI and its enrollment with the payer, then resubmit.'),
  /** Invalid/missing provider name. */
  '44': fix('Invalid/Missing Provider Name', 'Send the provider or organization name exactly as enrolled with the payer.'),
  /** Invalid/missing provider specialty. */
  '45': fix('Invalid/Missing Provider Specialty', 'Add or correct the provider taxonomy (PRV) and resubmit.'),
  /** Invalid/missing provider phone number. */
  '46': fix('Invalid/Missing Provider Phone Number', 'Add or correct the provider phone number and resubmit.'),
  /** Invalid/missing provider state. */
  '47': fix('Invalid/Missing Provider State', 'Add or correct the provider address state and resubmit.'),
  /** Invalid/missing referring provider identification number. */
  '48': fix('Invalid/Missing Referring Provider Identification Number', 'Add or correct the referring provider identifier and resubmit.'),
  /** Provider is not the member's primary care physician. */
  '49': contact('Provider is Not Primary Care Physician', 'The payer answers only to the primary care provider on file; ask the member or payer who the PCP is.'),
  /** Provider ineligible for inquiries. */
  '50': contact('Provider Ineligible for Inquiries', 'The provider is not set up to query this payer; enroll or ask the payer to enable eligibility inquiries.'),
  /** Provider not on file. */
  '51': contact('Provider Not on File', 'The payer has no record of this provider; check the NPI and enrollment with the payer.'),
  /** Service dates not within provider plan enrollment. */
  '52': contact('Service Dates Not Within Provider Plan Enrollment', 'The provider was not enrolled with this plan on the date of service; check enrollment dates with the payer.'),
  /** Inquired benefit inconsistent with provider type. */
  '53': fix('Inquired Benefit Inconsistent with Provider Type', 'Ask about service types this provider type can bill, or inquire as the right provider.'),
  /** Inappropriate product/service ID qualifier. */
  '54': fix('Inappropriate Product/Service ID Qualifier', 'Correct the procedure code qualifier and resubmit.'),
  /** Inappropriate product/service ID. */
  '55': fix('Inappropriate Product/Service ID', 'Correct the procedure code and resubmit.'),
  /** Inappropriate date. */
  '56': fix('Inappropriate Date', 'Correct the dates in the inquiry and resubmit.'),
  /** Invalid/missing date(s) of service. */
  '57': fix('Invalid/Missing Date(s) of Service', 'Send a valid date of service and resubmit.'),
  /** Invalid/missing date of birth. */
  '58': fix('Invalid/Missing Date-of-Birth', 'Send the date of birth exactly as on the member card or enrollment and resubmit.'),
  /** Date of birth follows date of service. */
  '60': fix('Date of Birth Follows Date(s) of Service', 'Check the date of birth and the date of service, then resubmit.'),
  /** Date of death precedes date of service. */
  '61': contact('Date of Death Precedes Date(s) of Service', 'The payer records a date of death before the date of service; verify the patient with the payer.'),
  /** Date of service not within allowable inquiry period. */
  '62': fix('Date of Service Not Within Allowable Inquiry Period', 'Ask about a date of service inside the payer inquiry window (often today or a short range around it).'),
  /** Date of service in future. */
  '63': fix('Date of Service in Future', 'Ask about today or a past date of service; this payer does not answer for future dates.'),
  /** Invalid/missing patient ID. */
  '64': fix('Invalid/Missing Patient ID', 'Check the patient identifier and resubmit.'),
  /** Invalid/missing patient name. */
  '65': fix('Invalid/Missing Patient Name', 'Send the patient name exactly as on the card and resubmit.'),
  /** Invalid/missing patient gender code. */
  '66': fix('Invalid/Missing Patient Gender Code', 'Send the patient gender code and resubmit.'),
  /** Patient not found. */
  '67': fix('Patient Not Found', 'Check the patient name, date of birth and relationship; try the patient as subscriber or dependent.'),
  /** Duplicate patient ID number. */
  '68': fix('Duplicate Patient ID Number', 'Add the patient name and date of birth to narrow the match, then resubmit.'),
  /** Inconsistent with patient's age. */
  '69': fix("Inconsistent with Patient's Age", 'The service type does not fit the patient age; check the date of birth and service types.'),
  /** Inconsistent with patient's gender. */
  '70': fix("Inconsistent with Patient's Gender", 'The service type does not fit the patient gender; check the gender and service types.'),
  /** Patient birth date does not match the payer's record. */
  '71': fix('Patient Birth Date Does Not Match That for the Patient on the Database', 'Check the date of birth against the card or enrollment record and resubmit.'),
  /** Invalid/missing subscriber/insured ID. */
  '72': fix('Invalid/Missing Subscriber/Insured ID', 'Re-read the member ID from the card; try it with and without the alpha prefix or suffix.'),
  /** Invalid/missing subscriber/insured name. */
  '73': fix('Invalid/Missing Subscriber/Insured Name', 'Send the subscriber name exactly as on the card and resubmit.'),
  /** Invalid/missing subscriber/insured gender code. */
  '74': fix('Invalid/Missing Subscriber/Insured Gender Code', 'Send the subscriber gender code and resubmit.'),
  /** Subscriber/insured not found. */
  '75': fix('Subscriber/Insured Not Found', 'Try other field combinations (member ID with date of birth, or name with date of birth) and resubmit.'),
  /** Duplicate subscriber/insured ID number. */
  '76': fix('Duplicate Subscriber/Insured ID Number', 'Add the subscriber name and date of birth to narrow the match, then resubmit.'),
  /** Subscriber found, patient not found. */
  '77': fix('Subscriber Found, Patient Not Found', 'Send the patient as a dependent of the subscriber (2000D) with name and date of birth.'),
  /** Subscriber/insured not in group/plan identified. */
  '78': fix('Subscriber/Insured Not in Group/Plan Identified', 'Check the payer and group on the card; the member may belong to another plan or payer.'),
  /** Invalid participant identification: payer routing or submitter id. */
  '79': contact('Invalid Participant Identification', 'Check the payer ID used for routing and the submitter/provider identifiers with the clearinghouse or payer.'),
  /** No response received, transaction terminated: transient. */
  '80': { description: 'No Response received - Transaction Terminated', action: 'Retry later with backoff; the payer did not answer in time.', retryable: true, actionKind: 'retry-later' },
  /** Invalid or missing provider address. */
  '97': fix('Invalid or Missing Provider Address', 'Add or correct the provider address and resubmit.'),
  /** Payer name or identifier missing. */
  T4: fix('Payer Name or Identifier Missing', 'Send the payer name and payer ID and resubmit.'),
} as const satisfies Record<string, RejectReason>;

/** An AAA03 code this module knows. */
export type AaaRejectCode = keyof typeof AAA_REJECT_REASONS;

/** AAA04 follow-up action codes (X12 element 889) allowed in the 5010 271, in plain language. */
export const AAA_FOLLOW_UP_ACTIONS = {
  /** Please correct and resubmit. */
  C: 'Please Correct and Resubmit',
  /** Resubmission not allowed (can come from a clearinghouse that briefly lost its payer link). */
  N: 'Resubmission Not Allowed',
  /** Please resubmit original transaction. */
  P: 'Please Resubmit Original Transaction',
  /** Resubmission allowed. */
  R: 'Resubmission Allowed',
  /** Do not resubmit; inquiry initiated to a third party. */
  S: 'Do Not Resubmit; Inquiry Initiated to a Third Party',
  /** Do not resubmit; we will hold your request and respond again shortly. */
  Y: 'Do Not Resubmit; We Will Hold Your Request and Respond Again Shortly',
  /** Wait 30 days and resubmit (exists in X12 but not allowed in the 5010 271). */
  W: 'Wait 30 Days and Resubmit',
  /** Wait 10 days and resubmit (exists in X12 but not allowed in the 5010 271). */
  X: 'Wait 10 Days and Resubmit',
} as const;

/** An AAA04 code this module knows. */
export type AaaFollowUpCode = keyof typeof AAA_FOLLOW_UP_ACTIONS;

/** True when the code is a known AAA03 reject reason. */
export function isKnownRejectReason(code: string): code is AaaRejectCode {
  return Object.hasOwn(AAA_REJECT_REASONS, code);
}

/** Describe an AAA03 reject reason; unknown codes get a contact-the-payer answer, never a throw. */
export function describeRejectReason(code: string): RejectReason {
  const trimmed = code.trim().toUpperCase();
  if (isKnownRejectReason(trimmed)) return { ...AAA_REJECT_REASONS[trimmed] };
  return contact(
    'Unrecognized reject reason code',
    'The payer sent a reject reason this service does not know; contact the payer or verify coverage manually.',
  );
}

/** Name an AAA04 follow-up action code, or undefined when the code is unknown or absent. */
export function describeFollowUpAction(code: string | undefined): string | undefined {
  if (code === undefined) return undefined;
  const trimmed = code.trim().toUpperCase();
  return Object.hasOwn(AAA_FOLLOW_UP_ACTIONS, trimmed) ? AAA_FOLLOW_UP_ACTIONS[trimmed as AaaFollowUpCode] : undefined;
}
