/**
 * Change Healthcare-compatible clearinghouse eligibility JSON (as served by Optum and Stedi) ->
 * Coverage[]. This JSON is the X12 271 re-shaped: `benefitsInformation[]` are EB segments with
 * named fields (code = EB01, coverageLevelCode = EB02, serviceTypeCodes = EB03, timeQualifierCode
 * = EB06, benefitAmount = EB07 as decimal text, benefitPercent = EB08 as a fraction, ...), so the
 * X12 code maps apply unchanged. Field names follow the Stedi eligibility response reference.
 *
 * Dialect decision: the older Eligible.com v1 JSON (`eligible_id`, `demographics`, `plan.financials`)
 * is a different shape with pre-aggregated, lossy financials. It is recognised and rejected with
 * 'format.unsupported' rather than half-read; see fixtures/clearinghouse/README.md. So are Stedi's
 * redesigned eligibility-check shape (`plans[].benefits`, 2026-06-01 API) and the `items[]` lists
 * of insurance discovery and batch results, which would otherwise read as answers with no lines.
 */
import { z } from 'zod';
import { DomainError } from '../../../core/errors.js';
import { jsonNumberToDecimalText } from '../fhir/fhir-decimal.js';
import { AAA_FOLLOW_UP_ACTIONS, describeRejectReason, isKnownRejectReason } from '../../../core/coverage/aaa-reject-reasons.js';
import { parseDollarsToCents, parseFractionToPpm } from '../../../core/money.js';
import { isPlaceholderAmount, placeholderNote, reconcileAccumulators } from '../accumulator-filler.js';
import { referralClauses } from '../../../core/coverage/payer-notes.js';
import { applyServiceDelivery } from '../service-delivery.js';
import type {
  Benefit, ContactPoint, Coverage, CoverageAction, CoveredPerson, PayerError, PlanDates, PlanType, RelatedEntity, SourcePointer,
} from '../../../core/coverage/coverage-model.js';
import {
  BEHAVIORAL_HEALTH_SERVICE_TYPES, CARVE_OUT_ENTITY_CODES, EB01_NAMES, EB02_NAMES, EB09_NAMES, X12_SERVICE_TYPE_BY_NAME, MEDICARE_SAVINGS_PROGRAM_TYPES, EB01_KINDS, EB02_LEVELS, EB04_PLAN_TYPES, EB06_NAMES, EB06_PERIODS, EB09_UNITS, codeNameKey, ENTITY_ROLES, eb11Authorization, eb12Network, onlySeparateProducts, PENDING_STATUS_CODES,
} from '../x12/x12-271-code-maps.js';
import { isSameOrganization, noteCarveOutOnce, phoneSuffix, relatedEntityIdentifiers, type OrganizationRef } from '../related-entities.js';
import { coordinationActions, isPlanLevelLine, knownOrganizations, managedCareAction, otherCoverageAction, pendingStatusFlag } from '../coverage-actions.js';

const Str = z.string();
/** Absent, null or a string: some clearinghouses send null for "not given". */
const Optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === null ? undefined : value), schema.optional());
/** Amounts, percents and quantities are decimal text, but some senders write JSON numbers. */
const DecimalText = z.preprocess(
  (value) => (value === null ? undefined : typeof value === 'number' ? (jsonNumberToDecimalText(value) ?? String(value)) : value),
  Str.optional(),
);
/** A list that a sender may give as one bare value or null. */
const List = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (value === null ? undefined : Array.isArray(value) ? value : [value]), z.array(item).optional());
const AdditionalInformation = z.object({ description: Str.optional() }).loose();
const Contact = z.object({ communicationMode: Str.optional(), communicationNumber: Str.optional() }).loose();
/** X12 PER as JSON: who answers (`name`, PER02) and how to reach them. */
const ContactInformation = z.object({ name: Str.optional(), contacts: z.array(Contact).optional() }).loose();
const RelatedEntitySchema = z.object({
  entityIdentifier: Str.optional(),
  entityIdentifierCode: Str.optional(),
  entityType: Str.optional(),
  entityName: Str.optional(),
  entityFirstname: Str.optional(),
  entityIdentification: Str.optional(),
  entityIdentificationValue: Str.optional(),
  contactInformation: ContactInformation.optional(),
}).loose();
const ProcedureSchema = z.object({ productOrServiceIdQualifierCode: Str.optional(), procedureCode: Str.optional() }).loose();

const BenefitSchema = z.object({
  code: Str.optional(),
  name: z.unknown().optional(),
  coverageLevelCode: Str.optional(),
  coverageLevel: z.unknown().optional(),
  serviceTypeCodes: List(Str),
  /** The service types' names; Stedi and Optum send them beside the codes. */
  serviceTypes: List(z.unknown()),
  insuranceTypeCode: Str.optional(),
  planCoverage: Str.optional(),
  timeQualifierCode: Str.optional(),
  timeQualifier: z.unknown().optional(),
  benefitAmount: DecimalText,
  benefitPercent: DecimalText,
  quantityQualifierCode: Str.optional(),
  quantityQualifier: z.unknown().optional(),
  benefitQuantity: DecimalText,
  authOrCertIndicator: Str.optional(),
  inPlanNetworkIndicatorCode: Str.optional(),
  inPlanNetworkIndicator: z.unknown().optional(),
  additionalInformation: List(AdditionalInformation),
  benefitsDateInformation: Optional(z.record(Str, z.unknown())),
  benefitsRelatedEntities: List(RelatedEntitySchema),
  benefitsRelatedEntity: RelatedEntitySchema.optional(),
  compositeMedicalProcedureIdentifier: ProcedureSchema.optional(),
  // III (place of service and other qualifiers) and HSD (delivery pattern) of the 271: read
  // tolerantly in code, since senders vary their shape and neither may reject a whole answer.
  eligibilityAdditionalInformation: z.unknown().optional(),
  eligibilityAdditionalInformationList: z.unknown().optional(),
  benefitsServiceDelivery: z.unknown().optional(),
}).loose();

const ErrorSchema = z.object({
  code: Str.optional(),
  description: Str.optional(),
  followupAction: Str.optional(),
  location: Str.optional(),
  field: Str.optional(),
}).loose();

/** AAA errors where the clearinghouse puts them: on the payer, provider, subscriber or dependent object. */
const AaaErrors = List(ErrorSchema);

const PersonSchema = z.object({
  memberId: Str.optional(),
  firstName: Str.optional(),
  lastName: Str.optional(),
  middleName: Str.optional(),
  dateOfBirth: Str.optional(),
  gender: Str.optional(),
  groupNumber: Str.optional(),
  groupDescription: Str.optional(),
  relationToSubscriberCode: Str.optional(),
  relationToSubscriber: z.unknown().optional(),
  aaaErrors: AaaErrors,
  address: z.object({ address1: Str.optional(), address2: Str.optional(), city: Str.optional(), state: Str.optional(), postalCode: Str.optional() }).loose().optional(),
}).loose();

const ResponseSchema = z.object({
  controlNumber: Str.optional(),
  tradingPartnerServiceId: Str.optional(),
  payer: Optional(z.object({ name: Str.optional(), payorIdentification: Str.optional(), contactInformation: Optional(ContactInformation), aaaErrors: AaaErrors }).loose()),
  provider: Optional(z.object({ providerName: Str.optional(), providerOrgName: Str.optional(), npi: Str.optional(), aaaErrors: AaaErrors }).loose()),
  subscriber: Optional(PersonSchema),
  dependents: List(PersonSchema),
  planInformation: z.object({ groupNumber: Str.optional(), groupDescription: Str.optional(), planNumber: Str.optional(), planDescription: Str.optional() }).loose().optional(),
  planDateInformation: z.record(Str, z.unknown()).optional(),
  planStatus: List(z.object({ statusCode: Str.optional(), status: Str.optional(), planDetails: Str.optional(), serviceTypeCodes: List(Str) }).loose()),
  benefitsInformation: List(BenefitSchema),
  errors: AaaErrors,
  /** Insurance discovery only: { level, reason }. Read tolerantly; it never rejects an answer. */
  confidence: z.unknown().optional(),
}).loose();

type Response = z.infer<typeof ResponseSchema>;
type BenefitJson = z.infer<typeof BenefitSchema>;

function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : `${acc}.${String(key)}`), '$');
}

/**
 * Stedi's redesigned eligibility-check response (2026-06-01 API): benefits grouped under
 * `plans[].benefits` with spelled-out values, and no `benefitsInformation`. Read as this dialect
 * it would have no lines at all, and the answer would look empty rather than unread.
 */
function isPlansDialect(json: object): boolean {
  return 'plans' in json && Array.isArray((json as { plans?: unknown }).plans) && !('benefitsInformation' in json);
}

/**
 * A list of eligibility responses (`items[]`): Stedi's insurance discovery result and batch
 * polling page. Its items may be different payers (discovery) or different patients (batch).
 */
function isItemsEnvelope(json: object): boolean {
  const items = (json as { items?: unknown }).items;
  return Array.isArray(items) && !('benefitsInformation' in json) && !('planStatus' in json) && !('subscriber' in json);
}

/** True for the Eligible.com v1 dialect, which this service recognises but does not read. */
export function isEligibleDialect(json: unknown): boolean {
  if (typeof json !== 'object' || json === null) return false;
  return 'eligible_id' in json || ('demographics' in json && 'plan' in json);
}

/** Map a Change Healthcare-compatible eligibility response to coverages (one: the patient in the response). */
export function clearinghouseToCoverages(json: unknown): Coverage[] {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new DomainError('format.parse-error', 'Clearinghouse eligibility response is not a JSON object at $', { meta: { format: 'clearinghouse-json', pointer: '$' } });
  }
  if (isEligibleDialect(json)) {
    throw new DomainError(
      'format.unsupported',
      'This is Eligible.com v1 eligibility JSON (eligible_id / demographics / plan.financials), a different clearinghouse dialect; send the Change Healthcare-compatible eligibility response (benefitsInformation) instead',
      { meta: { format: 'clearinghouse-json', dialect: 'eligible-v1' } },
    );
  }
  if (isPlansDialect(json)) {
    throw new DomainError(
      'format.unsupported',
      "This is Stedi's redesigned eligibility-check JSON (plans[].benefits), a different shape; send the Change Healthcare-compatible eligibility response (benefitsInformation) from the legacy eligibility endpoint instead",
      { meta: { format: 'clearinghouse-json', dialect: 'stedi-plans', pointer: '$.plans' } },
    );
  }
  if (isItemsEnvelope(json)) {
    throw new DomainError(
      'format.unsupported',
      'This is a list of eligibility responses (items[], as insurance discovery and batch results return them), not one response; send one item at a time',
      { meta: { format: 'clearinghouse-json', dialect: 'items-envelope', pointer: '$.items' } },
    );
  }
  const parsed = ResponseSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = jsonPath(issue?.path ?? []);
    throw new DomainError('format.parse-error', `Clearinghouse eligibility response is not valid at ${where}: ${issue?.message ?? 'invalid'}`, {
      meta: { format: 'clearinghouse-json', pointer: where },
    });
  }
  const response = parsed.data;
  if (!response.benefitsInformation && !response.planStatus && !response.errors && !response.subscriber && !response.dependents) {
    throw new DomainError('format.parse-error', 'Clearinghouse eligibility response has none of benefitsInformation, planStatus, subscriber or errors at $', {
      meta: { format: 'clearinghouse-json', pointer: '$' },
    });
  }
  return [toCoverage(response)];
}

const src = (pointer: string): SourcePointer => ({ format: 'clearinghouse-json', pointer });

/** A code map entry, never an inherited property ("constructor", "toString" are not codes). */
function own<V>(map: Readonly<Record<string, V>>, code: string | undefined): V | undefined {
  return code !== undefined && Object.hasOwn(map, code) ? map[code] : undefined;
}

/** Whole or decimal counts only: Number() would read "" or " " as 0 and "0x1F" as 31. */
const QUANTITY = /^\d{1,9}(\.\d{1,6})?$/;

/** "20240101" -> "2024-01-01"; anything else is kept only if already ISO. */
function isoDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(value.trim());
  if (compact) return `${compact[1]}-${compact[2]}-${compact[3]}`;
  return /^\d{4}-\d{2}-\d{2}$/.test(value.trim()) ? value.trim() : undefined;
}

/** "20240101-20241231" (RD8 range) -> [begin, end]; a single date (D8 or ISO) -> [date, undefined]. */
function isoRange(value: unknown): [string | undefined, string | undefined] {
  if (typeof value !== 'string') return [undefined, undefined];
  const single = isoDate(value);
  if (single !== undefined) return [single, undefined];
  const isoPair = /^\s*(\d{4}-\d{2}-\d{2})\s*-\s*(\d{4}-\d{2}-\d{2})\s*$/.exec(value);
  if (isoPair) return [isoPair[1], isoPair[2]];
  const [a, b] = value.split('-');
  return [isoDate(a), isoDate(b)];
}

function planDatesOf(info: Record<string, unknown> | undefined): PlanDates {
  const dates: PlanDates = {};
  if (!info) return dates;
  const set = (key: keyof PlanDates, value: string | undefined): void => {
    if (value !== undefined && dates[key] === undefined) dates[key] = value;
  };
  // planBegin may carry the whole range ("20250101-20251231"), as Stedi's schema allows; an
  // explicit planEnd still wins over the range's end.
  const [beginB, beginE] = isoRange(info.planBegin);
  set('planBegin', beginB);
  set('planEnd', isoDate(info.planEnd) ?? beginE);
  const [planB, planE] = isoRange(info.plan);
  set('planBegin', planB ?? isoDate(info.plan));
  set('planEnd', planE);
  set('eligibilityBegin', isoDate(info.eligibilityBegin));
  set('eligibilityEnd', isoDate(info.eligibilityEnd));
  const [eligB, eligE] = isoRange(info.eligibility);
  set('eligibilityBegin', eligB ?? isoDate(info.eligibility));
  set('eligibilityEnd', eligE);
  set('policyEffective', isoDate(info.policyEffective));
  set('policyExpiration', isoDate(info.policyExpiration));
  const [benB, benE] = isoRange(info.benefit);
  set('benefitYearBegin', isoDate(info.benefitBegin) ?? benB);
  set('benefitYearEnd', isoDate(info.benefitEnd) ?? benE);
  return dates;
}

/**
 * X12 INS02 individual relationship code -> relationship (01 spouse, 19 child, 18 self, 21 unknown).
 * Without a code, the name Stedi sends beside it (`relationToSubscriber`: "Spouse", "Child").
 */
function relationshipOf(code: string | undefined, name?: unknown): CoveredPerson['relationship'] {
  const text = code?.trim() || (typeof name === 'string' ? name.trim() : '');
  switch (text.toLowerCase()) {
    case '18':
    case 'self':
      return 'self';
    case '01':
    case 'spouse':
      return 'spouse';
    case '19':
    case 'child':
      return 'child';
    case '':
    case '21':
    case 'unknown':
      return 'unknown';
    default:
      return 'other';
  }
}

function personOf(person: z.infer<typeof PersonSchema>, relationship: CoveredPerson['relationship']): CoveredPerson {
  const phi: CoveredPerson['phi'] = {};
  if (person.memberId) phi.memberId = person.memberId;
  if (person.firstName) phi.firstName = person.firstName;
  if (person.middleName) phi.middleName = person.middleName;
  if (person.lastName) phi.lastName = person.lastName;
  const dob = isoDate(person.dateOfBirth);
  if (dob) phi.dateOfBirth = dob;
  if (person.gender) phi.gender = person.gender;
  if (person.address) {
    const a = person.address;
    phi.address = {};
    if (a.address1) phi.address.line1 = a.address1;
    if (a.address2) phi.address.line2 = a.address2;
    if (a.city) phi.address.city = a.city;
    if (a.state) phi.address.state = a.state;
    if (a.postalCode) phi.address.postalCode = a.postalCode;
  }
  return { relationship, phi };
}

/** Person entity codes (subscriber, patient, PCP): never a carve-out administrator. */
const PERSON_ENTITY_CODES: ReadonlySet<string> = new Set(['IL', 'QC', '03', 'P3']);

const CONTACT_KINDS: Readonly<Record<string, ContactPoint['kind']>> = {
  TE: 'phone', Telephone: 'phone', WP: 'phone', 'Work Phone Number': 'phone', FX: 'fax', Facsimile: 'fax', UR: 'url', 'Uniform Resource Locator (URL)': 'url', EM: 'email', 'Electronic Mail': 'email',
};

/** The numbers in a contactInformation block, each with the block's name (who answers there). */
function contactPointsOf(info: z.infer<typeof ContactInformation> | undefined): ContactPoint[] {
  const name = info?.name?.trim();
  return (info?.contacts ?? [])
    .filter((c) => c.communicationNumber)
    .map((c) => ({ kind: own(CONTACT_KINDS, c.communicationMode) ?? ('other' as const), value: c.communicationNumber!, ...(name ? { name } : {}) }));
}

/**
 * NM101 names (what Stedi and Change Healthcare send in `entityIdentifier`, with no code) -> the
 * NM101 code: without the code a "Payer" or "Vendor" named on a mental-health line could not be
 * told from a primary care provider.
 */
const ENTITY_CODE_BY_NAME: ReadonlyMap<string, string> = new Map([
  ...Object.entries(ENTITY_ROLES).map(([code, role]) => [codeNameKey(role), code] as const),
  ['preferred provider organization ppo', '1I'],
  ['third party administrator', '2B'],
  // Persons whose names are member PHI, so that no action message names them.
  ['patient', 'QC'],
  ['dependent', '03'],
]);

function relatedEntityOf(entity: z.infer<typeof RelatedEntitySchema>): RelatedEntity {
  const key = entity.entityIdentifier === undefined ? undefined : codeNameKey(entity.entityIdentifier);
  const code = entity.entityIdentifierCode ?? (key === undefined ? undefined : ENTITY_CODE_BY_NAME.get(key));
  const related: RelatedEntity = { role: own(ENTITY_ROLES, code) ?? entity.entityIdentifier?.toLowerCase() ?? 'related entity' };
  if (code) related.entityCode = code;
  const name = [entity.entityFirstname, entity.entityName].filter((n) => n).join(' ');
  if (name) related.name = name;
  // A member id at that organization is kept where patient-facing answers drop it; an SSN is not kept.
  const identifiers = entity.entityIdentificationValue ? relatedEntityIdentifiers(entity.entityIdentification ?? 'id', entity.entityIdentificationValue) : undefined;
  if (identifiers !== undefined) related.identifiers = identifiers;
  const contacts = contactPointsOf(entity.contactInformation);
  if (contacts.length > 0) related.contacts = contacts;
  return related;
}

/** A name sent where a code belongs, compared by its words (codeNameKey); undefined when not a string. */
const nameKey = (value: unknown): string | undefined => (typeof value === 'string' ? codeNameKey(value) : undefined);

/** X12 EB06 names (what Stedi and Change Healthcare put in `timeQualifier`) -> EB06 code. */
const EB06_CODE_BY_NAME: ReadonlyMap<string, string> = new Map(Object.entries(EB06_NAMES).map(([code, name]) => [nameKey(name)!, code]));

/** `inPlanNetworkIndicator` names -> EB12 code. */
const EB12_CODE_BY_NAME: ReadonlyMap<string, string> = new Map([['yes', 'Y'], ['no', 'N'], ['not applicable', 'W'], ['unknown', 'U']]);

/**
 * The EB06 code, or when a sender gives only the name ("timeQualifier": "Remaining"), the code of
 * that exact name: without it a remaining amount would be read as a period's total.
 */
function timeQualifierCodeOf(entry: BenefitJson): string | undefined {
  const code = entry.timeQualifierCode?.trim();
  if (code && Object.hasOwn(EB06_PERIODS, code)) return code;
  // A name where the code belongs ("timeQualifierCode": "Calendar Year") is read as that name.
  for (const text of [code, entry.timeQualifier]) {
    const key = nameKey(text);
    const byName = key === undefined ? undefined : EB06_CODE_BY_NAME.get(key);
    if (byName !== undefined) return byName;
  }
  return code || undefined;
}

/** The EB12 code, or the code of an exact `inPlanNetworkIndicator` name ("Yes", "No", "Not Applicable"). */
function networkCodeOf(entry: BenefitJson): string {
  const code = entry.inPlanNetworkIndicatorCode?.trim().toUpperCase();
  if (code) return code;
  const key = nameKey(entry.inPlanNetworkIndicator);
  return (key === undefined ? undefined : EB12_CODE_BY_NAME.get(key)) ?? '';
}

const codeByName = (names: Readonly<Record<string, string>>): ReadonlyMap<string, string> =>
  new Map(Object.entries(names).map(([code, name]) => [codeNameKey(name), code]));
const EB01_CODE_BY_NAME = codeByName(EB01_NAMES);
const EB02_CODE_BY_NAME = codeByName(EB02_NAMES);
const EB09_CODE_BY_NAME = codeByName(EB09_NAMES);

/**
 * A code from its field, or when a sender gives only the name (in the code field or in the name
 * field beside it, as Stedi's schema pairs them: `code`/`name`, `coverageLevelCode`/`coverageLevel`,
 * `quantityQualifierCode`/`quantityQualifier`), the code of that exact name. Without it a
 * deductible sent as `"name": "Deductible"` would be a line of unknown kind, and a family
 * deductible sent as `"coverageLevel": "Family"` one of unknown level.
 */
function codeOrName(code: string | undefined, name: unknown, names: Readonly<Record<string, string>>, byName: ReadonlyMap<string, string>): string | undefined {
  const text = code?.trim().toUpperCase();
  if (text && Object.hasOwn(names, text)) return text;
  for (const candidate of [code, name]) {
    const key = nameKey(candidate);
    const found = key === undefined ? undefined : byName.get(key);
    if (found !== undefined) return found;
  }
  return text || undefined;
}

/**
 * The line's service type codes; without codes, the codes of the names sent beside them (exact X12
 * names). A name with no known code is kept as sent, with a warning: a line about services nobody
 * can name must not read as one about the whole plan, as a line with no service type does.
 */
function serviceTypesOf(entry: BenefitJson, pointer: string, warnings: Coverage['warnings']): string[] {
  const codes = (entry.serviceTypeCodes ?? []).map((s) => s.trim().toUpperCase()).filter((s) => s !== '');
  if (codes.length > 0) return codes;
  const names = (entry.serviceTypes ?? []).filter((n): n is string => typeof n === 'string' && n.trim() !== '');
  return names.map((name) => {
    const code = X12_SERVICE_TYPE_BY_NAME.get(codeNameKey(name));
    if (code !== undefined) return code;
    warnings.push({ code: 'clearinghouse.unknown-service-type-name', message: 'A service type was sent by a name with no known X12 code; it was kept as sent, so the line applies to no level of care.', pointer: `${pointer}.serviceTypes` });
    return name.trim();
  });
}

/** EB11 by code, or by the names "Yes" / "No" / "Unknown" a sender may write instead. */
function authorizationCodeOf(entry: BenefitJson): string {
  const code = entry.authOrCertIndicator?.trim().toUpperCase() ?? '';
  return code === 'YES' ? 'Y' : code === 'NO' ? 'N' : code;
}

/**
 * `benefitsRelatedEntities` plus the older single `benefitsRelatedEntity`. Stedi sends both, the
 * single one repeating the first of the list: it is read once, not as a second organization.
 */
function relatedEntitiesOf(entry: BenefitJson): RelatedEntity[] {
  const list = (entry.benefitsRelatedEntities ?? []).map(relatedEntityOf);
  if (entry.benefitsRelatedEntity) {
    const single = relatedEntityOf(entry.benefitsRelatedEntity);
    const same = (e: RelatedEntity): boolean => e.name === single.name && e.entityCode === single.entityCode && JSON.stringify(e.identifiers ?? {}) === JSON.stringify(single.identifiers ?? {});
    if (!list.some(same)) list.push(single);
  }
  return list;
}

function benefitOf(entry: BenefitJson, index: number, warnings: Coverage['warnings']): Benefit {
  const pointer = `$.benefitsInformation[${index}]`;
  const code = codeOrName(entry.code, entry.name, EB01_NAMES, EB01_CODE_BY_NAME);
  const kind = own(EB01_KINDS, code) ?? 'other';
  const levelCode = codeOrName(entry.coverageLevelCode, entry.coverageLevel, EB02_NAMES, EB02_CODE_BY_NAME);
  const benefit: Benefit = {
    id: `ch-${index}`,
    kind,
    serviceTypes: serviceTypesOf(entry, pointer, warnings),
    procedureCodes: [],
    network: eb12Network(networkCodeOf(entry)),
    coverageLevel: own(EB02_LEVELS, levelCode) ?? 'unknown',
    timePeriod: own(EB06_PERIODS, timeQualifierCodeOf(entry)) ?? 'unknown',
    authorizationRequired: eb11Authorization(authorizationCodeOf(entry)),
    referralRequired: 'unknown',
    relatedEntities: relatedEntitiesOf(entry),
    notes: (entry.additionalInformation ?? []).map((a) => a.description).filter((d): d is string => d !== undefined && d !== ''),
    source: src(pointer),
  };
  // The 271 has no referral flag; payers say it in the notes, read as the X12 reader reads MSG.
  // Notes that disagree (waived in network, required out of network) leave it unknown.
  const said = benefit.notes.map(referralClauses).reduce((a, b) => ({ yes: a.yes || b.yes, no: a.no || b.no }), { yes: false, no: false });
  if (said.yes || said.no) benefit.referralRequired = said.yes && said.no ? 'unknown' : said.yes ? 'yes' : 'no';
  if (said.yes && said.no) {
    warnings.push({ code: 'clearinghouse.conflicting-referral', message: 'additionalInformation both requires and waives a referral (e.g. by network); referral left unknown.', pointer: `${pointer}.additionalInformation` });
  }
  if (code) benefit.rawCode = code;
  if (levelCode) benefit.coverageLevelCode = levelCode;
  if (entry.insuranceTypeCode) benefit.insuranceType = entry.insuranceTypeCode;
  if (entry.planCoverage) benefit.planDescription = entry.planCoverage;
  const proc = entry.compositeMedicalProcedureIdentifier;
  if (proc?.procedureCode) benefit.procedureCodes.push(`${proc.productOrServiceIdQualifierCode ?? 'HC'}:${proc.procedureCode}`);
  if (entry.benefitAmount !== undefined) {
    const cents = parseDollarsToCents(plainAmount(entry.benefitAmount));
    if (cents === undefined || cents < 0) {
      warnings.push({ code: 'clearinghouse.invalid-amount', message: 'benefitAmount is not a decimal amount of zero or more; left out.', pointer: `${pointer}.benefitAmount` });
    } else benefit.amountCents = cents;
  }
  if (entry.benefitPercent !== undefined) {
    // benefitPercent is EB08: a fraction of 1 and the patient's share (0.2 = patient pays 20%).
    const ppm = parseFractionToPpm(entry.benefitPercent);
    if (ppm === undefined || ppm > 1_000_000) warnings.push({ code: 'clearinghouse.invalid-percent', message: 'benefitPercent is not a fraction between 0 and 1; left out.', pointer: `${pointer}.benefitPercent` });
    else benefit.percentPpm = ppm;
  }
  if (entry.benefitQuantity !== undefined) {
    const text = entry.benefitQuantity.trim();
    const qualifier = codeOrName(entry.quantityQualifierCode, entry.quantityQualifier, EB09_NAMES, EB09_CODE_BY_NAME);
    if (!QUANTITY.test(text)) warnings.push({ code: 'clearinghouse.invalid-quantity', message: 'benefitQuantity is not a count of zero or more; left out.', pointer: `${pointer}.benefitQuantity` });
    else benefit.quantity = { value: Number(text), unit: own(EB09_UNITS, qualifier) ?? 'other', ...(qualifier ? { qualifier } : {}) };
  }
  const dateInfo = entry.benefitsDateInformation;
  if (dateInfo) {
    const dates: NonNullable<Benefit['dates']> = {};
    // The benefit's own period first, then a plan or period range sent on the line (as X12 2110
    // DTP*291 / 193-194 are read): Medicare sends each year's deductible with its own dates.
    const [rb, re] = isoRange(dateInfo.benefit);
    const [pb, pe] = isoRange(dateInfo.plan);
    // planBegin may be a single date or the whole range, as on the plan (planDateInformation).
    const [pbb, pbe] = isoRange(dateInfo.planBegin);
    // Then the coordination-of-benefits period (DTP*290: when a QMB or other-payer arrangement runs)
    // and the line's eligibility period.
    const [cb, ce] = isoRange(dateInfo.coordinationOfBenefits);
    const [eb, ee] = isoRange(dateInfo.eligibility);
    const begin = isoDate(dateInfo.benefitBegin) ?? rb ?? pbb ?? pb ?? isoDate(dateInfo.periodStart) ?? cb ?? isoDate(dateInfo.eligibilityBegin) ?? eb;
    const end = isoDate(dateInfo.benefitEnd) ?? re ?? isoDate(dateInfo.planEnd) ?? pbe ?? pe ?? isoDate(dateInfo.periodEnd) ?? ce ?? isoDate(dateInfo.eligibilityEnd) ?? ee;
    const latest = isoDate(dateInfo.latestVisitOrConsultation);
    if (begin) dates.begin = begin;
    if (end) dates.end = end;
    if (latest) dates.latestVisit = latest;
    if (Object.keys(dates).length > 0) benefit.dates = dates;
  }
  benefit.notes.push(...placeOfServiceNotes(entry));
  readServiceDelivery(entry, benefit, pointer, warnings);
  return benefit;
}

/**
 * "$1,500.00" -> "1500.00": a dollar sign and thousands separators in their right places, as
 * some senders format amounts. Anything else is returned as sent, for the parser to accept or refuse
 * ("1,50" or "15,00" stays unread rather than guessed).
 */
function plainAmount(text: string): string {
  const match = /^\s*\$?\s*(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)\s*$/.exec(text);
  return match ? match[1]!.replaceAll(',', '') : text;
}

/** A string field of an object that may be anything: only non-blank strings count. */
function textField(value: unknown, key: string): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const field = (value as Record<string, unknown>)[key];
  return typeof field === 'string' && field.trim() !== '' ? field.trim() : undefined;
}

/** A value that may be one object or a list of them, as a list. */
function asList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/**
 * The 271 III segment as Stedi and Change Healthcare send it: `eligibilityAdditionalInformationList`
 * (or the single, older `eligibilityAdditionalInformation`). Qualifier ZZ ("Mutually Defined") names
 * the place of service the line applies to (22 outpatient hospital, 11 office, 02 telehealth), the
 * only thing telling apart lines that are otherwise the same; kept as notes, worded as the X12 reader does.
 */
function placeOfServiceNotes(entry: BenefitJson): string[] {
  const list = asList(entry.eligibilityAdditionalInformationList);
  const items = list.length > 0 ? list : asList(entry.eligibilityAdditionalInformation);
  const notes: string[] = [];
  for (const item of items) {
    const code = textField(item, 'industryCode');
    if (code === undefined) continue;
    const qualifier = textField(item, 'codeListQualifierCode');
    const name = textField(item, 'industry');
    const named = name !== undefined && name !== code ? ` (${name})` : '';
    const note = qualifier === undefined || qualifier === 'ZZ' || qualifier === 'Mutually Defined'
      ? `Applies to place of service ${code}${named}`
      : `Additional information ${qualifier} ${code}${named}`;
    if (!notes.includes(note)) notes.push(note);
  }
  return notes;
}

/**
 * `benefitsServiceDelivery` (the 271 HSD segment: quantityQualifierCode = HSD01, quantity = HSD02,
 * unitForMeasurementQualifierCode = HSD03, sampleSelectionModulus = HSD04, timePeriodQualifierCode
 * = HSD05, numOfPeriods = HSD06). The first is the benefit's delivery pattern, the others notes.
 * A limitation whose count is only here ("20 visits per calendar year", "12 visits remaining") gets
 * that count as its quantity, on the same terms as the X12 reader: a frequency (per week), a count
 * over several periods, or a period that contradicts timeQualifierCode stays a pattern only.
 */
function readServiceDelivery(entry: BenefitJson, benefit: Benefit, pointer: string, warnings: Coverage['warnings']): void {
  asList(entry.benefitsServiceDelivery).forEach((item, i) => {
    const qualifier = textField(item, 'quantityQualifierCode')?.toUpperCase();
    const rawQuantity = (item as { quantity?: unknown } | null)?.quantity;
    const quantityText = typeof rawQuantity === 'number' ? jsonNumberToDecimalText(rawQuantity) : textField(item, 'quantity');
    const rawPeriods = (item as { numOfPeriods?: unknown } | null)?.numOfPeriods;
    const periodsText = typeof rawPeriods === 'number' ? jsonNumberToDecimalText(rawPeriods) : textField(item, 'numOfPeriods');
    const basisCode = (textField(item, 'unitForMeasurementQualifierCode') ?? textField(item, 'unitForMeasurementCode'))?.toUpperCase();
    const modulus = textField(item, 'sampleSelectionModulus');
    const periodCode = textField(item, 'timePeriodQualifierCode');
    let quantity: number | undefined;
    if (quantityText !== undefined) {
      if (QUANTITY.test(quantityText)) quantity = Number(quantityText);
      else warnings.push({ code: 'clearinghouse.invalid-quantity', message: 'benefitsServiceDelivery quantity is not a count of zero or more; left out.', pointer: `${pointer}.benefitsServiceDelivery[${i}].quantity` });
    }
    const periods = periodsText !== undefined && QUANTITY.test(periodsText) ? Number(periodsText) : undefined;
    applyServiceDelivery(benefit, { qualifier, quantity, basis: basisCode, modulus, period: periodCode, periods, periodsSent: periodsText !== undefined });
  });
}

/** AAA04 names -> code; Stedi spells W and X "Please Wait 30 (10) Days and Resubmit". */
const FOLLOW_UP_BY_NAME = new Map(
  Object.entries(AAA_FOLLOW_UP_ACTIONS).flatMap(([code, name]) => [[name.toLowerCase(), code], [`please ${name.toLowerCase()}`, code]] as const),
);

/** Stedi reports AAA location as the loop ("Loop 2100C"); the model names the level. */
function levelOfLocation(location: string | undefined): string {
  if (!location) return 'unknown';
  if (/2000A|2100A/.test(location)) return 'source';
  if (/2100B/.test(location)) return 'receiver';
  if (/2100C/.test(location)) return 'subscriber';
  if (/2100D/.test(location)) return 'dependent';
  if (/2110/.test(location)) return 'benefit';
  return 'unknown';
}

/**
 * One AAA error. The description is ours (from the AAA03 list), never the payer's free text: that
 * text can quote the member's id or name, and descriptions travel into problem details and logs.
 */
function payerErrorOf(error: z.infer<typeof ErrorSchema>, pointer: string, container: string | undefined): PayerError {
  const code = error.code?.trim().toUpperCase() || 'unknown';
  const reason = describeRejectReason(code);
  const followUp = error.followupAction;
  const followUpCode = followUp === undefined ? undefined : followUp.length <= 2 ? followUp.toUpperCase() : FOLLOW_UP_BY_NAME.get(followUp.toLowerCase());
  const located = levelOfLocation(error.location);
  const payerError: PayerError = {
    code,
    description: reason.description,
    level: located !== 'unknown' ? located : (container ?? 'unknown'),
    action: reason.action,
    retryable: reason.retryable,
    source: src(pointer),
  };
  if (followUpCode !== undefined) payerError.followUpCode = followUpCode;
  return payerError;
}

/**
 * Every AAA error in the response. Stedi and Change Healthcare put most of them on the object they
 * are about (`subscriber.aaaErrors` is the usual place), and only some in the top-level `errors`.
 */
function payerErrorsOf(response: Response): PayerError[] {
  const top = (response.errors ?? []).map((error, i) => payerErrorOf(error, `$.errors[${i}]`, undefined));
  const nested: PayerError[] = [];
  const add = (list: z.infer<typeof ErrorSchema>[] | undefined, at: string, container: string | undefined) =>
    list?.forEach((error, i) => nested.push(payerErrorOf(error, `${at}[${i}]`, container)));
  add(response.payer?.aaaErrors, '$.payer.aaaErrors', 'source');
  add(response.provider?.aaaErrors, '$.provider.aaaErrors', 'receiver');
  add(response.subscriber?.aaaErrors, '$.subscriber.aaaErrors', 'subscriber');
  response.dependents?.forEach((dependent, j) => add(dependent.aaaErrors, `$.dependents[${j}].aaaErrors`, 'dependent'));
  // Stedi repeats an AAA error: on the object it is about and again in the top-level `errors`.
  // It is one rejection, reported once: the top-level entry, completed from its twin (level,
  // follow-up). Each top-level entry stands for one nested error at most (two dependents
  // rejected with the same code are two errors).
  const claimed = new Set<PayerError>();
  const unrepeated = nested.filter((error) => {
    const twin = top.find((t) => !claimed.has(t) && t.code === error.code && (t.level === 'unknown' || t.level === error.level));
    if (twin === undefined) return true;
    claimed.add(twin);
    if (twin.level === 'unknown') twin.level = error.level;
    if (twin.followUpCode === undefined && error.followUpCode !== undefined) twin.followUpCode = error.followUpCode;
    return false;
  });
  return [...top, ...unrepeated];
}

/**
 * Placeholders and $0 filler, read as the X12 reader reads them (accumulator-filler.ts): this JSON is
 * the 271 re-shaped. All-nines amounts are left out here; the rest once every line is read.
 */
function reconcileClearinghouseAccumulators(benefits: Benefit[], warnings: Coverage['warnings']): void {
  const placeholders = new Map<Benefit, number>();
  for (const b of benefits) {
    if (b.amountCents === undefined || !isPlaceholderAmount(b.kind, b.amountCents)) continue;
    placeholders.set(b, b.amountCents);
    b.notes.push(placeholderNote(b.amountCents));
    delete b.amountCents;
    warnings.push({ code: 'clearinghouse.placeholder-amount', message: 'benefitAmount is an all-nines placeholder (99,999.99 or similar); the amount was left out', pointer: `${b.source.pointer}.benefitAmount` });
  }
  reconcileAccumulators(benefits, placeholders, (finding, message, benefit) =>
    warnings.push({ code: `clearinghouse.${finding}`, message, pointer: `${benefit.source.pointer}.benefitAmount` }));
}

function toCoverage(response: Response): Coverage {
  const warnings: Coverage['warnings'] = [];
  const benefits = (response.benefitsInformation ?? []).map((entry, i) => benefitOf(entry, i, warnings));
  reconcileClearinghouseAccumulators(benefits, warnings);
  const payerErrors = payerErrorsOf(response);
  const actions: CoverageAction[] = payerErrors.map((e) => ({
    kind: isKnownRejectReason(e.code) ? describeRejectReason(e.code).actionKind : 'contact-payer',
    message: e.action,
    source: e.source,
  }));
  // As the X12 reader does: the plan's type comes from a line about this plan. An "other or
  // additional payor" line (R) names another plan's type, an inactive line a plan that ended, and
  // a line only about dental, vision or pharmacy ("Dental HMO") a separate product: none of them
  // makes the medical plan an HMO, or Medicare.
  const aboutPlan = (b: Benefit): boolean =>
    !MEDICARE_SAVINGS_PROGRAM_TYPES.has(b.insuranceType ?? '') && !onlySeparateProducts(b.serviceTypes);
  const typeLine =
    benefits.find((b) => b.kind === 'active-coverage' && b.insuranceType !== undefined && b.serviceTypes.includes('30') && aboutPlan(b)) ??
    benefits.find((b) => b.kind === 'active-coverage' && b.insuranceType !== undefined && aboutPlan(b)) ??
    benefits.find((b) => b.kind !== 'other-payer' && b.kind !== 'inactive' && b.insuranceType !== undefined && aboutPlan(b));
  const insuranceTypeCode = typeLine?.insuranceType;
  const planType: PlanType = insuranceTypeCode ? (own(EB04_PLAN_TYPES, insuranceTypeCode) ?? 'other') : 'unknown';
  // Who is not "another organization" (as in the X12 reader): the payer that answered, and the
  // organizations it names on its plan-level lines (a Medicaid answer's managed care plan, on the
  // plan line or a managed care coordinator line, code MC): named once, though both name it.
  const payerId = response.payer?.payorIdentification ?? response.tradingPartnerServiceId;
  const payerRef: OrganizationRef = { name: response.payer?.name, ids: payerId ? [payerId] : [] };
  const knownFor = knownOrganizations(benefits, payerRef);
  const noteActions = new Map<string, CoverageAction>();
  // A Medicaid answer's other coverage naming no primary payer (code R), for one action after the lines.
  const otherCoverage: Benefit[] = [];
  for (const b of benefits) {
    const behavioral = b.serviceTypes.some((s) => BEHAVIORAL_HEALTH_SERVICE_TYPES.has(s));
    const organizations = b.relatedEntities.filter((e) => !PERSON_ENTITY_CODES.has(e.entityCode ?? ''));
    const known = knownFor(b);
    const elsewhere = organizations.filter((e) => !isSameOrganization(e, known));
    // A managed care coordinator line (code MC, as state Medicaid guides send the member's MCO):
    // whoever it names (but a PCP) is the coordinator, whatever entity identifier it is sent with.
    const coordinator = b.kind === 'managed-care-coordinator';
    let carveOut: CoverageAction | undefined;
    if (b.kind === 'contact-entity' && behavioral) {
      // EB01 = U on a behavioral-health code with an entity: a carve-out administers these benefits
      // (facts.md 2.10). As in the X12 reader: a line naming no one else (or only the payer itself)
      // says to ask the payer, and is not shown as "carved out". The entity keeps the role the sender
      // gave it ("vendor", "payer"); the action's kind says it administers these benefits.
      const entity = elsewhere[0];
      const self = organizations[0];
      carveOut = entity
        ? {
            kind: 'check-carve-out',
            message: `Behavioral health benefits (${b.serviceTypes.join(', ')}) are handled by ${entity.name ?? 'an organization the payer named only by id'}; verify with them.`,
            entity,
            serviceTypes: b.serviceTypes,
            source: b.source,
          }
        : {
            kind: 'contact-payer',
            message: `The payer sent no benefit details for ${b.serviceTypes.join(', ')} and says to contact it for them (no other organization named); ask the payer${phoneSuffix(self)}.`,
            serviceTypes: b.serviceTypes,
            source: b.source,
          };
    } else if (behavioral && b.kind !== 'other-payer' && b.kind !== 'primary-care-provider' && !b.serviceTypes.includes('30')) {
      // Stedi's carve-out pattern: code 1 (active) on a mental-health code with the administrator in
      // benefitsRelatedEntities (its name, payer id, phone and the member's id there). Only an
      // organization of a kind that administers benefits (payer, vendor, MCO, TPA, UM organization...).
      // An MC line about mental health / SUD only names the organization that manages those: a carve-out.
      const entity = elsewhere.find((e) => e.name !== undefined && (coordinator || CARVE_OUT_ENTITY_CODES.has(e.entityCode ?? '')));
      if (entity) {
        carveOut = {
          kind: 'check-carve-out',
          message: `Behavioral health benefits (${b.serviceTypes.join(', ')}) are handled by ${entity.name}; verify eligibility, cost sharing and authorization with them${phoneSuffix(entity)}.`,
          entity,
          serviceTypes: b.serviceTypes,
          source: b.source,
        };
      }
    }
    if (carveOut === undefined && isPlanLevelLine(b)) {
      // A plan line naming the managed care organization, or an MC line naming the coordinator (a
      // Medicaid member enrolled in managed care): it manages and usually pays; not a carve-out. As
      // in the X12 reader.
      const mco = elsewhere.find((e) => e.name !== undefined && (coordinator || e.entityCode === 'Y2'));
      if (mco) carveOut = managedCareAction(mco, b);
    }
    if (carveOut?.kind !== 'check-carve-out' && b.notes.length > 0) {
      // Or only in additionalInformation ("MENTAL HEALTH ADMINISTERED BY ..."): once per organization.
      carveOut = noteCarveOutOnce(b, noteActions) ?? carveOut;
    }
    if (carveOut) actions.push(carveOut);
    if (b.authorizationRequired === 'yes' && behavioral) {
      actions.push({ kind: 'obtain-authorization', message: `The payer requires authorization for ${b.serviceTypes.join(', ')}.`, serviceTypes: b.serviceTypes, source: b.source });
    }
    if (b.referralRequired === 'yes' && (behavioral || b.serviceTypes.includes('30'))) {
      actions.push({ kind: 'obtain-referral', message: `The payer's note says a referral is required for ${b.serviceTypes.join(', ')}.`, serviceTypes: b.serviceTypes, source: b.source });
    }
    // Code R naming the primary payer, code N (a lock-in to one provider), as in the X12 reader.
    actions.push(...coordinationActions(b, insuranceTypeCode, otherCoverage));
  }
  // On a Medicaid answer, other coverage naming no payer order pays first: Medicaid is the payer of last resort.
  const lastResort = otherCoverageAction(otherCoverage);
  if (lastResort !== undefined) actions.push(lastResort);

  const plan: Coverage['plan'] = { type: planType, dates: planDatesOf(response.planDateInformation) };
  if (insuranceTypeCode) plan.insuranceTypeCode = insuranceTypeCode;
  // The plan's name: an active 30 line's planCoverage, preferring one that is not about a
  // behavioral-health program (Medicaid's "MENTAL HEALTH INPATIENT" 30+MH line names a program).
  const named = benefits.filter((b) => b.kind === 'active-coverage' && b.planDescription !== undefined && !MEDICARE_SAVINGS_PROGRAM_TYPES.has(b.insuranceType ?? ''));
  const plan30 = named.filter((b) => b.serviceTypes.includes('30'));
  const planLine = plan30.find((b) => !b.serviceTypes.some((s) => BEHAVIORAL_HEALTH_SERVICE_TYPES.has(s))) ?? plan30[0] ?? named[0];
  const planName = planLine?.planDescription ?? response.planInformation?.planDescription;
  if (planName) plan.name = planName;
  const groupNumber = response.planInformation?.groupNumber ?? response.subscriber?.groupNumber;
  if (groupNumber) plan.groupNumber = groupNumber;
  const groupName = response.planInformation?.groupDescription ?? response.subscriber?.groupDescription;
  if (groupName) plan.groupName = groupName;

  const eligibility = eligibilityOf(response, benefits, payerErrors);
  const pending = pendingStatusOf(response, benefits);
  if (pending !== undefined && eligibility.status !== 'undetermined') {
    // EB01 5, 7 and 8 settle the status only provisionally: the payer is still investigating, or
    // waiting for an eligibility update. Read as active or inactive, but never silently.
    const flag = pendingStatusFlag(pending.code, src(pending.pointer), 'clearinghouse.status-pending');
    warnings.push(flag.warning);
    actions.push(flag.action);
  }
  // An insurance discovery result carries how sure the clearinghouse is that this coverage is the
  // patient's (Stedi: HIGH or REVIEW_NEEDED). Anything short of HIGH is said, not silently trusted.
  // The level is an enum; the reason is free text and is not repeated.
  const confidence = textField(response.confidence, 'level');
  if (confidence !== undefined && confidence.toUpperCase() !== 'HIGH') {
    const level = /^[A-Za-z_ ]{1,40}$/.test(confidence) ? confidence : 'not high';
    warnings.push({ code: 'clearinghouse.discovery-low-confidence', message: `This coverage was found by insurance discovery with confidence ${level}; it may not be the patient's.`, pointer: '$.confidence' });
    actions.push({ kind: 'verify-manually', message: `Insurance discovery matched this coverage with confidence ${level}: confirm with the patient or payer that it is theirs before relying on it.`, source: src('$.confidence') });
  }
  if (eligibility.status === 'undetermined' && payerErrors.length === 0) {
    actions.push({ kind: 'verify-manually', message: 'The payer did not say whether coverage is active; verify with the payer by phone or portal.' });
  }
  const coverage: Coverage = {
    format: 'clearinghouse-json',
    payer: {},
    plan,
    eligibility,
    benefits,
    payerErrors,
    actions,
    warnings,
  };
  const payerName = response.payer?.name;
  if (payerName) coverage.payer.name = payerName;
  if (payerId) coverage.payer.id = payerId;
  const payerContacts = contactPointsOf(response.payer?.contactInformation);
  if (payerContacts.length > 0) coverage.payer.contacts = payerContacts;
  const providerName = response.provider?.providerName ?? response.provider?.providerOrgName;
  if (providerName || response.provider?.npi) {
    coverage.provider = {};
    if (providerName) coverage.provider.name = providerName;
    if (response.provider?.npi) coverage.provider.npi = response.provider.npi;
  }
  if (response.subscriber) coverage.subscriber = personOf(response.subscriber, 'self');
  const dependent = response.dependents?.[0];
  if (dependent) coverage.patient = personOf(dependent, relationshipOf(dependent.relationToSubscriberCode, dependent.relationToSubscriber));
  else if (coverage.subscriber) coverage.patient = coverage.subscriber;
  if ((response.dependents?.length ?? 0) > 1) {
    warnings.push({ code: 'clearinghouse.multiple-dependents', message: 'More than one dependent in the response; the first is taken as the patient.', pointer: '$.dependents' });
  }
  return coverage;
}

/** The names of EB01 1-8 in the 5010 code list, as `planStatus[].status` carries them. */
const STATUS_CODE_BY_NAME: ReadonlyMap<string, string> = new Map(
  Object.entries(EB01_NAMES).filter(([code]) => /^[1-8]$/.test(code)).map(([code, name]) => [codeNameKey(name), code]),
);

/**
 * A planStatus entry's EB01 code: `statusCode`, or when a sender gives only the name
 * ("status": "Active Coverage"), the code of that exact name.
 */
function statusCodeOf(entry: { statusCode?: string | undefined; status?: string | undefined }): string | undefined {
  const code = entry.statusCode?.trim();
  if (code) return code;
  const key = nameKey(entry.status);
  return key === undefined ? undefined : STATUS_CODE_BY_NAME.get(key);
}

/**
 * The first pending status (EB01 5, 7 or 8) about the medical plan, from planStatus or from the
 * lines: a separate dental, vision or pharmacy product's status is not the medical plan's.
 */
function pendingStatusOf(response: Response, benefits: Benefit[]): { code: string; pointer: string } | undefined {
  const entries = response.planStatus ?? [];
  for (const [i, entry] of entries.entries()) {
    const code = statusCodeOf(entry);
    if (code !== undefined && PENDING_STATUS_CODES.has(code) && !onlySeparateProducts(entry.serviceTypeCodes ?? [])) {
      return { code, pointer: `$.planStatus[${i}]` };
    }
  }
  const line = benefits.find((b) => PENDING_STATUS_CODES.has(b.rawCode ?? '') && !onlySeparateProducts(b.serviceTypes));
  return line === undefined ? undefined : { code: line.rawCode!, pointer: line.source.pointer };
}

function eligibilityOf(response: Response, benefits: Benefit[], errors: PayerError[]): Coverage['eligibility'] {
  // planStatus[].statusCode is EB01 of the plan-level lines: 1-5 active, 6-8 inactive. Active
  // dental, vision or pharmacy alone does not make the medical plan active when the medical plan
  // is reported inactive: the clinic bills the medical plan.
  const entries = response.planStatus ?? [];
  const statuses = entries.map(statusCodeOf);
  const medical = (index: number): boolean => !onlySeparateProducts(entries[index]?.serviceTypeCodes ?? []);
  const isActive = (code: string | undefined): boolean => /^[1-5]$/.test(code ?? '');
  const isInactive = (code: string | undefined): boolean => /^[6-8]$/.test(code ?? '');
  const medicalActive = statuses.findIndex((code, i) => isActive(code) && medical(i));
  const medicalInactive = statuses.findIndex((code, i) => isInactive(code) && medical(i));
  const activeIndex = medicalActive >= 0 ? medicalActive : medicalInactive >= 0 ? -1 : statuses.findIndex(isActive);
  // Our wording with the code, not the payer's status text, which is free text.
  if (activeIndex >= 0) return { status: 'active', reason: `Payer reports active coverage (planStatus statusCode ${statuses[activeIndex]!}).`, source: src(`$.planStatus[${activeIndex}]`) };
  const inactiveIndex = medicalInactive >= 0 ? medicalInactive : statuses.findIndex(isInactive);
  if (inactiveIndex >= 0) {
    const separateActive = statuses.some(isActive) ? ' Only a separate dental, vision or pharmacy product is reported active.' : '';
    return { status: 'inactive', reason: `Payer reports inactive coverage (planStatus statusCode ${statuses[inactiveIndex]!}).${separateActive}`, source: src(`$.planStatus[${inactiveIndex}]`) };
  }
  const activeLines = benefits.filter((b) => b.kind === 'active-coverage');
  const medicalInactiveLine = benefits.find((b) => b.kind === 'inactive' && !onlySeparateProducts(b.serviceTypes));
  const active = activeLines.find((b) => !onlySeparateProducts(b.serviceTypes)) ?? (medicalInactiveLine ? undefined : activeLines[0]);
  if (active) return { status: 'active', reason: `Payer reports active coverage for service type ${active.serviceTypes.join(', ') || 'unspecified'}.`, source: active.source };
  const inactive = medicalInactiveLine ?? benefits.find((b) => b.kind === 'inactive');
  if (inactive) return { status: 'inactive', reason: 'Payer reports the coverage inactive.', source: inactive.source };
  if (errors.length > 0) {
    return { status: 'undetermined', reason: `Payer rejected the inquiry: ${errors.map((e) => `${e.description} (${e.code})`).join('; ')}.`, source: errors[0]!.source };
  }
  return {
    status: 'undetermined',
    reason: statuses.length > 0
      ? 'The response has plan status entries, but none with an active or inactive status (1-8), and no coverage lines.'
      : 'The response has no plan status or coverage lines.',
  };
}
