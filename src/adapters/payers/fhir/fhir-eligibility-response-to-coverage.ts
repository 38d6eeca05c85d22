/**
 * HL7 FHIR R4 CoverageEligibilityResponse -> Coverage[] (one per `insurance[]` entry; one with only
 * payer errors when the response has none). Reads a bare resource or a Bundle of them, resolving
 * Coverage / Organization / Patient references from `contained` and from the Bundle.
 *
 * Spec: https://hl7.org/fhir/R4/coverageeligibilityresponse.html. The category codes of the
 * ex-benefitcategory code system are X12 service type codes ('30', '1', 'MH', ...), so they map
 * straight onto Benefit.serviceTypes. FHIR percentages are whole numbers (20 = 20%), unlike X12 EB08.
 * Zod is lenient on fields we do not read and strict on the ones we do.
 *
 * Robustness rules (each covered by a test):
 * - A percentage between 0 and 1 (0.2) looks like an X12-style fraction; it is left out with a
 *   warning rather than read as 0.2% or guessed as 20%. A trailing '%' ("20%") is accepted.
 * - Negative money is left out with a warning.
 * - Network codes are read case-insensitively and from network.text ("In Network"); a network
 *   that is present but not recognised stays 'unknown' with a warning.
 * - outcome 'error' (or errors with no benefits) never yields 'active', whatever inforce says.
 * - outcome 'queued' (received, not processed) is no answer: a retryable 'queued' payer error, never
 *   'inactive' from an inforce false sent alongside it.
 * - status 'entered-in-error' is not an answer: its items are not read and it reads as a rejection;
 *   status 'cancelled' (withdrawn; Candid-via-Medplum sends it for coverage not active) never yields
 *   'active', only 'inactive' when inforce says false.
 * - A coinsurance over 100%, or sent as Money with a currency, is left out with a warning; so is a
 *   bare number on a copay, deductible or out-of-pocket line (never read as a visit count).
 * - A category coded as a word in an X12 system ('mental-health') is read by its exact X12 name;
 *   one that is no X12 name is left out with a warning rather than kept as a code nothing matches.
 * - A benefit without a type or an insurance without a coverage (both 1..1) is kept with a warning,
 *   not a reason to refuse the whole answer.
 * - A bare OperationOutcome (or a Bundle of only OperationOutcomes) with error issues is a payer
 *   rejection: an 'undetermined' coverage whose payerErrors carry only codes and our own wording.
 * - Payer free text (disposition, diagnostics, details.text, error text) never goes into
 *   eligibility.reason or payerErrors; disposition is kept as a payer note (Benefit.notes).
 */
import { z } from 'zod';
import { DomainError } from '../../../core/errors.js';
import { describeRejectReason, isKnownRejectReason, type RejectReason } from '../../../core/coverage/aaa-reject-reasons.js';
import type {
  Benefit, BenefitKind, ContactPoint, Coverage, CoverageAction, CoverageLevel, CoveredPerson, Network, PayerError, PlanType, SourcePointer, TimePeriod,
} from '../../../core/coverage/coverage-model.js';
import { fhirMoneyToCents, fhirPercentToPpm } from './fhir-decimal.js';
import { EB01_KINDS, EB01_NAMES, EB02_LEVELS, EB06_NAMES, EB06_PERIODS, X12_SERVICE_TYPE_BY_NAME, codeNameKey, eb12Network, ownCode } from '../x12/x12-271-code-maps.js';

const Coding = z.object({ system: z.string().optional(), code: z.string().optional(), display: z.string().optional() }).loose();
const CodeableConcept = z.object({ coding: z.array(Coding).optional(), text: z.string().optional() }).loose();
const Identifier = z.object({ system: z.string().optional(), value: z.string().optional() }).loose();
/**
 * Some senders (Canvas Medical's eligibility API, fed by a clearinghouse) write Reference.identifier
 * as a bare string ("identifier": "1111") instead of an Identifier; it is read as its value rather
 * than rejecting the whole answer.
 */
const ReferenceIdentifier = z.preprocess((value) => (typeof value === 'string' ? { value } : value), Identifier.optional());
const Reference = z.object({ reference: z.string().optional(), display: z.string().optional(), identifier: ReferenceIdentifier }).loose();
const Period = z.object({ start: z.string().optional(), end: z.string().optional() }).loose();
const Money = z.object({ value: z.number().optional(), currency: z.string().optional() }).loose();

/**
 * benefit.type and insurance.coverage are 1..1 in FHIR, but generated responses leave them out (an
 * n8n FHIR node emits benefits with only allowedMoney). One such line is kept as 'other' with a
 * warning rather than refusing the whole answer and its inforce.
 */
const BenefitSchema = z.object({
  type: CodeableConcept.optional().transform((type) => type ?? {}),
  allowedUnsignedInt: z.number().int().nonnegative().optional(),
  allowedString: z.string().optional(),
  allowedMoney: Money.optional(),
  usedUnsignedInt: z.number().int().nonnegative().optional(),
  usedString: z.string().optional(),
  usedMoney: Money.optional(),
}).loose();

const ItemSchema = z.object({
  category: CodeableConcept.optional(),
  productOrService: CodeableConcept.optional(),
  excluded: z.boolean().optional(),
  name: z.string().optional(),
  description: z.string().optional(),
  network: CodeableConcept.optional(),
  unit: CodeableConcept.optional(),
  term: CodeableConcept.optional(),
  benefit: z.array(BenefitSchema).optional(),
  authorizationRequired: z.boolean().optional(),
  authorizationSupporting: z.array(CodeableConcept).optional(),
  authorizationUrl: z.string().optional(),
}).loose();

const InsuranceSchema = z.object({
  coverage: Reference.optional().transform((coverage) => coverage ?? {}),
  inforce: z.boolean().optional(),
  benefitPeriod: Period.optional(),
  item: z.array(ItemSchema).optional(),
}).loose();

const ResponseSchema = z.object({
  resourceType: z.literal('CoverageEligibilityResponse'),
  id: z.string().optional(),
  status: z.string().optional(),
  outcome: z.string().optional(),
  disposition: z.string().optional(),
  patient: Reference.optional(),
  insurer: Reference.optional(),
  requestor: Reference.optional(),
  contained: z.array(z.unknown()).optional(),
  insurance: z.array(InsuranceSchema).optional(),
  error: z.array(z.object({ code: CodeableConcept }).loose()).optional(),
}).loose();

/** Coverage.costToBeneficiary[] (R4): the plan's cost sharing by type, stated on the Coverage itself. */
const CostToBeneficiary = z.object({
  type: CodeableConcept.optional(),
  valueQuantity: z.object({ value: z.number().optional(), unit: z.string().optional(), code: z.string().optional() }).loose().optional(),
  valueMoney: Money.optional(),
  exception: z.array(z.object({ type: CodeableConcept.optional() }).loose()).optional(),
}).loose();

const CoverageResource = z.object({
  resourceType: z.literal('Coverage'),
  id: z.string().optional(),
  subscriberId: z.string().optional(),
  relationship: CodeableConcept.optional(),
  type: CodeableConcept.optional(),
  period: Period.optional(),
  payor: z.array(Reference).optional(),
  class: z.array(z.object({ type: CodeableConcept, value: z.string(), name: z.string().optional() }).loose()).optional(),
  costToBeneficiary: z.array(CostToBeneficiary).optional(),
}).loose();

const HumanName = z.object({ family: z.string().optional(), given: z.array(z.string()).optional() }).loose();
const PatientResource = z.object({
  resourceType: z.literal('Patient'),
  id: z.string().optional(),
  name: z.array(HumanName).optional(),
  birthDate: z.string().optional(),
  gender: z.string().optional(),
}).loose();
/** FHIR ContactPoint (telecom): kept only when it says what it is and has a value. */
const Telecom = z.object({ system: z.string().optional(), value: z.string().optional() }).loose();
const OrganizationResource = z.object({
  resourceType: z.literal('Organization'),
  id: z.string().optional(),
  name: z.string().optional(),
  identifier: z.array(Identifier).optional(),
  // Contacts are a convenience: a malformed one is dropped rather than losing the whole answer.
  telecom: z.array(Telecom).optional().catch(undefined),
  // R4 Organization.contact: a contact for a purpose (PAYOR, ADMIN...), with its own telecom.
  contact: z.array(z.object({ purpose: CodeableConcept.optional(), telecom: z.array(Telecom).optional() }).loose()).optional().catch(undefined),
}).loose();

const TELECOM_KINDS: Readonly<Record<string, ContactPoint['kind']>> = { phone: 'phone', fax: 'fax', email: 'email', url: 'url', sms: 'phone', pager: 'other', other: 'other' };

/** The insurer's telecom, then each contact's (named by its purpose), as contact points. */
function insurerContacts(org: z.infer<typeof OrganizationResource>): ContactPoint[] {
  const points = (telecom: z.infer<typeof Telecom>[] | undefined, name: string | undefined): ContactPoint[] =>
    (telecom ?? []).flatMap((t) => {
      const value = t.value?.trim();
      if (!value) return [];
      const kind = (t.system !== undefined && Object.hasOwn(TELECOM_KINDS, t.system) ? TELECOM_KINDS[t.system] : undefined) ?? 'other';
      return [name === undefined ? { kind, value } : { kind, value, name }];
    });
  return [
    ...points(org.telecom, undefined),
    ...(org.contact ?? []).flatMap((c) => points(c.telecom, c.purpose?.text ?? c.purpose?.coding?.[0]?.display ?? c.purpose?.coding?.[0]?.code)),
  ];
}

type FhirResponse = z.infer<typeof ResponseSchema>;
type FhirItem = z.infer<typeof ItemSchema>;
type FhirBenefit = z.infer<typeof BenefitSchema>;
type CodeableConceptT = z.infer<typeof CodeableConcept>;

/** A JSONPath-like pointer ("$.insurance[0].item[2]") from a zod issue path. */
export function jsonPath(base: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : `${acc}.${String(key)}`), base);
}

/** Parse with zod, turning the first issue into a PHI-free format.parse-error naming the path. */
function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, base: string, what = 'CoverageEligibilityResponse'): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = jsonPath(base, issue?.path ?? []);
  // zod 4 messages name expected types, never received values, so they carry no PHI.
  throw new DomainError('format.parse-error', `FHIR ${what} is not valid at ${where}: ${issue?.message ?? 'invalid'}`, {
    meta: { format: 'fhir-r4', pointer: where },
  });
}

const ELIGIBILITY_SUPPORTED_RESOURCE = 'CoverageEligibilityResponse';

interface Located { resource: unknown; pointer: string; fullUrl?: string }

/** Map an R4 CoverageEligibilityResponse (or a Bundle of them) to coverages. */
export function fhirEligibilityResponseToCoverages(json: unknown): Coverage[] {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new DomainError('format.parse-error', 'FHIR document is not a JSON object at $', { meta: { format: 'fhir-r4', pointer: '$' } });
  }
  const resourceType = (json as { resourceType?: unknown }).resourceType;
  if (typeof resourceType !== 'string') {
    throw new DomainError('format.parse-error', 'FHIR document has no resourceType at $.resourceType', { meta: { format: 'fhir-r4', pointer: '$.resourceType' } });
  }
  let responses: Located[];
  let bundleResources: Located[] = [];
  if (resourceType === 'Bundle') {
    const entries = (json as { entry?: unknown }).entry;
    if (entries !== undefined && !Array.isArray(entries)) {
      throw new DomainError('format.parse-error', 'FHIR Bundle.entry is not an array at $.entry', { meta: { format: 'fhir-r4', pointer: '$.entry' } });
    }
    bundleResources = (entries ?? []).map((entry, i) => {
      const located: Located = { resource: (entry as { resource?: unknown } | null)?.resource, pointer: `$.entry[${i}].resource` };
      const fullUrl = (entry as { fullUrl?: unknown } | null)?.fullUrl;
      if (typeof fullUrl === 'string' && fullUrl !== '') located.fullUrl = fullUrl;
      return located;
    });
    responses = bundleResources.filter((r) => typeOf(r.resource) === ELIGIBILITY_SUPPORTED_RESOURCE);
    const present = bundleResources.filter((r) => typeOf(r.resource) !== undefined);
    if (responses.length === 0 && present.length > 0 && present.every((r) => typeOf(r.resource) === OPERATION_OUTCOME)) {
      // FHIR servers answer "member not found" with an OperationOutcome, bare or in a Bundle.
      return [operationOutcomeToCoverage(present)];
    }
    if (responses.length === 0) {
      const found = [...new Set(bundleResources.map((r) => typeOf(r.resource)).filter((t): t is string => t !== undefined))];
      throw new DomainError('format.unsupported', `FHIR Bundle holds no CoverageEligibilityResponse (found: ${found.join(', ') || 'nothing'}); only eligibility responses are read`, {
        meta: { format: 'fhir-r4', resourceType: 'Bundle' },
      });
    }
  } else if (resourceType === ELIGIBILITY_SUPPORTED_RESOURCE) {
    responses = [{ resource: json, pointer: '$' }];
  } else if (resourceType === OPERATION_OUTCOME) {
    return [operationOutcomeToCoverage([{ resource: json, pointer: '$' }])];
  } else if (resourceType === 'EligibilityResponse') {
    // FHIR STU3's name for it (openIMIS and other older systems still send it).
    throw new DomainError('format.unsupported', 'FHIR STU3 EligibilityResponse is not supported; send an R4 CoverageEligibilityResponse', {
      meta: { format: 'fhir-r4', resourceType },
    });
  } else {
    throw new DomainError('format.unsupported', `FHIR ${resourceType.slice(0, 64)} is not an eligibility response; send a CoverageEligibilityResponse`, {
      meta: { format: 'fhir-r4', resourceType: resourceType.slice(0, 64) },
    });
  }
  return responses.flatMap((located) => responseToCoverages(parseOrThrow(ResponseSchema, located.resource, located.pointer), located.pointer, bundleResources));
}

/**
 * The coverage model's dates are calendar days (YYYY-MM-DD). FHIR periods are dateTimes, and
 * senders converting X12 write "2024-01-01T00:00:00.000Z": the day is kept, the time dropped (a
 * plan year is a calendar day, not an instant). A partial date ("2024", "2024-01") says no day,
 * so it is left out, with a warning when there is somewhere to put one.
 */
function calendarDate(value: string | undefined, pointer?: string, warnings?: Coverage['warnings']): string | undefined {
  if (value === undefined) return undefined;
  const day = /^(\d{4}-\d{2}-\d{2})(?:T[\d:.]+(?:Z|[+-]\d{2}:\d{2})?)?$/.exec(value.trim())?.[1];
  if (day === undefined && pointer !== undefined) {
    warnings?.push({ code: 'fhir.partial-date', message: 'A benefit period date is not a full calendar date; left out.', pointer });
  }
  return day;
}

function typeOf(resource: unknown): string | undefined {
  const t = (resource as { resourceType?: unknown } | null | undefined)?.resourceType;
  return typeof t === 'string' ? t : undefined;
}

/**
 * Resolve a reference against contained resources ("#id") and Bundle entries: first by exact
 * entry.fullUrl (how Bundles reference with "urn:uuid:..." or absolute URLs), then by "Type/id".
 */
function resolve(reference: string | undefined, contained: Located[], bundle: Located[]): Located | undefined {
  if (reference === undefined || reference === '') return undefined;
  if (reference.startsWith('#')) {
    const id = reference.slice(1);
    return contained.find((c) => (c.resource as { id?: unknown } | null)?.id === id);
  }
  const byFullUrl = bundle.find((b) => b.fullUrl === reference);
  if (byFullUrl) return byFullUrl;
  const parts = reference.split('/');
  if (parts.length < 2) return undefined;
  const [type, id] = parts.slice(-2);
  if (!type || !id) return undefined;
  return bundle.find((b) => typeOf(b.resource) === type && (b.resource as { id?: unknown }).id === id);
}

function codes(concept: CodeableConceptT | undefined): string[] {
  return (concept?.coding ?? []).map((c) => c.code).filter((c): c is string => c !== undefined && c !== '');
}

function firstCode(concept: CodeableConceptT | undefined): string | undefined {
  return codes(concept)[0];
}

const X12_STC_SYSTEMS = new Set([
  'http://terminology.hl7.org/CodeSystem/ex-benefitcategory',
  'https://x12.org/codes/service-type-codes',
  'http://x12.org/codes/service-type-codes',
]);

/**
 * ex-benefitcategory codes are X12 service type codes; codings from other systems cannot be mapped.
 * A code in an X12 system that is not shaped like a service type code (one or two letters or digits:
 * a converter writes MH as 'mental-health' / "Mental Health") is read by its exact X12 name, from the
 * display or the code; otherwise it is left out and `unreadable` is set, never kept as a code
 * nothing can match.
 */
const X12_STC_SHAPE = /^[A-Z0-9]{1,2}$/;

function serviceTypesOf(item: FhirItem): { serviceTypes: string[]; unreadable: boolean } {
  let unreadable = false;
  const coded: string[] = [];
  for (const c of item.category?.coding ?? []) {
    if (c.code === undefined || c.code.trim() === '' || (c.system !== undefined && !X12_STC_SYSTEMS.has(c.system))) continue;
    const code = c.code.trim().toUpperCase();
    const read = X12_STC_SHAPE.test(code) ? code
      : [c.display, c.code].map((name) => (name === undefined ? undefined : X12_SERVICE_TYPE_BY_NAME.get(codeNameKey(name)))).find((x) => x !== undefined);
    if (read === undefined) unreadable = true;
    else if (!coded.includes(read)) coded.push(read);
  }
  if (coded.length > 0 || item.category !== undefined) return { serviceTypes: coded, unreadable: unreadable || coded.length === 0 };
  // No category at all: payers that convert X12 to FHIR (Canvas via its clearinghouse) name the
  // service type in item.name ("Health Benefit Plan Coverage"). Only exact X12 names are read.
  const byName = item.name === undefined ? undefined : X12_SERVICE_TYPE_BY_NAME.get(codeNameKey(item.name));
  return { serviceTypes: byName === undefined ? [] : [byName], unreadable: false };
}

const PROCEDURE_QUALIFIERS: Readonly<Record<string, string>> = {
  'http://www.ama-assn.org/go/cpt': 'HC',
  'urn:oid:2.16.840.1.113883.6.285': 'HC', // HCPCS Level II
  'http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets': 'HC',
  'http://www.ada.org/cdt': 'AD',
};

function procedureCodesOf(item: FhirItem): string[] {
  return (item.productOrService?.coding ?? [])
    .filter((c) => c.code !== undefined)
    .map((c) => `${PROCEDURE_QUALIFIERS[c.system ?? ''] ?? 'ZZ'}:${c.code}`);
}

const NETWORK_WORDS: Readonly<Record<string, Network>> = {
  in: 'in', inn: 'in', 'in network': 'in', innetwork: 'in',
  out: 'out', oon: 'out', 'out of network': 'out', outofnetwork: 'out', 'out network': 'out', 'non network': 'out',
};

function networkWord(text: string): Network | undefined {
  const key = text.toLowerCase().replace(/[^a-z]+/g, ' ').trim();
  return NETWORK_WORDS[key];
}

/**
 * benefit-network codes 'in' and 'out' (any case), else network.text ("In Network", "Out-of-Network").
 * Anything else stays unknown, never "in"; `recognised` is false when a network was sent but not understood.
 */
function networkOf(item: FhirItem): { network: Network; recognised: boolean } {
  if (item.network === undefined) return { network: 'unknown', recognised: true };
  for (const code of codes(item.network)) {
    const network = networkWord(code);
    if (network) return { network, recognised: true };
  }
  const eb12 = stediCode(item.network, STEDI_NETWORK_SYSTEM);
  if (eb12 !== undefined && eb12Network(eb12.toUpperCase()) !== 'unknown') return { network: eb12Network(eb12.toUpperCase()), recognised: true };
  const fromText = item.network.text === undefined ? undefined : networkWord(item.network.text);
  if (fromText) return { network: fromText, recognised: true };
  return { network: 'unknown', recognised: codes(item.network).length === 0 && (item.network.text ?? '').trim() === '' };
}

function levelOf(item: FhirItem): CoverageLevel {
  const all = codes(item.unit);
  if (all.includes('individual')) return 'individual';
  if (all.includes('family')) return 'family';
  const eb02 = stediCode(item.unit, STEDI_LEVEL_SYSTEM);
  return (eb02 === undefined ? undefined : ownCode(EB02_LEVELS, eb02.toUpperCase())) ?? 'unknown';
}

/*
 * Stedi-sourced FHIR (Medplum's Stedi eligibility bot) carries the X12 271 codes in their own code
 * systems next to, or instead of, the HL7 ones: EB01 in benefit-type-code, EB02 in
 * coverage-level-code, EB06 in time-qualifier-code, EB12 in in-network-indicator. The published
 * code tables for those systems disagree with X12 for EB06 and for EB01 after 'M', while the codes
 * sent follow X12, so a code is read only where there is no doubt (see each use).
 */
const STEDI_BENEFIT_TYPE_SYSTEM = 'https://www.stedi.com/benefit-type-code';
const STEDI_LEVEL_SYSTEM = 'https://www.stedi.com/coverage-level-code';
const STEDI_TERM_SYSTEM = 'https://www.stedi.com/time-qualifier-code';
const STEDI_NETWORK_SYSTEM = 'https://www.stedi.com/in-network-indicator';

function stediCoding(concept: CodeableConceptT | undefined, system: string): { code: string; display?: string } | undefined {
  const coding = concept?.coding?.find((c) => c.system === system && c.code !== undefined && c.code.trim() !== '');
  return coding ? { code: coding.code!.trim(), ...(coding.display === undefined ? {} : { display: coding.display }) } : undefined;
}

function stediCode(concept: CodeableConceptT | undefined, system: string): string | undefined {
  return stediCoding(concept, system)?.code;
}

/** EB01 codes whose meaning is the same in X12 and in every published Stedi table. */
const STEDI_EB01_UNAMBIGUOUS = new Set(['1', '2', '3', '4', '5', '6', '7', '8', 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'L', 'MC']);

/**
 * The period from a Stedi time-qualifier coding: the X12 EB06 code, read only when its display is
 * absent or names the same period (a code whose display disagrees could be a remaining amount read
 * as a total, or the reverse, so it is left unknown).
 */
function stediTerm(item: FhirItem): TimePeriod | undefined {
  const coding = stediCoding(item.term, STEDI_TERM_SYSTEM);
  if (coding === undefined) return undefined;
  const name = ownCode(EB06_NAMES, coding.code);
  if (name === undefined) return 'unknown';
  if (coding.display !== undefined && codeNameKey(coding.display) !== codeNameKey(name)) return 'unknown';
  return ownCode(EB06_PERIODS, coding.code) ?? 'unknown';
}

function termOf(item: FhirItem): TimePeriod {
  const stedi = stediTerm(item);
  if (stedi !== undefined) return stedi;
  switch (firstCode(item.term)) {
    case 'annual':
      return 'plan-year';
    case 'day':
      return 'day';
    case 'lifetime':
      return 'lifetime';
    case undefined:
      return 'unknown';
    default:
      return 'other';
  }
}

/**
 * benefit.type with no code, only text: senders that convert X12 271s write the EB01 name
 * ("Deductible", "Co-Payment", "Out of Pocket (Stop Loss)"), sometimes with a suffix such as
 * "(Incomplete information)". Only these exact names are read; other text stays 'other'.
 */
const X12_BENEFIT_NAMES: Readonly<Record<string, BenefitKind>> = {
  'active coverage': 'active-coverage', inactive: 'inactive', 'co insurance': 'coinsurance', coinsurance: 'coinsurance',
  'co payment': 'copay', copayment: 'copay', copay: 'copay', deductible: 'deductible', 'out of pocket stop loss': 'out-of-pocket',
  'out of pocket': 'out-of-pocket', limitations: 'limitation', 'non covered': 'non-covered', exclusions: 'exclusion',
  'benefit description': 'benefit-description', 'primary care provider': 'primary-care-provider',
  // Candid Health's eligibility mapping (documented example: { text: "CoinsurancePercent" }).
  coinsurancepercent: 'coinsurance',
};

/**
 * Every other EB01 name in the 5010 code list ("Contact Following Entity for Eligibility or Benefit
 * Information", "Other or Additional Payor", "Active - Pending Investigation"...), with the kind its
 * code has in a 271. Names whose code has no kind here (Benefit Disclaimer, Reserve) stay unread.
 */
const EB01_KIND_BY_NAME: ReadonlyMap<string, BenefitKind> = new Map(
  Object.entries(EB01_NAMES).flatMap(([code, name]) => {
    const kind = ownCode(EB01_KINDS, code);
    return kind === undefined ? [] : [[codeNameKey(name), kind] as const];
  }),
);

function kindOfText(text: string | undefined): BenefitKind | undefined {
  if (text === undefined) return undefined;
  const key = codeNameKey(text.replace(/\(\s*incomplete information\s*\)\s*$/i, ''));
  return Object.hasOwn(X12_BENEFIT_NAMES, key) ? X12_BENEFIT_NAMES[key] : EB01_KIND_BY_NAME.get(key);
}

/** FHIR benefit-type codes (http://terminology.hl7.org/CodeSystem/benefit-type) and common payer variants. */
function kindOf(code: string | undefined): { kind: BenefitKind; note?: string } {
  switch (code) {
    case 'deductible':
      return { kind: 'deductible' };
    case 'copay':
      return { kind: 'copay' };
    case 'copay-percent':
    case 'coinsurance':
      return { kind: 'coinsurance' };
    case 'out-of-pocket':
    case 'out-of-pocket-maximum':
    case 'oop':
    case 'oop-max':
    case 'stop-loss':
      return { kind: 'out-of-pocket' };
    case 'copay-maximum':
      return { kind: 'limitation', note: 'Copayment maximum per service (FHIR benefit-type copay-maximum).' };
    case 'benefit':
      return { kind: 'limitation', note: 'Maximum benefit (FHIR benefit-type benefit).' };
    case 'visit':
      return { kind: 'limitation', note: 'Visit limit (FHIR benefit-type visit).' };
    case 'room':
    case 'vision-exam':
    case 'vision-glasses':
    case 'vision-contacts':
    case 'medical-primarycare':
    case 'pharmacy-dispense':
      return { kind: 'benefit-description', note: `FHIR benefit-type ${code}.` };
    default:
      return { kind: 'other' };
  }
}

interface ValueParts {
  amountCents?: number; percentPpm?: number; quantity?: number; text?: string;
  /** Why a value was left out (PHI-free: names the kind of value, never the value). */
  invalid?: string;
  /** Warning code for `invalid`; 'fhir.invalid-value' unless a more specific one applies. */
  invalidCode?: string;
}

/** Below this, a FHIR percentage (whole numbers, 20 = 20%) looks like an X12-style fraction (0.2). */
const FRACTION_PPM_LIMIT = 10_000; // 1%

function readPercent(source: number | string): ValueParts {
  let value = source;
  let explicitPercent = false;
  if (typeof value === 'string') {
    // "20%" and "20 %": the sign says it is a percentage, so the number is taken as written.
    const match = /^\s*(.*?)\s*%\s*$/.exec(value);
    if (match) {
      value = match[1] ?? '';
      explicitPercent = true;
    }
  }
  const ppm = fhirPercentToPpm(value);
  if (ppm === undefined) return { invalid: 'percentage' };
  if (ppm > 0 && ppm < FRACTION_PPM_LIMIT && !explicitPercent) {
    // 0 < value < 1: FHIR says 20 means 20%, but payers converting from X12 send 0.2. Guessing
    // either way can put a wrong number into an estimate, so the value is left out and flagged.
    return { invalid: 'percentage', invalidCode: 'fhir.percent-looks-like-fraction' };
  }
  // A patient's share is at most the whole charge; more (a dollar amount in a percent field, or a
  // generator's random number) would multiply the estimate, so it is left out as X12 EB08 > 1 is.
  if (ppm > 1_000_000) return { invalid: 'percentage', invalidCode: 'fhir.percent-over-100' };
  return { percentPpm: ppm };
}

/** Benefit kinds whose value is an amount of money, never a count. */
const MONEY_KINDS: ReadonlySet<BenefitKind> = new Set(['copay', 'deductible', 'out-of-pocket']);

function invalidValueMessage(which: 'allowed' | 'used', parts: ValueParts): string {
  if (parts.invalidCode === 'fhir.percent-looks-like-fraction') {
    return `Benefit ${which} percentage is between 0 and 1, so it looks like a fraction (X12 style, 0.2 = 20%) rather than a FHIR whole-number percent (20 = 20%); it is ambiguous and was left out.`;
  }
  if (parts.invalidCode === 'fhir.percent-over-100') return `Benefit ${which} percentage is over 100%; left out.`;
  if (parts.invalidCode === 'fhir.count-on-money-benefit') {
    return `Benefit ${which} is a money benefit (copay, deductible or out-of-pocket) sent as a bare number; it is not a visit count, a percent or dollars, and was left out.`;
  }
  if (parts.invalidCode === 'fhir.percent-as-money') {
    return `Benefit ${which} is a percentage type but was sent as money with a currency; it is not read as a percent or as dollars, and was left out.`;
  }
  return `Benefit ${which} ${parts.invalid ?? 'value'} could not be used; left out.`;
}

function readValue(kind: BenefitKind, money: { value?: number | undefined; currency?: string | undefined } | undefined, unsignedInt: number | undefined, text: string | undefined): ValueParts {
  const parts: ValueParts = {};
  if (kind === 'coinsurance') {
    if (unsignedInt === undefined && text === undefined && money?.value !== undefined && money.currency !== undefined) {
      // Money with a currency is an amount of money, not a percentage (a generator writes copay-percent
      // as allowedMoney USD 2000): reading it as 2000% or as $2,000 would both be guesses.
      return { invalid: 'percentage', invalidCode: 'fhir.percent-as-money' };
    }
    const source = unsignedInt ?? text ?? money?.value;
    return source === undefined ? parts : readPercent(source);
  }
  if (money?.value !== undefined && money.currency !== undefined && money.currency !== 'USD') {
    // Amounts are cents of US dollars throughout; another currency is never converted or mixed in.
    parts.invalid = `money in ${money.currency.slice(0, 3)} (not USD)`;
  } else if (money?.value !== undefined) {
    const cents = fhirMoneyToCents(money.value);
    if (cents === undefined) parts.invalid = 'money';
    else if (cents < 0) {
      // A patient's deductible, copay or limit is never negative; a negative amount is a payer error.
      parts.invalid = 'money is negative';
      parts.invalidCode = 'fhir.negative-money';
    } else parts.amountCents = cents;
  }
  if (unsignedInt !== undefined && MONEY_KINDS.has(kind)) {
    // A copay, deductible or out-of-pocket maximum is money; a bare count on one is not a visit
    // limit (Medplum's Opkit bot writes a percent copay as copay + allowedUnsignedInt 20).
    parts.invalid ??= 'count on a money benefit';
    parts.invalidCode ??= 'fhir.count-on-money-benefit';
  } else if (unsignedInt !== undefined) parts.quantity = unsignedInt;
  if (text !== undefined) parts.text = text;
  return parts;
}

function usedPeriod(term: TimePeriod): { used: TimePeriod; remaining: TimePeriod } {
  if (term === 'lifetime') return { used: 'other', remaining: 'lifetime-remaining' };
  return { used: 'year-to-date', remaining: 'remaining' };
}

/**
 * What a Coverage.costToBeneficiary type code means. HL7 coverage-copay-type and NPHIES state the
 * policy's own cost sharing (read on the plan-level service type 30); CARIN C4DIC's extended codes
 * name the level and network in the code (IndInDed, FamOutMax); pharmacy ones are about service type
 * 88 only. Visit-type copays (gpvisit, spvisit, televisit) name no X12 service type, so they are
 * kept with no service type: said, never applied to a behavioral-health program.
 */
interface CostType { kind: BenefitKind; serviceTypes: string[]; network?: Network; level?: CoverageLevel; note?: string }

const C4DIC_COST_TYPES: Readonly<Record<string, CostType>> = Object.fromEntries(
  (['Ind', 'Fam'] as const).flatMap((level) => (['In', 'Out'] as const).flatMap((network) => (['', 'Rx'] as const).flatMap((rx) =>
    (['Ded', 'Max'] as const).map((what): [string, CostType] => [`${level}${rx}${network}${what}`, {
      kind: what === 'Ded' ? 'deductible' : 'out-of-pocket',
      serviceTypes: [rx === 'Rx' ? '88' : '30'],
      network: network === 'In' ? 'in' : 'out',
      level: level === 'Ind' ? 'individual' : 'family',
    }])))),
);

const COST_TYPES: Readonly<Record<string, CostType>> = {
  ...C4DIC_COST_TYPES,
  copaypct: { kind: 'coinsurance', serviceTypes: ['30'] },
  copay: { kind: 'copay', serviceTypes: ['30'] },
  deductible: { kind: 'deductible', serviceTypes: ['30'] },
  maxoutofpocket: { kind: 'out-of-pocket', serviceTypes: ['30'] },
  maxcopay: { kind: 'limitation', serviceTypes: ['30'], note: 'Copayment maximum (Coverage.costToBeneficiary maxcopay).' },
  emergency: { kind: 'copay', serviceTypes: ['86'] },
  urgentcare: { kind: 'copay', serviceTypes: ['UC'] },
  inpthosp: { kind: 'copay', serviceTypes: ['48'] },
  rx: { kind: 'copay', serviceTypes: ['88'] },
  gpvisit: { kind: 'copay', serviceTypes: [], note: 'General practitioner visit copay (Coverage.costToBeneficiary gpvisit).' },
  spvisit: { kind: 'copay', serviceTypes: [], note: 'Specialist visit copay (Coverage.costToBeneficiary spvisit).' },
  televisit: { kind: 'copay', serviceTypes: [], note: 'Telehealth visit copay (Coverage.costToBeneficiary televisit).' },
};

const BENEFICIARY_COST_STRING = 'http://hl7.org/fhir/us/insurance-card/StructureDefinition/C4DIC-BeneficiaryCostString-extension';

type CostToBeneficiaryT = z.infer<typeof CostToBeneficiary>;

/** A cost line's value: a percentage from valueQuantity (whole numbers, 20 = 20%), money from valueMoney. */
function costValue(kind: BenefitKind, cost: CostToBeneficiaryT): ValueParts {
  const quantity = cost.valueQuantity;
  if (kind === 'coinsurance' && quantity?.value !== undefined) {
    const unit = (quantity.code ?? quantity.unit)?.trim();
    // A copay percent in another unit (a currency, a count) is not a percentage.
    return unit === undefined || unit === '%' ? readPercent(quantity.value) : { invalid: 'percentage' };
  }
  if (quantity?.value !== undefined && cost.valueMoney?.value === undefined) {
    // Money sent as a bare quantity is not dollars, and not a visit count either.
    return { invalid: 'count on a money benefit', invalidCode: 'fhir.count-on-money-benefit' };
  }
  return readValue(kind, cost.valueMoney, undefined, undefined);
}

/**
 * Coverage.costToBeneficiary as benefit lines, for an answer whose items state no cost sharing
 * (NPHIES sends its copay percent only there; CARIN's insurance card its deductibles and maximums).
 * Each line cites its own pointer. Only known type codes are read; others are warned and left out.
 */
function costToBeneficiaryBenefits(
  coverage: z.infer<typeof CoverageResource>, pointer: string, idPrefix: string,
  src: (pointer: string) => SourcePointer, warnings: Coverage['warnings'],
): Benefit[] {
  return (coverage.costToBeneficiary ?? []).flatMap((cost, ci): Benefit[] => {
    const at = `${pointer}.costToBeneficiary[${ci}]`;
    const code = codes(cost.type).find((c) => Object.hasOwn(COST_TYPES, c));
    if (code === undefined) {
      warnings.push({ code: 'fhir.unknown-cost-type', message: 'A Coverage cost-to-beneficiary type is not one this service knows; left out.', pointer: `${at}.type` });
      return [];
    }
    const type = COST_TYPES[code]!;
    const parts = costValue(type.kind, cost);
    if (parts.invalid) warnings.push({ code: parts.invalidCode ?? 'fhir.invalid-value', message: invalidValueMessage('allowed', parts), pointer: `${at}.value` });
    const costString = cost.valueMoney?.extension;
    const said = Array.isArray(costString)
      ? costString.map((e) => e as { url?: unknown; valueString?: unknown }).filter((e) => e.url === BENEFICIARY_COST_STRING && typeof e.valueString === 'string').map((e) => `Payer states the cost as: ${String(e.valueString)}`)
      : [];
    const exceptions = (cost.exception ?? []).map((e) => e.type?.text ?? e.type?.coding?.[0]?.display ?? e.type?.coding?.[0]?.code).filter((e): e is string => e !== undefined).map((e) => `Exception: ${e}`);
    const benefit: Benefit = {
      id: `${idPrefix}cost-${ci}`,
      kind: type.kind,
      rawCode: code,
      serviceTypes: type.serviceTypes,
      procedureCodes: [],
      network: type.network ?? 'unknown',
      coverageLevel: type.level ?? 'unknown',
      timePeriod: type.kind === 'copay' ? 'visit' : 'unknown',
      authorizationRequired: 'unknown',
      referralRequired: 'unknown',
      relatedEntities: [],
      notes: ['From the Coverage (costToBeneficiary), not from an eligibility benefit line.', ...(type.note ? [type.note] : []), ...said, ...exceptions],
      source: src(at),
    };
    if (parts.amountCents !== undefined) benefit.amountCents = parts.amountCents;
    if (parts.percentPpm !== undefined) benefit.percentPpm = parts.percentPpm;
    return [benefit];
  });
}

/** True when an insurance's own items state any cost sharing (an amount or a percentage). */
function itemsStateCostSharing(benefits: Benefit[]): boolean {
  return benefits.some((b) => ['copay', 'coinsurance', 'deductible', 'out-of-pocket'].includes(b.kind) && (b.amountCents !== undefined || b.percentPpm !== undefined));
}

function responseToCoverages(response: FhirResponse, base: string, bundle: Located[]): Coverage[] {
  const contained: Located[] = (response.contained ?? []).map((resource, i) => ({ resource, pointer: `${base}.contained[${i}]` }));
  const src = (pointer: string): SourcePointer => ({ format: 'fhir-r4', pointer });
  const warnings: Coverage['warnings'] = [];

  const insurer = resolve(response.insurer?.reference, contained, bundle);
  const insurerOrg = insurer && typeOf(insurer.resource) === 'Organization' ? parseOrThrow(OrganizationResource, insurer.resource, insurer.pointer) : undefined;
  const payer: Coverage['payer'] = {};
  const payerName = insurerOrg?.name ?? response.insurer?.display;
  if (payerName !== undefined) payer.name = payerName;
  const payerId = insurerOrg?.identifier?.[0]?.value ?? response.insurer?.identifier?.value;
  if (payerId !== undefined) payer.id = payerId;
  const payerContacts = insurerOrg === undefined ? [] : insurerContacts(insurerOrg);
  if (payerContacts.length > 0) payer.contacts = payerContacts;

  const patientLocated = resolve(response.patient?.reference, contained, bundle);
  const patientPhi = patientLocated && typeOf(patientLocated.resource) === 'Patient' ? parseOrThrow(PatientResource, patientLocated.resource, patientLocated.pointer) : undefined;

  const payerErrors: PayerError[] = (response.error ?? []).map((error, i) => payerErrorOf(error.code, src(`${base}.error[${i}]`)));
  const actions: CoverageAction[] = payerErrors.map((e) => ({
    kind: isKnownRejectReason(e.code.trim().toUpperCase()) ? describeRejectReason(e.code).actionKind : 'verify-manually',
    message: e.action,
    source: e.source,
  }));
  // A response that is not (yet) an answer: read as a rejection carrying our own code, as an
  // OperationOutcome is, so the use case reports it (retryable for queued) instead of caching it.
  const notAnAnswer = notAnAnswerOf(response, base, src);
  if (notAnAnswer && payerErrors.length === 0) {
    payerErrors.push(notAnAnswer.error);
    actions.push({ kind: notAnAnswer.actionKind, message: notAnAnswer.error.action, source: notAnAnswer.error.source });
  }
  const enteredInError = response.status === 'entered-in-error';

  // The disposition is the payer's own free text (it may name the member). It is kept as a payer
  // note (Benefit.notes, which estimates show as what the payer said), never in eligibility.reason
  // (our own wording) or in warnings (which may be logged). A note needs a benefit line to live on;
  // on a rejection (errors and no benefits) adding one would hide the rejection, so there it is dropped.
  const withDisposition = (benefits: Benefit[], errors: PayerError[], suffix: string): Benefit[] => {
    const disposition = response.disposition?.trim();
    if (!disposition || (benefits.length === 0 && errors.length > 0)) return benefits;
    return [...benefits, {
      id: `fhir-${suffix}disposition`,
      kind: 'benefit-description',
      serviceTypes: [],
      procedureCodes: [],
      network: 'unknown',
      coverageLevel: 'unknown',
      timePeriod: 'unknown',
      authorizationRequired: 'unknown',
      referralRequired: 'unknown',
      relatedEntities: [],
      notes: [`Payer disposition: ${disposition}`],
      source: src(`${base}.disposition`),
    }];
  };

  const insurances = response.insurance ?? [];
  if (insurances.length === 0) {
    const reason = notAnAnswer ? `${notAnAnswer.reason}; coverage could not be determined.`
      : response.outcome === 'error'
        ? `Payer answered with outcome 'error'${payerErrors.length > 0 ? ` (${payerErrors.map((e) => e.code).join(', ')})` : ''}; coverage could not be determined.`
        : 'Payer sent no insurance entries; coverage could not be determined.';
    const coverage: Coverage = {
      format: 'fhir-r4', formatVersion: 'R4', payer, plan: { type: 'unknown', dates: {} },
      eligibility: { status: 'undetermined', reason, source: src(base) }, benefits: withDisposition([], payerErrors, ''), payerErrors,
      actions: payerErrors.length === 0 ? [...actions, verifyManually()] : actions, warnings,
    };
    if (patientPhi) coverage.patient = personOf(patientPhi, 'unknown');
    return [coverage];
  }

  return insurances.map((insurance, ii) => {
    const insBase = `${base}.insurance[${ii}]`;
    const coverageLocated = resolve(insurance.coverage.reference, contained, bundle);
    const coverageResource = coverageLocated && typeOf(coverageLocated.resource) === 'Coverage'
      ? parseOrThrow(CoverageResource, coverageLocated.resource, coverageLocated.pointer)
      : undefined;
    if (!coverageResource && insurance.coverage.reference !== undefined) {
      warnings.push({ code: 'fhir.unresolved-coverage', message: 'The Coverage resource is referenced but not included; plan details are unknown.', pointer: `${insBase}.coverage` });
    }
    const benefits: Benefit[] = [];
    const itemActions: CoverageAction[] = [];
    if (enteredInError && (insurance.item ?? []).length > 0) {
      warnings.push({ code: 'fhir.entered-in-error', message: "The response's status is entered-in-error; its benefit items were not read.", pointer: `${insBase}.item` });
    }
    (enteredInError ? [] : insurance.item ?? []).forEach((item, ti) => {
      const itemBase = `${insBase}.item[${ti}]`;
      const { serviceTypes, unreadable } = serviceTypesOf(item);
      if (unreadable) {
        warnings.push({
          code: 'fhir.unmapped-category',
          message: serviceTypes.length === 0 ? 'Benefit category is not an X12 service type code; kept without a service type.' : 'A benefit category coding is not an X12 service type code; left out.',
          pointer: `${itemBase}.category`,
        });
      }
      const network = networkOf(item);
      if (!network.recognised) {
        warnings.push({ code: 'fhir.unknown-network', message: 'Benefit network is present but not recognised (expected in or out); kept as unknown.', pointer: `${itemBase}.network` });
      }
      const common = {
        serviceTypes,
        procedureCodes: procedureCodesOf(item),
        network: network.network,
        coverageLevel: levelOf(item),
        authorizationRequired: item.authorizationRequired === true ? 'yes' as const : item.authorizationRequired === false ? 'no' as const : 'unknown' as const,
        referralRequired: 'unknown' as const,
        relatedEntities: [],
      };
      const coverageLevelCode = firstCode(item.unit);
      const itemNotes = [item.name, item.description].filter((n): n is string => n !== undefined && n !== '');
      // An unmapped category's own words are the only label a person has for the line ("Copay").
      const categoryText = item.category?.text?.trim();
      if (serviceTypes.length === 0 && categoryText && !itemNotes.includes(categoryText)) itemNotes.unshift(`Benefit category: ${categoryText}`);
      for (const supporting of item.authorizationSupporting ?? []) {
        const label = supporting.text ?? supporting.coding?.[0]?.display ?? supporting.coding?.[0]?.code;
        if (label) itemNotes.push(`Authorization needs: ${label}`);
      }
      if (item.authorizationUrl) itemNotes.push(`Authorization requirements: ${item.authorizationUrl}`);
      const term = termOf(item);
      // The item itself: excluded -> non-covered (FHIR item.excluded); otherwise a description line
      // carrying the item's authorization answer and notes.
      benefits.push({
        id: `fhir-${ii}-${ti}`,
        kind: item.excluded === true ? 'non-covered' : 'benefit-description',
        ...common,
        ...(coverageLevelCode === undefined ? {} : { coverageLevelCode }),
        timePeriod: term,
        notes: itemNotes,
        source: src(itemBase),
      });
      if (item.authorizationRequired === true) {
        itemActions.push({ kind: 'obtain-authorization', message: 'The payer requires authorization for these services.', serviceTypes, source: src(`${itemBase}.authorizationRequired`) });
      }
      (item.benefit ?? []).forEach((entry: FhirBenefit, bi) => {
        const pointer = `${itemBase}.benefit[${bi}]`;
        const stediType = stediCode(entry.type, STEDI_BENEFIT_TYPE_SYSTEM)?.toUpperCase();
        const stediKind = stediType !== undefined && STEDI_EB01_UNAMBIGUOUS.has(stediType) ? ownCode(EB01_KINDS, stediType) : undefined;
        // An HL7 benefit-type coding next to the X12 one is read only when the X12 one is not.
        const typeCode = stediKind !== undefined ? stediType : firstCode({ coding: (entry.type.coding ?? []).filter((c) => c.system !== STEDI_BENEFIT_TYPE_SYSTEM) });
        const textKind = typeCode === undefined ? kindOfText(entry.type.text) : undefined;
        const { kind, note } = stediKind !== undefined ? { kind: stediKind, note: undefined }
          : textKind !== undefined ? { kind: textKind, note: undefined } : kindOf(typeCode);
        if (kind === 'other') warnings.push({ code: 'fhir.unknown-benefit-type', message: 'Benefit type code is not one this service knows; kept as other.', pointer: `${pointer}.type` });
        // The payer's own label for a coded type ("HMO Coverage Amount" on a 'room' code) says what the
        // amount is when the code does not; kept unless it only repeats the coding's display.
        const typeText = typeCode !== undefined ? entry.type.text?.trim() : undefined;
        const typeDisplay = entry.type.coding?.find((c) => c.code?.trim().toUpperCase() === typeCode?.toUpperCase())?.display;
        const label = typeText && (typeDisplay === undefined || codeNameKey(typeText) !== codeNameKey(typeDisplay)) ? [`Benefit label: ${typeText}`] : [];
        const notes = [...itemNotes, ...(note ? [note] : []), ...label];
        const allowed = readValue(kind, entry.allowedMoney, entry.allowedUnsignedInt, entry.allowedString);
        const used = readValue(kind, entry.usedMoney, entry.usedUnsignedInt, entry.usedString);
        for (const [which, parts] of [['allowed', allowed], ['used', used]] as const) {
          if (parts.invalid) warnings.push({ code: parts.invalidCode ?? 'fhir.invalid-value', message: invalidValueMessage(which, parts), pointer: `${pointer}.${which}` });
        }
        // Copay is per service in FHIR (benefit-type "copay: Copayment per service") unless the term is per day.
        const allowedPeriod: TimePeriod = kind === 'copay' ? (term === 'day' ? 'day' : 'visit') : term;
        const periods = usedPeriod(term);
        const make = (suffix: string, timePeriod: TimePeriod, parts: ValueParts, extraNotes: string[], pointerSuffix: string): Benefit => {
          const b: Benefit = {
            id: `fhir-${ii}-${ti}-${bi}${suffix}`,
            kind,
            ...(typeCode === undefined ? {} : { rawCode: typeCode }),
            ...common,
            ...(coverageLevelCode === undefined ? {} : { coverageLevelCode }),
            timePeriod,
            notes: [...notes, ...extraNotes, ...(parts.text !== undefined ? [parts.text] : [])],
            source: src(`${pointer}${pointerSuffix}`),
          };
          if (parts.amountCents !== undefined) b.amountCents = parts.amountCents;
          if (parts.percentPpm !== undefined) b.percentPpm = parts.percentPpm;
          if (parts.quantity !== undefined) b.quantity = { value: parts.quantity, unit: typeCode === 'room' || term === 'day' ? 'day' : 'visit' };
          return b;
        };
        const hasAllowed = allowed.amountCents !== undefined || allowed.percentPpm !== undefined || allowed.quantity !== undefined || allowed.text !== undefined;
        const hasUsed = used.amountCents !== undefined || used.percentPpm !== undefined || used.quantity !== undefined || used.text !== undefined;
        if (hasAllowed) benefits.push(make('', allowedPeriod, allowed, [], '.allowed'));
        if (hasUsed) benefits.push(make('-used', periods.used, used, ['Used so far (FHIR used[x]).'], '.used'));
        if (allowed.amountCents !== undefined && used.amountCents !== undefined) {
          benefits.push(make('-remaining', periods.remaining, { amountCents: Math.max(0, allowed.amountCents - used.amountCents) }, ['Remaining computed as allowed minus used.'], '.allowed-minus-used'));
        } else if (allowed.quantity !== undefined && used.quantity !== undefined) {
          benefits.push(make('-remaining', periods.remaining, { quantity: Math.max(0, allowed.quantity - used.quantity) }, ['Remaining computed as allowed minus used.'], '.allowed-minus-used'));
        }
        if (!hasAllowed && !hasUsed) benefits.push(make('', allowedPeriod, {}, [], ''));
      });
    });

    const eligibility = eligibilityOf(insurance.inforce, benefits, response, payerErrors, notAnAnswer?.reason, insBase, src);
    if (eligibility.contradiction) {
      const reported = notAnAnswer ? notAnAnswer.what : response.outcome === 'error' ? "outcome 'error'" : 'errors and no benefits';
      warnings.push({
        code: 'fhir.inforce-contradicts-error',
        message: `insurance.inforce is ${String(insurance.inforce)}, but the payer also reported ${reported}; eligibility left undetermined.`,
        pointer: `${insBase}.inforce`,
      });
    }
    if (response.status === 'cancelled' && eligibility.value.status === 'active') {
      // fm-status cancelled: the response was withdrawn (Candid-via-Medplum: coverage not active).
      eligibility.value = { status: 'undetermined', reason: "The payer's response is cancelled, so it does not confirm active coverage.", source: src(`${base}.status`) };
      warnings.push({
        code: 'fhir.response-cancelled',
        message: "The response's status is cancelled (withdrawn, or coverage not active); it is not read as active coverage.",
        pointer: `${base}.status`,
      });
    }
    if (coverageResource?.costToBeneficiary !== undefined && coverageLocated !== undefined && eligibility.value.status !== 'undetermined') {
      // Read after eligibility: the Coverage states the plan's terms, not whether it is in force; an
      // answer that settled nothing (an error, queued, entered-in-error) gets no terms from it.
      if (!itemsStateCostSharing(benefits)) benefits.push(...costToBeneficiaryBenefits(coverageResource, coverageLocated.pointer, `fhir-${ii}-`, src, warnings));
      else warnings.push({ code: 'fhir.cost-to-beneficiary-not-read', message: "The Coverage's costToBeneficiary was not read: the eligibility items state the cost sharing.", pointer: `${coverageLocated.pointer}.costToBeneficiary` });
    }
    const plan = planOf(coverageResource);
    const benefitBegin = calendarDate(insurance.benefitPeriod?.start, `${insBase}.benefitPeriod.start`, warnings);
    const benefitEnd = calendarDate(insurance.benefitPeriod?.end, `${insBase}.benefitPeriod.end`, warnings);
    if (benefitBegin) plan.dates.benefitYearBegin = benefitBegin;
    if (benefitEnd) plan.dates.benefitYearEnd = benefitEnd;
    const coverage: Coverage = {
      format: 'fhir-r4',
      formatVersion: 'R4',
      payer: coverageResource?.payor?.[0]?.display && !payer.name ? { ...payer, name: coverageResource.payor[0].display } : { ...payer },
      plan,
      eligibility: eligibility.value,
      benefits: withDisposition(benefits, payerErrors, `${ii}-`),
      payerErrors,
      // As the X12 and clearinghouse readers do: an unsettled answer with no error code to act on
      // still tells the coordinator what to do next.
      actions: [...actions, ...itemActions, ...(eligibility.value.status === 'undetermined' && payerErrors.length === 0 ? [verifyManually()] : [])],
      warnings: [...warnings],
    };
    const relationship = relationshipOf(firstCode(coverageResource?.relationship));
    if (coverageResource?.subscriberId !== undefined) {
      coverage.subscriber = { relationship: 'self', phi: { memberId: coverageResource.subscriberId } };
    }
    if (patientPhi) coverage.patient = personOf(patientPhi, relationship);
    return coverage;
  });
}

function verifyManually(): CoverageAction {
  return { kind: 'verify-manually', message: 'The payer did not say whether coverage is active; verify with the payer by phone or portal.' };
}

function eligibilityOf(
  inforce: boolean | undefined,
  benefits: Benefit[],
  response: FhirResponse,
  payerErrors: PayerError[],
  notAnAnswer: string | undefined,
  insBase: string,
  src: (pointer: string) => SourcePointer,
): { value: Coverage['eligibility']; contradiction: boolean } {
  // outcome 'error', or errors with nothing else, means the payer did not process the inquiry: an
  // inforce flag next to that (often a default true) does not settle eligibility, as with X12 AAA.
  // So does a response that is not an answer (queued, entered-in-error).
  const failed = notAnAnswer !== undefined || response.outcome === 'error' || (payerErrors.length > 0 && benefits.length === 0);
  if (failed) {
    const codes = payerErrors.length > 0 ? ` (${payerErrors.map((e) => e.code).join(', ')})` : '';
    const what = notAnAnswer !== undefined ? notAnAnswer
      : response.outcome === 'error' ? `The payer answered with outcome 'error'${codes}` : `The payer reported errors${codes} and no benefits`;
    return {
      value: { status: 'undetermined', reason: `${what}; eligibility is not settled.`, source: payerErrors[0]?.source ?? src(insBase) },
      contradiction: inforce !== undefined,
    };
  }
  return { value: eligibilityFromInforce(inforce, benefits, insBase, src), contradiction: false };
}

/**
 * Responses that are not an answer to the eligibility question: outcome 'queued' (received, not yet
 * processed; FHIR remittance-outcome) or status 'entered-in-error' (fm-status: should not have
 * existed; Candid-via-Medplum sends it when the payer returned errors). Data, so both read the same way.
 */
const NOT_AN_ANSWER = [
  {
    field: 'status', value: 'entered-in-error', description: 'Response Entered in Error', retryable: false, actionKind: 'verify-manually',
    action: 'The payer marked this answer as entered in error; resend the inquiry or verify coverage manually.',
    reason: 'The payer marked its response entered-in-error',
  },
  {
    field: 'outcome', value: 'queued', description: 'Inquiry Queued, Not Yet Processed', retryable: true, actionKind: 'retry-later',
    action: 'The payer received the inquiry but has not processed it; retry later with backoff.',
    reason: 'The payer queued the inquiry and has not processed it yet',
  },
] as const;

function notAnAnswerOf(response: FhirResponse, base: string, src: (pointer: string) => SourcePointer):
  { error: PayerError; actionKind: CoverageAction['kind']; reason: string; what: string } | undefined {
  const found = NOT_AN_ANSWER.find((entry) => response[entry.field] === entry.value);
  if (found === undefined) return undefined;
  return {
    error: { code: found.value, description: found.description, level: 'source', action: found.action, retryable: found.retryable, source: src(`${base}.${found.field}`) },
    actionKind: found.actionKind,
    reason: found.reason,
    what: `${found.field} '${found.value}'`,
  };
}

function eligibilityFromInforce(
  inforce: boolean | undefined,
  benefits: Benefit[],
  insBase: string,
  src: (pointer: string) => SourcePointer,
): Coverage['eligibility'] {
  if (inforce === true) return { status: 'active', reason: 'Payer reports the coverage in force (insurance.inforce = true).', source: src(`${insBase}.inforce`) };
  if (inforce === false) return { status: 'inactive', reason: 'Payer reports the coverage not in force (insurance.inforce = false).', source: src(`${insBase}.inforce`) };
  // inforce absent: FHIR says nothing about status. Senders converting X12 keep EB01 1 / 6 as
  // "Active Coverage" / "Inactive" benefit lines; one of them alone settles it, as in a 271.
  const active = benefits.find((b) => b.kind === 'active-coverage');
  const inactive = benefits.find((b) => b.kind === 'inactive');
  if (active && !inactive) return { status: 'active', reason: 'insurance.inforce is absent, but the payer sent an Active Coverage benefit line.', source: active.source };
  if (inactive && !active) return { status: 'inactive', reason: 'insurance.inforce is absent, but the payer sent an Inactive benefit line.', source: inactive.source };
  // Otherwise benefit amounts for included services are the only signal, and a payer returns
  // those only for a coverage it holds.
  const financial = benefits.some((b) => b.kind !== 'non-covered' && b.kind !== 'benefit-description' && (b.amountCents !== undefined || b.percentPpm !== undefined));
  if (financial) {
    return { status: 'active', reason: 'insurance.inforce is absent, but the payer returned benefit amounts for this coverage.', source: src(`${insBase}.item`) };
  }
  return { status: 'undetermined', reason: 'insurance.inforce is absent and no benefits settle it.', source: src(insBase) };
}

const ACT_CODE_PLAN_TYPES: Readonly<Record<string, PlanType>> = {
  PPO: 'PPO', HMO: 'HMO', POS: 'POS', EPO: 'EPO', HSAPOL: 'HDHP', MCPOL: 'commercial', EHCPOL: 'commercial', PUBLICPOL: 'other',
  SUBSIDIZ: 'Medicaid', MANDPOL: 'other',
};

function planOf(resource: z.infer<typeof CoverageResource> | undefined): Coverage['plan'] {
  const plan: Coverage['plan'] = { type: 'unknown', dates: {} };
  if (!resource) return plan;
  const typeCode = firstCode(resource.type);
  if (typeCode !== undefined) plan.type = ACT_CODE_PLAN_TYPES[typeCode] ?? 'other';
  else if (resource.type?.text !== undefined) {
    // Only text ("PPO"): read when it is exactly one of the managed-care names, as X12 insurance types are.
    const byText = resource.type.text.trim().toUpperCase();
    if (['PPO', 'HMO', 'POS', 'EPO'].includes(byText)) plan.type = byText as PlanType;
  }
  for (const c of resource.class ?? []) {
    const classType = firstCode(c.type);
    if (classType === 'group') {
      plan.groupNumber = c.value;
      if (c.name !== undefined) plan.groupName = c.name;
    } else if (classType === 'plan' && plan.name === undefined) {
      plan.name = c.name ?? c.value;
    }
  }
  const planBegin = calendarDate(resource.period?.start);
  const planEnd = calendarDate(resource.period?.end);
  if (planBegin) plan.dates.planBegin = planBegin;
  if (planEnd) plan.dates.planEnd = planEnd;
  return plan;
}

function relationshipOf(code: string | undefined): CoveredPerson['relationship'] {
  // http://terminology.hl7.org/CodeSystem/subscriber-relationship
  switch (code) {
    case 'self':
      return 'self';
    case 'spouse':
    case 'common':
      return 'spouse';
    case 'child':
      return 'child';
    case undefined:
      return 'unknown';
    default:
      return 'other';
  }
}

function personOf(patient: z.infer<typeof PatientResource>, relationship: CoveredPerson['relationship']): CoveredPerson {
  const name = patient.name?.[0];
  const phi: CoveredPerson['phi'] = {};
  if (name?.given?.[0]) phi.firstName = name.given[0];
  if (name?.family) phi.lastName = name.family;
  if (patient.birthDate) phi.dateOfBirth = patient.birthDate;
  if (patient.gender) phi.gender = patient.gender;
  return { relationship, phi };
}

/** FHIR adjudication-error codes from the R4 example code system. */
const FHIR_ADJUDICATION_ERRORS: Readonly<Record<string, string>> = {
  a001: 'Missing Identifier',
  a002: 'Missing Creation Date',
};

function payerErrorOf(concept: CodeableConceptT, source: SourcePointer): PayerError {
  const code = firstCode(concept) ?? 'unknown';
  if (isKnownRejectReason(code.trim().toUpperCase())) {
    // Payers that bridge X12 put the AAA03 reject reason in error.code (facts.md 2.11).
    const reason = describeRejectReason(code);
    return { code, description: reason.description, level: 'source', action: reason.action, retryable: reason.retryable, source };
  }
  // error.code.text is payer free text and may name the member: never copied. A coding's display is
  // the code system's name for the code.
  const description = FHIR_ADJUDICATION_ERRORS[code] ?? concept.coding?.[0]?.display ?? 'The payer reported an error';
  return { code, description, level: 'source', action: 'Correct the request as the payer describes and resubmit, or verify coverage manually.', retryable: false, source };
}

const OPERATION_OUTCOME = 'OperationOutcome';

const OperationOutcomeResource = z.object({
  resourceType: z.literal(OPERATION_OUTCOME),
  issue: z.array(z.object({
    severity: z.string().optional(),
    code: z.string().optional(),
    details: CodeableConcept.optional(),
  }).loose()).optional(),
}).loose();

/**
 * FHIR issue-type codes (http://hl7.org/fhir/issue-type) in our own words, with the next step.
 * Only codes are read from an OperationOutcome: `diagnostics` and `details.text` are server free
 * text that may hold member data, so they are never copied.
 */
function describeIssueType(code: string | undefined): RejectReason {
  switch (code) {
    case 'not-found':
    case 'deleted':
      return { description: 'Not Found', action: 'The payer found no matching member or coverage; check the member id, name and date of birth, then resubmit.', retryable: false, actionKind: 'fix-request' };
    case 'multiple-matches':
      return { description: 'Multiple Matches', action: 'The payer matched more than one member; add the member id and date of birth so only one matches, then resubmit.', retryable: false, actionKind: 'fix-request' };
    case 'invalid':
    case 'structure':
    case 'required':
    case 'value':
    case 'invariant':
    case 'code-invalid':
    case 'too-long':
    case 'extension':
      return { description: 'Invalid Request', action: 'The payer could not accept the inquiry as sent; correct the request and resubmit.', retryable: false, actionKind: 'fix-request' };
    case 'security':
    case 'login':
    case 'unknown':
    case 'expired':
    case 'forbidden':
    case 'suppressed':
      return { description: 'Access Denied', action: 'The submitter is not allowed to query this payer or member; check enrollment and credentials with the payer.', retryable: false, actionKind: 'contact-payer' };
    case 'transient':
    case 'lock-error':
    case 'no-store':
    case 'exception':
    case 'timeout':
    case 'throttled':
    case 'incomplete':
      return { description: 'Unable to Respond at Current Time', action: 'Retry later with backoff; do not resend immediately.', retryable: true, actionKind: 'retry-later' };
    default:
      return { description: 'The payer reported an error', action: 'The payer could not process the inquiry; verify coverage manually or contact the payer.', retryable: false, actionKind: 'contact-payer' };
  }
}

const ERROR_SEVERITIES = new Set(['fatal', 'error']);

/**
 * A bare OperationOutcome (or a Bundle of only OperationOutcomes) in place of an eligibility
 * response: the payer's rejection, read like an X12 AAA-only 271. One 'undetermined' coverage
 * with no benefits and one payer error per error/fatal issue, so the use case reports it as a
 * rejection (or as retry-later for transient issues).
 */
function operationOutcomeToCoverage(outcomes: Located[]): Coverage {
  const src = (pointer: string): SourcePointer => ({ format: 'fhir-r4', pointer });
  const payerErrors: PayerError[] = [];
  const actions: CoverageAction[] = [];
  for (const located of outcomes) {
    const outcome = parseOrThrow(OperationOutcomeResource, located.resource, located.pointer, OPERATION_OUTCOME);
    (outcome.issue ?? []).forEach((issue, i) => {
      if (!ERROR_SEVERITIES.has(issue.severity ?? '')) return;
      const source = src(`${located.pointer}.issue[${i}]`);
      // Payers that bridge X12 put the AAA03 reject reason in details.coding.
      const detailCodes = codes(issue.details).map((c) => c.trim().slice(0, 32));
      const aaa = detailCodes.find((c) => isKnownRejectReason(c.toUpperCase()));
      const issueCode = issue.code?.trim().slice(0, 32) || undefined;
      const code = aaa ?? issueCode ?? detailCodes[0] ?? 'unknown';
      const reason = aaa !== undefined ? describeRejectReason(aaa) : describeIssueType(issueCode);
      const otherCode = aaa === undefined && issueCode !== undefined ? detailCodes[0] : undefined;
      const description = otherCode === undefined ? reason.description : `${reason.description} (payer code ${otherCode})`;
      payerErrors.push({ code, description, level: 'source', action: reason.action, retryable: reason.retryable, source });
      actions.push({ kind: reason.actionKind, message: `${description} (${code}): ${reason.action}`, source });
    });
  }
  if (payerErrors.length === 0) {
    throw new DomainError('format.unsupported', 'FHIR OperationOutcome has no error issues, so it is not an eligibility answer; send a CoverageEligibilityResponse', {
      meta: { format: 'fhir-r4', resourceType: OPERATION_OUTCOME },
    });
  }
  const first = payerErrors[0]!;
  return {
    format: 'fhir-r4',
    formatVersion: 'R4',
    payer: {},
    plan: { type: 'unknown', dates: {} },
    eligibility: {
      status: 'undetermined',
      reason: `The payer did not answer the eligibility question: ${first.description} (OperationOutcome issue ${first.code}).`,
      source: first.source,
    },
    benefits: [],
    payerErrors,
    actions,
    warnings: [{ code: 'fhir.operation-outcome', message: 'The payer answered with an OperationOutcome instead of a CoverageEligibilityResponse; read as a rejection.', pointer: outcomes[0]!.pointer }],
  };
}
