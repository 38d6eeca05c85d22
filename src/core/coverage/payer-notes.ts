/**
 * Payer free-text notes (X12 MSG, clearinghouse additionalInformation, FHIR descriptions) read for
 * what the formats have no element for. Pure text rules, shared by the readers and the prior-auth
 * rules so the same words mean the same thing everywhere.
 */

/**
 * Referral wording in payer notes (facts.md 2.10: the 271, and the JSON built from it, has no
 * referral element). A note is read
 * clause by clause (split on . ; , and ' - '), so "REFERRAL REQUIRED; PRIOR AUTHORIZATION NOT
 * REQUIRED" is a required referral: the "not" must be close to the word referral(s) in the same
 * clause ("NO REFERRAL NEEDED", "REFERRALS NOT REQUIRED", "DOES NOT REQUIRE A REFERRAL"). Every
 * pattern has bounded gaps, so a long MSG is read in linear time.
 */
const REFERRAL = /\breferrals?\b/i;
const NOTE_CLAUSE_SPLIT = /[.;,]| - /;
const REFERRAL_NOT_REQUIRED =
  /\bno\s+(?:[a-z]+\s+)?referrals?\b|\breferrals?\s*:?\s+(?:(?:is|are|was|were)\s+)?(?:not|never)\s+(?:required|needed|necessary)\b|\b(?:not|n't)\s+(?:require|need)s?\s+(?:an?\s+)?(?:[a-z]+\s+)?referrals?\b/i;

/** Reads a note clause by clause: does some clause naming the requirement ask for it, does some clause say it is not needed. */
function requirementClauses(text: string, names: RegExp, notRequired: RegExp): { yes: boolean; no: boolean } {
  const found = { yes: false, no: false };
  if (!names.test(text)) return found;
  for (const clause of text.split(NOTE_CLAUSE_SPLIT)) {
    if (!names.test(clause)) continue;
    if (notRequired.test(clause)) found.no = true;
    else found.yes = true;
  }
  return found;
}

/** What a note says about referrals: whether some clause requires one, and whether some clause says none is needed. */
export function referralClauses(text: string): { yes: boolean; no: boolean } {
  return requirementClauses(text, REFERRAL, REFERRAL_NOT_REQUIRED);
}

/**
 * Prior-authorization wording ("PRE-CERTIFICATION REQUIRED", "PRIOR AUTH MAY BE REQUIRED"), read
 * clause by clause as referrals are: "PRIOR AUTHORIZATION NOT REQUIRED", "NO PRECERT NEEDED" and
 * "DOES NOT REQUIRE PRE-AUTHORIZATION" say none is needed; any other clause naming it counts as a
 * requirement (the safe side: "may be required" is asked about before day 1, not ignored).
 */
const AUTHORIZATION = /\b(?:pre-?cert(?:ification)?|prior[\s-]+auth(?:orization)?|pre-?auth(?:orization)?|authorization required)\b/i;
const AUTHORIZATION_NOT_REQUIRED =
  /\bno\s+(?:[a-z]+\s+)?(?:pre-?cert(?:ification)?|prior[\s-]+auth(?:orization)?|pre-?auth(?:orization)?|authorization)\b|\b(?:pre-?cert(?:ification)?|auth(?:orization)?)\s*:?\s+(?:(?:is|are|was|were)\s+)?(?:not|never)\s+(?:required|needed|necessary)\b|\b(?:not|n't)\s+(?:require|need)s?\s+(?:an?\s+)?(?:[a-z]+\s+)?(?:pre-?cert(?:ification)?|prior[\s-]+auth(?:orization)?|pre-?auth(?:orization)?|authorization)\b/i;

/** What a note says about prior authorization: whether some clause requires it, and whether some clause says it is not needed. */
export function authorizationClauses(text: string): { yes: boolean; no: boolean } {
  return requirementClauses(text, AUTHORIZATION, AUTHORIZATION_NOT_REQUIRED);
}

/**
 * A note about the inquiring provider's own network status ("PROVIDER IS OUT OF NETWORK",
 * "PROVIDER NOT IN NETWORK", "PROVIDER IS A PARTICIPATING PROVIDER"; Cigna: "Healthcare professional
 * is in network based on NPI ID provided in request."). Strict on purpose: "OUT OF NETWORK
 * PROVIDERS MAY BALANCE BILL" is about out-of-network care in general, not this provider.
 * Undefined when no note says, or notes disagree.
 */
const THE_PROVIDER = String.raw`\b(?:provider|health\s*care\s+professional)`;
const PROVIDER_OUT = new RegExp(String.raw`${THE_PROVIDER}\s+(?:is\s+)?(?:not\s+(?:an?\s+)?(?:in[- ]network|participating|contracted)|(?:an?\s+)?(?:out[- ]of[- ]network|non[- ]?(?:par(?:ticipating)?|contracted)))\b`, 'i');
const PROVIDER_IN = new RegExp(String.raw`${THE_PROVIDER}\s+is\s+(?:an?\s+)?(?:in[- ]network|participating|contracted)\b`, 'i');

export function providerNetworkFromNotes(notes: readonly string[]): { network: 'in' | 'out'; note: string } | undefined {
  let found: { network: 'in' | 'out'; note: string } | undefined;
  for (const note of notes) {
    for (const clause of note.split(NOTE_CLAUSE_SPLIT)) {
      const network = PROVIDER_OUT.test(clause) ? 'out' : PROVIDER_IN.test(clause) ? 'in' : undefined;
      if (network === undefined) continue;
      if (found !== undefined && found.network !== network) return undefined;
      found ??= { network, note };
    }
  }
  return found;
}
