/**
 * Related entities (X12 2120 loops, clearinghouse benefitsRelatedEntities) and behavioral-health
 * carve-outs, read the same way by the X12 and clearinghouse readers: which organization an entity
 * is, which ids it carries (a member id is kept where patient-facing answers drop it, an SSN never),
 * and what a payer note says about another organization administering behavioral health.
 */
import type { Benefit, CoverageAction, RelatedEntity } from '../../core/coverage/coverage-model.js';
import { BEHAVIORAL_HEALTH_SERVICE_TYPES } from './x12/x12-271-code-maps.js';

/**
 * NM108 / entityIdentification qualifiers of a 2120 entity that carry the member's own id at that
 * organization (MI member id, II unique health id). Kept under the key `memberId`, a key that
 * answers to patient-facing API keys never show (PATIENT_HIDDEN_KEYS): staff need it to run the
 * second check with a carve-out administrator, and it is a member identifier all the same. Stedi
 * and Change Healthcare send the qualifier's name instead of the code.
 */
const MEMBER_ID_QUALIFIERS: ReadonlySet<string> = new Set(['MI', 'II', 'MEMBER IDENTIFICATION NUMBER', 'STANDARD UNIQUE HEALTH IDENTIFIER FOR EACH INDIVIDUAL IN THE UNITED STATES']);
/** Social security number qualifiers: never kept (HIPAA minimum necessary), as REF*SY is not. */
const SSN_QUALIFIERS: ReadonlySet<string> = new Set(['34', 'SOCIAL SECURITY NUMBER']);

/** The identifiers of a related entity, member ids under `memberId`, without social security numbers; undefined when none is left. */
export function relatedEntityIdentifiers(qualifier: string, value: string): Record<string, string> | undefined {
  const key = qualifier.trim().toUpperCase();
  if (value.trim() === '' || SSN_QUALIFIERS.has(key)) return undefined;
  return MEMBER_ID_QUALIFIERS.has(key) ? { memberId: value } : { [qualifier || 'id']: value };
}

/** An organization as two readers compare it: its name and its non-member ids (payer id, tax id, NPI). */
export interface OrganizationRef {
  name?: string | undefined;
  ids: readonly string[];
}

const orgName = (name: string | undefined): string => (name ?? '').toUpperCase().replace(/[^A-Z0-9]+/g, ' ').trim();

/** A related entity as an OrganizationRef (its member id is not an organization id). */
export function organizationOf(entity: RelatedEntity): OrganizationRef {
  const ids = Object.entries(entity.identifiers ?? {}).filter(([key]) => key !== 'memberId').map(([, value]) => value.trim().toUpperCase());
  return { name: entity.name, ids };
}

/**
 * True when `entity` is one of `others`: the same id when both sides have one (a different payer id
 * is a different place to send the second check, even under a similar name), else the same name.
 * A payer that names itself in a 2120 loop ("EB*1**MH" + "NM1*PR" with its own payer id), or a
 * Medicaid answer that names on a mental-health line the managed care plan it names for the whole
 * plan, points at nobody new: that is not a carve-out.
 */
export function isSameOrganization(entity: RelatedEntity, others: readonly OrganizationRef[]): boolean {
  const self = organizationOf(entity);
  const name = orgName(self.name);
  return others.some((other) => {
    const otherIds = other.ids.map((id) => id.trim().toUpperCase()).filter((id) => id !== '');
    if (self.ids.length > 0 && otherIds.length > 0) return self.ids.some((id) => otherIds.includes(id));
    return name !== '' && name === orgName(other.name);
  });
}

/**
 * Behavioral-health words in a payer note. "MH" and "SUD" count as words; "SA" alone does not
 * (it is too often something else).
 */
const BH_NOTE_WORDS = /\b(?:behaviou?ral|mental|psychiatr\w*|substance|chemical dependency|mh|sud|mhsa|mh\/sa|mh\/sud)\b/i;
/** Phrases that say another organization runs a benefit. "Provided by" is left out: "provided by a licensed psychologist" is about who treats. */
const ADMINISTERED_BY = /\b(?:administered|managed|handled|serviced)\s+(?:by|through|thru)\b|\bcarved?[\s-]?out\b(?:\s+(?:to|by))?/i;
const NEGATED_ADMINISTRATION = /\b(?:not|no|never)\s+(?:\w+\s+)?(?:administered|managed|handled|serviced|carved?)\b/i;
/** A separate number for behavioral health: "FOR BEHAVIORAL HEALTH CALL 8005550100", "MENTAL HEALTH: CONTACT ...". */
const CALL_FOR = /\b(?:call|contact)\b/i;
const AUTHORIZATION_WORDS = /\b(?:pre-?cert\w*|prior\s+auth\w*|pre-?auth\w*|authoriz\w*|notification)\b/i;
const PHONE = /(?:\+?1[\s.-]?)?\(?(\d{3})\)?[\s.-]?(\d{3})[\s.-]?(\d{4})(?!\d)/;
/** Where an organization's name stops in "ADMINISTERED BY <NAME> AT/CALL/FOR ...". */
const NAME_AFTER = /^\s*([A-Z0-9&'()./ -]{3,80}?)(?=\s+(?:at|call|phone|ph|tel|telephone|for|on|via|toll|1-8\d\d)\b|\s*[,;:]|\s*\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}|\s*$)/i;

/** What a payer note says about a behavioral-health carve-out. */
export interface NoteCarveOut {
  /** 'administered': the note says another organization administers the benefit; 'contact': it only gives a separate contact for it. */
  kind: 'administered' | 'contact';
  /** The organization the note names, when it names one after "administered by" (or "carved out to"). */
  name?: string;
  /** The first phone number in the note, digits only. */
  phone?: string;
}

/**
 * Reads a payer note (X12 MSG, clearinghouse additionalInformation) for a behavioral-health
 * carve-out: "MENTAL HEALTH BENEFITS ADMINISTERED BY <ORG> 1-800-...", "BH CARVED OUT TO <ORG>",
 * or only a separate contact ("FOR BEHAVIORAL HEALTH CALL 800-..."). `behavioralLine` says the note
 * follows a mental-health / SUD line, where the note need not say "behavioral" itself. Negated
 * phrases ("NOT CARVED OUT") and notes without the words are nothing.
 */
export function readCarveOutNote(text: string, behavioralLine: boolean): NoteCarveOut | undefined {
  if (text.length > 1_000) text = text.slice(0, 1_000);
  const bhWords = BH_NOTE_WORDS.test(text);
  if (!bhWords && !behavioralLine) return undefined;
  const phoneMatch = PHONE.exec(text);
  const phone = phoneMatch === null ? undefined : `${phoneMatch[1]}${phoneMatch[2]}${phoneMatch[3]}`;
  const administered = ADMINISTERED_BY.exec(text);
  if (administered !== null && !NEGATED_ADMINISTRATION.test(text)) {
    const found: NoteCarveOut = { kind: 'administered' };
    const after = NAME_AFTER.exec(text.slice(administered.index + administered[0].length));
    const name = after?.[1]?.trim();
    // "ADMINISTERED BY THE MEMBER'S PLAN" names no one else.
    if (name !== undefined && /^(?:(?:the|a|an|this|your|their)\s+)?(?:member|patient|plan|payer|subscriber|insured|group|employer)\b/i.test(name)) return undefined;
    if (name !== undefined && /[A-Z]{2}/i.test(name)) found.name = name;
    if (phone !== undefined) found.phone = phone;
    return found;
  }
  // A separate number for these benefits says where to ask, not who runs them. A number for
  // precertification is the payer's (or its UM vendor's) authorization line: EB11 covers that.
  if (bhWords && phone !== undefined && CALL_FOR.test(text) && !AUTHORIZATION_WORDS.test(text)) return { kind: 'contact', phone };
  return undefined;
}

/**
 * A carve-out a payer states only in a note (X12 MSG, clearinghouse additionalInformation), on a mental health / SUD line or on a plan line
 * (30) whose note says behavioral health: "MENTAL HEALTH BENEFITS ADMINISTERED BY <ORG> 1-800...".
 * The named organization and phone become the action's entity; a note that only gives a separate
 * number for behavioral health is a contact, not a carve-out.
 */
/** A US number as people dial it (800-555-0104); anything else as sent. */
export function dialable(phone: string): string {
  // Another country's number (+44 ..., +61 ...) or one with an extension or letters stays as sent.
  if (!/^[\d\s().+-]+$/.test(phone) || (phone.trim().startsWith('+') && !phone.trim().startsWith('+1'))) return phone;
  const digits = phone.replace(/\D/g, '');
  const us = digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
  return us.length === 10 ? `${us.slice(0, 3)}-${us.slice(3, 6)}-${us.slice(6)}` : phone;
}

/** ' (phone 800-555-0104)' from an entity's first phone contact, for action messages; '' without one. */
export function phoneSuffix(entity: RelatedEntity | undefined): string {
  const phone = entity?.contacts?.find((c) => c.kind === 'phone')?.value;
  return phone === undefined ? '' : ` (phone ${dialable(phone)})`;
}

export function noteCarveOutAction(benefit: Benefit): CoverageAction | undefined {
  if (benefit.kind === 'other-payer' || benefit.kind === 'primary-care-provider') return undefined;
  const behavioral = benefit.serviceTypes.some((s) => BEHAVIORAL_HEALTH_SERVICE_TYPES.has(s));
  if (!behavioral && benefit.serviceTypes.length > 0 && !benefit.serviceTypes.includes('30')) return undefined;
  for (const note of benefit.notes) {
    const said = readCarveOutNote(note, behavioral);
    if (said === undefined) continue;
    const quoted = note.length > 160 ? `${note.slice(0, 157)}...` : note;
    const services = noteServices(benefit);
    const entity: RelatedEntity = { role: said.kind === 'administered' ? 'carve-out administrator' : 'related entity' };
    if (said.name !== undefined) entity.name = said.name;
    if (said.phone !== undefined) entity.contacts = [{ kind: 'phone', value: said.phone }];
    const phone = phoneSuffix(entity);
    if (said.kind === 'contact') {
      return { kind: 'contact-payer', message: `The payer's note gives a separate contact for behavioral health${phone} ("${quoted}"); ask there whether another organization administers ${services}.`, serviceTypes: [...benefit.serviceTypes], source: benefit.source, entity };
    }
    return {
      kind: 'check-carve-out',
      message: `The payer's note says behavioral health benefits (${services}) are administered by ${said.name ?? 'another organization it did not name'} ("${quoted}"); verify eligibility, cost sharing and authorization with them${phone}.`,
      serviceTypes: [...benefit.serviceTypes],
      source: benefit.source,
      entity,
    };
  }
  return undefined;
}

/** The services a note-stated carve-out is about: the line's own MH/SUD codes, or all of them when the note is on the plan line. */
function noteServices(benefit: Benefit): string {
  const codes = benefit.serviceTypes.filter((s) => BEHAVIORAL_HEALTH_SERVICE_TYPES.has(s));
  return codes.length > 0 ? `service type(s) ${codes.join(', ')}` : 'mental health and substance use services (the note is on the plan line)';
}

/**
 * noteCarveOutAction, once per organization however many lines repeat the note: a repeat adds its
 * service types to the first action and returns undefined. `seen` is per answer.
 */
export function noteCarveOutOnce(benefit: Benefit, seen: Map<string, CoverageAction>): CoverageAction | undefined {
  const action = noteCarveOutAction(benefit);
  if (action === undefined) return undefined;
  const phone = action.entity?.contacts?.find((c) => c.kind === 'phone')?.value ?? '';
  const key = `${action.kind}|${action.entity?.name ?? ''}|${phone}`;
  const first = seen.get(key);
  if (first === undefined) {
    seen.set(key, action);
    return action;
  }
  for (const code of action.serviceTypes ?? []) if (!first.serviceTypes?.includes(code)) first.serviceTypes?.push(code);
  return undefined;
}
