/**
 * X12 271 eligibility response (005010X279A1; 004010X092A1 accepted as legacy) -> the core
 * coverage model, one Coverage per patient: each 2000D dependent, and each 2000C subscriber that
 * is itself the patient. Loop names below are the TR3's: 2000A/2100A information source (payer),
 * 2000B/2100B information receiver (provider), 2000C/2100C subscriber, 2000D/2100D dependent,
 * 2110C/D eligibility or benefit information (EB), 2120C/D benefit related entity (LS/NM1/LE).
 *
 * The reader is tolerant: segments out of place become warnings and are attached where the TR3
 * would have put them; nothing the payer did not send is filled in (EB12 absent stays 'unknown').
 */
import { isPlaceholderAmount, placeholderNote, reconcileAccumulators } from '../accumulator-filler.js';
import type {
  Benefit,
  BenefitKind,
  Coverage,
  CoverageAction,
  CoveredPerson,
  FormatWarning,
  PayerError,
  PersonPhi,
  PlanDates,
  PlanType,
  RelatedEntity,
  SourcePointer,
} from '../../../core/coverage/coverage-model.js';
import { describeFollowUpAction, describeRejectReason, isKnownRejectReason } from '../../../core/coverage/aaa-reject-reasons.js';
import { DomainError } from '../../../core/errors.js';
import { parseDollarsToCents, parseFractionToPpm } from '../../../core/money.js';
import {
  BEHAVIORAL_HEALTH_SERVICE_TYPES, CARVE_OUT_ENTITY_CODES, MEDICARE_SAVINGS_PROGRAM_TYPES, EB01_KINDS, EB01_VALID, EB02_LEVELS, EB03_SERVICE_TYPES_5010, EB04_PLAN_TYPES, EB06_PERIODS, EB09_UNITS, ENTITY_ROLES, HL_LEVELS, PENDING_STATUS_CODES, SEPARATE_PRODUCT_SERVICE_TYPES, onlySeparateProducts, ownCode, eb11Authorization, eb12Network,
} from './x12-271-code-maps.js';
import { isSameOrganization, noteCarveOutOnce, phoneSuffix, relatedEntityIdentifiers, type OrganizationRef } from '../related-entities.js';
import {
  PERSON_PHI_ENTITY_CODES, coordinationActions, knownOrganizations, managedCareMessage, otherCoverageAction, pendingStatusFlag, servicesPhrase,
} from '../coverage-actions.js';
import { packCode, readX12, segmentLabel, shownCode } from './x12-reader.js';
import { referralClauses } from '../../../core/coverage/payer-notes.js';
import { applyServiceDelivery } from '../service-delivery.js';
import type { X12Segment, X12Separators, X12Transaction } from './x12-reader.js';

type HlLevel = '2000A' | '2000B' | '2000C' | '2000D' | 'unknown';

/** One HL node of the 271 hierarchy and what its loops said. */
interface HlNode {
  id: string;
  parentId: string;
  level: HlLevel;
  declaresChildren: boolean;
  childCount: number;
  payer?: Coverage['payer'];
  provider?: { name?: string; npi?: string };
  person?: CoveredPerson;
  planDates: PlanDates;
  groupNumber?: string;
  groupName?: string;
  errors: PayerError[];
  benefits: Benefit[];
}

/** ISO date from an X12 D8 value (CCYYMMDD), or undefined when it is not a real date. */
function isoFromD8(value: string): string | undefined {
  if (value.length !== 8) return undefined;
  const y = numberAt(value, 0, 4);
  const m = numberAt(value, 4, 6);
  const d = numberAt(value, 6, 8);
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d) || m < 1 || m > 12 || d < 1) return undefined;
  if (d > daysInMonth(y, m)) return undefined;
  return `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}`;
}

/** Number(value.slice(start, end)), read from the character codes when they are all digits (the usual case). */
function numberAt(value: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const digit = value.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return Number(value.slice(start, end));
    n = n * 10 + digit;
  }
  return n;
}

/** Days in month m (1-12) of year y, as Date.UTC reads y (0-99 mean 1900-1999), without a Date per call. */
function daysInMonth(y: number, m: number): number {
  if (y < 0 || y > 9999) return new Date(Date.UTC(y, m, 0)).getUTCDate(); // NaN past Date's range, as before
  if (m !== 2) return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
  const year = y <= 99 ? 1900 + y : y;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

/** Dates from a DTP segment: D8 gives begin only, RD8 begin and end (TR3 DTP02/DTP03). */
function readDtpDates(seg: X12Segment): { begin?: string; end?: string; valid: boolean } {
  const format = seg.el(2);
  const value = seg.el(3);
  if (format === 'D8') {
    const begin = isoFromD8(value);
    return begin === undefined ? { valid: false } : { begin, valid: true };
  }
  if (format === 'RD8') {
    const [from = '', to = ''] = value.split('-');
    const begin = isoFromD8(from);
    const end = isoFromD8(to);
    return begin === undefined || end === undefined ? { valid: false } : { begin, end, valid: true };
  }
  return { valid: false };
}

/**
 * A code map read through a Map: EB codes are looked up for every benefit line, and a Map.get on
 * the reader's shared code strings is cheaper than a keyed property load. Only the record's own
 * codes answer: an inherited key ('constructor', 'toString') is not a code.
 */
function codeLookup<V>(record: Readonly<Record<string, V>>): (code: string) => V | undefined {
  const map = new Map<string, V>(Object.entries(record));
  return (code) => map.get(code);
}
const eb01Kind = codeLookup(EB01_KINDS);
const eb02Level = codeLookup(EB02_LEVELS);
const eb06Period = codeLookup(EB06_PERIODS);

/**
 * A code table keyed by packCode, read with X12Segment.code(n): the code as a shared string and what
 * it maps to, found with a multiplicative hash and a short probe (cheaper than a Map.get per EB
 * element). Only codes of 1-4 ASCII characters can be keys, and the tables are built from the
 * records' own keys (Object.keys), so an inherited Object property is never a hit.
 */
class CodeTable<V> {
  // 256 slots for a few dozen codes: probes stay short and always reach an empty slot.
  readonly #keys = new Int32Array(256); // 0 = empty: a packed key is never 0
  readonly #entries: ({ code: string; value: V } | undefined)[] = new Array<{ code: string; value: V } | undefined>(256).fill(undefined);

  constructor(codes: Iterable<string>, valueOf: (code: string) => V) {
    for (const code of codes) {
      const key = packCode(code);
      if (key <= 0) continue;
      let slot = codeSlot(key);
      while (this.#keys[slot] !== 0) slot = (slot + 1) & 255;
      this.#keys[slot] = key;
      this.#entries[slot] = { code, value: valueOf(code) };
    }
  }

  /** The entry for a packed code, or undefined (also for 0 = empty and -1 = not a short code). */
  get(key: number): { code: string; value: V } | undefined {
    if (key <= 0) return undefined;
    for (let slot = codeSlot(key); ; slot = (slot + 1) & 255) {
      const found = this.#keys[slot];
      if (found === key) return this.#entries[slot];
      if (found === 0) return undefined;
    }
  }
}

/** Home slot of a packed code in a CodeTable: the top 8 bits of a multiplicative hash. */
function codeSlot(key: number): number {
  return Math.imul(key, 0x9e3779b1) >>> 24;
}

/** Every valid 5010 EB01 code (the unknown ones warn), with its kind. */
const EB01_CODES = new CodeTable(EB01_VALID, (code): BenefitKind => eb01Kind(code) ?? 'other');
const EB02_CODES = new CodeTable(Object.keys(EB02_LEVELS), (code) => ownCode(EB02_LEVELS, code));
const EB06_CODES = new CodeTable(Object.keys(EB06_PERIODS), (code) => ownCode(EB06_PERIODS, code));
/** The 5010 service type codes (EB03), for the one-code case. */
const EB03_CODES = new CodeTable(EB03_SERVICE_TYPES_5010, () => true);
/** Lookups of the other code tables through Maps (own keys only), cheaper than ownCode per line. */
const eb09Unit = codeLookup(EB09_UNITS);
/** The EB11 and EB12 codes that are not warned about, read as the code maps read them. */
const EB11_CODES = new CodeTable(['Y', 'N', 'U'], eb11Authorization);
const EB12_CODES = new CodeTable(['Y', 'N', 'W', 'U'], eb12Network);

/** The 2110 loop name per HL level (an unknown level reads as the subscriber's, like `letter`). */
const LOOP_2110: Readonly<Record<HlLevel, string>> = { '2000A': '2110A', '2000B': '2110B', '2000C': '2110C', '2000D': '2110D', unknown: '2110C' };

const NETWORK_PHRASES = { in: 'in network', out: 'out of network', both: 'in and out of network', unknown: 'network not stated' } as const;

/** A person's display name from NM103 (last or organization) and NM104 (first). */
function entityName(seg: X12Segment): string | undefined {
  const last = seg.el(3).trim();
  const first = seg.el(4).trim();
  const name = seg.el(2) === '1' ? [first, last].filter((p) => p !== '').join(' ') : last;
  return name === '' ? undefined : name;
}

/** Copy of a flat object without its undefined values: absent stays absent, never `key: undefined`. */
function definedOnly<T extends Record<string, string | undefined>>(value: T): { [K in keyof T]?: string } {
  const out: { [K in keyof T]?: string } = {};
  for (const key in value) if (value[key] !== undefined) out[key] = value[key];
  return out;
}

/**
 * record[key] = value as an own property, in place: a payer's qualifier such as '__proto__' stays a
 * plain key, and many REF or DTP segments do not copy the record once each (quadratic).
 */
function setOwn(record: Record<string, string>, key: string, value: string): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}

/** EB13 written with another component separator than ISA16: 'HC>H0015', 'HC-90837'. */
const FOREIGN_SEPARATOR_PROCEDURE = /^([A-Z][A-Z0-9])[^A-Za-z0-9\s]([A-Z0-9]{4,8})$/;
/** EB01 codes that state coverage (active 1-5, inactive 6-8): each starts a new plan or product on the answer. */
const COVERAGE_STATUS_CODES: ReadonlySet<string> = new Set(['1', '2', '3', '4', '5', '6', '7', '8']);
/** Kinds of line whose amounts a separate product's block can carry. */
const SEPARATE_PRODUCT_COST_KINDS: ReadonlySet<BenefitKind> = new Set<BenefitKind>(['deductible', 'out-of-pocket', 'coinsurance', 'copay', 'limitation']);
/**
 * A plan description naming a dental, vision or pharmacy product ("SPECTERA VISION PLAN", "DENTAL
 * PROGRAM FOR ADULTS", "RX PLAN"), not a medical plan ("MEDICAL AND VISION" is medical; "OPEN ACCESS
 * PLUS WITH RX" does not name a pharmacy product).
 */
const SEPARATE_PRODUCT_NAME = /\b(?:vision|dental|pharmacy|prescription drugs?|rx\s+(?:plan|only|benefits?))\b/i;
const MEDICAL_PLAN_NAME = /\bmedical\b/i;

function namesSeparateProduct(description: string | undefined): boolean {
  return description !== undefined && SEPARATE_PRODUCT_NAME.test(description) && !MEDICAL_PLAN_NAME.test(description);
}

/**
 * A coverage line for a separate product sent under the general service type: its EB05 names one
 * and its EB03 is 30 (with, at most, that product's own service types). Cigna's "EB*1**35*HM*Dental
 * HMO" is about dental only; the general lines after it are still the medical plan's.
 */
function isSeparateProductPlanLine(b: Benefit): boolean {
  return namesSeparateProduct(b.planDescription) && b.serviceTypes.includes('30') && b.serviceTypes.every((s) => s === '30' || SEPARATE_PRODUCT_SERVICE_TYPES.has(s));
}

/** A HCPCS level II (letter + 4 digits) or CPT (5 digits, or 4 digits + F/T/U) code. */
const HCPCS_OR_CPT = /^(?:[A-Z]\d{4}|\d{4}[0-9FTU])$/;

/**
 * An EB03 value that is a list of 5010 service type codes joined by one character other than the
 * interchange's repetition separator (a sender that repeats with '>' under ISA11 '|'), split; or
 * undefined when it is not that shape.
 */
function foreignRepetition(value: string, separators: X12Separators): { codes: string[]; separator: string } | undefined {
  const separator = /[^A-Za-z0-9]/.exec(value)?.[0];
  if (separator === undefined || separator === separators.component) return undefined;
  const codes = value.split(separator).filter((c) => c !== '');
  if (codes.length < 2 || !codes.every((c) => EB03_SERVICE_TYPES_5010.has(c))) return undefined;
  return { codes, separator };
}

/** A plain non-negative decimal ("20", "12.5"), or undefined: never Number()'s '' or ' ' = 0, '0x1F' or '-3'. */
const PLAIN_QUANTITY = /^\d{1,15}(?:\.\d{1,6})?$/;
function plainQuantity(text: string): number | undefined {
  const value = text.trim();
  return PLAIN_QUANTITY.test(value) ? Number(value) : undefined;
}

/**
 * Limits per document, far above any real 271 (a real-time answer has one or two patients and a
 * handful of warnings; the largest public batch samples have a few dozen patients). They bound the
 * work and the size of the answer an adversarial payload can cause (the HTTP body limit is 6 MB):
 * past `hlLoops` or `coverages` the document is refused with format.parse-error (meta.limit names
 * the limit); past `warnings` per transaction set the rest are counted in one summary warning.
 * `hlDepth` bounds the parent chain read for one patient (a 271 has four levels).
 */
export const X12_271_LIMITS = { hlLoops: 50_000, coverages: 2_000, warnings: 200, hlDepth: 8 } as const;

/** What one document has used of X12_271_LIMITS so far (shared by its transaction sets). */
interface DocumentBudget {
  hlLoops: number;
  coverages: number;
}

function limitError(what: string, limit: keyof typeof X12_271_LIMITS): DomainError {
  return new DomainError('format.parse-error', `the 271 has more than ${X12_271_LIMITS[limit]} ${what}, the most one document may carry; split it`, {
    meta: { position: 0, limit },
  });
}

/** Normalizes one 271 transaction set. */
class Transaction271 {
  private readonly nodes: HlNode[] = [];
  private readonly byId = new Map<string, HlNode>();
  /** The last HL node of each level: where an HL with a broken parent link is attached. */
  private readonly lastOfLevel = new Map<HlLevel, HlNode>();
  /** The first HL node of each level: the payer and receiver of a patient whose chain lacks them. */
  private readonly firstOfLevel = new Map<HlLevel, HlNode>();
  /** Ids of the HL nodes some 2000D names as its parent. */
  private readonly dependentParents = new Set<string>();
  /** Kept warnings (at most X12_271_LIMITS.warnings) and how many more there were. */
  private readonly warnings: FormatWarning[];
  private droppedWarnings = 0;
  private node: HlNode | undefined;
  private loop = 'header';
  private eb: Benefit | undefined;
  private entity: RelatedEntity | undefined;
  private in2120 = false;
  /** What the MSG notes of `benefit` (the EB they follow) said about referrals (see msg()). */
  private referralVotes: { benefit: Benefit | undefined; yes: boolean; no: boolean; warned: boolean } = { benefit: undefined, yes: false, no: false, warned: false };

  constructor(
    private readonly tx: X12Transaction,
    documentWarnings: readonly FormatWarning[],
    private readonly budget: DocumentBudget,
  ) {
    this.warnings = documentWarnings.slice(0, X12_271_LIMITS.warnings);
    this.droppedWarnings = documentWarnings.length - this.warnings.length;
  }

  /** 'ST <control> / <loop> / segment ' for the last loop asked: every EB line of a loop shares it. */
  private pointerPrefix = '';
  private pointerPrefixLoop: string | undefined;

  private pointer(seg: X12Segment, loop = this.loop): string {
    if (loop !== this.pointerPrefixLoop) {
      this.pointerPrefix = `ST ${shownCode(this.tx.controlNumber)} / ${loop} / segment `;
      this.pointerPrefixLoop = loop;
    }
    return `${this.pointerPrefix}${seg.position} ${segmentLabel(seg.id)}`;
  }

  private source(seg: X12Segment, loop = this.loop): SourcePointer {
    return { format: 'x12-271', pointer: this.pointer(seg, loop), segmentIndex: seg.position };
  }

  private warn(code: string, message: string, seg?: X12Segment): void {
    if (this.warnings.length >= X12_271_LIMITS.warnings) {
      this.droppedWarnings++;
      return;
    }
    this.warnings.push(seg === undefined ? { code, message } : { code, message, pointer: this.pointer(seg) });
  }

  /** warn() for a finding about lines already read, pointed at one of them. */
  private warnAt(code: string, message: string, pointer: string): void {
    if (this.warnings.length >= X12_271_LIMITS.warnings) {
      this.droppedWarnings++;
      return;
    }
    this.warnings.push({ code, message, pointer });
  }

  /** The 2100/2110/2120 suffix letter for the current HL level. */
  private get letter(): string {
    const level = this.node?.level ?? 'unknown';
    return level === 'unknown' ? 'C' : level.charAt(4);
  }

  run(): Coverage[] {
    for (const seg of this.tx.segments) this.segment(seg);
    return this.coverages();
  }

  private segment(seg: X12Segment): void {
    switch (seg.id) {
      // The 2110 segments first: they are most of a 271 (the order is otherwise the TR3's).
      case 'EB':
        return this.ebSegment(seg);
      case 'DTP':
        return this.dtp(seg);
      case 'MSG':
        return this.msg(seg);
      case 'HSD':
        return this.hsd(seg);
      case 'ST':
      case 'SE':
      case 'BHT':
        return;
      case 'HL':
        return this.hl(seg);
      case 'TRN':
      case 'PRV':
      case 'HI':
      case 'MPI':
        return; // trace numbers, provider taxonomy, diagnoses, military info: not coverage facts
      case 'NM1':
        return this.nm1(seg);
      case 'N3':
      case 'N4':
        return this.address(seg);
      case 'PER':
        return this.per(seg);
      case 'REF':
        return this.ref(seg);
      case 'DMG':
        return this.dmg(seg);
      case 'INS':
        return this.ins(seg);
      case 'AAA':
        return this.aaa(seg);
      case 'III':
        return this.iii(seg);
      case 'LS':
        return this.ls(seg);
      case 'LE':
        return this.le(seg);
      default:
        this.warn('x12.segment.unexpected', `${segmentLabel(seg.id)} segment is not part of a 271 and was ignored`, seg);
    }
  }

  private hl(seg: X12Segment): void {
    const code = seg.el(3);
    const level: HlLevel = Object.hasOwn(HL_LEVELS, code) ? HL_LEVELS[code as keyof typeof HL_LEVELS] : 'unknown';
    if (level === 'unknown') this.warn('x12.hl.unknown-level', `HL03 '${code.slice(0, 3)}' is not a 271 hierarchical level`, seg);
    if (++this.budget.hlLoops > X12_271_LIMITS.hlLoops) throw limitError('HL loops', 'hlLoops');
    let parentId = seg.el(2);
    const parent = this.byId.get(parentId);
    if (parentId !== '' && parent === undefined) {
      this.warn('x12.hl.unknown-parent', 'HL02 names a parent HL that does not precede it', seg);
    }
    if (parent !== undefined) {
      parent.childCount++;
      if (!parent.declaresChildren) this.warn('x12.hl.undeclared-child', `HL ${parent.id} declared no children (HL04=0) but HL ${seg.el(1)} follows it`, seg);
    } else if (level === '2000C' || level === '2000D') {
      // Broken parent link: attach to the nearest preceding node one level up, as the TR3 nesting implies.
      const want = level === '2000C' ? '2000B' : '2000C';
      const fallback = this.lastOfLevel.get(want);
      if (fallback !== undefined) parentId = fallback.id;
    }
    const node: HlNode = {
      id: seg.el(1),
      parentId,
      level,
      declaresChildren: seg.el(4) === '1',
      childCount: 0,
      planDates: {},
      errors: [],
      benefits: [],
    };
    this.nodes.push(node);
    if (node.id !== '') this.byId.set(node.id, node);
    this.lastOfLevel.set(level, node);
    if (!this.firstOfLevel.has(level)) this.firstOfLevel.set(level, node);
    if (level === '2000D') this.dependentParents.add(parentId);
    this.node = node;
    this.loop = level;
    this.eb = undefined;
    this.entity = undefined;
    this.in2120 = false;
  }

  private nm1(seg: X12Segment): void {
    const node = this.node;
    if (node === undefined) return this.warn('x12.segment.orphan', 'NM1 before any HL was ignored', seg);
    if (this.eb !== undefined) {
      // 2120C/D benefit related entity. Without LS it is misplaced but still about the preceding EB.
      if (!this.in2120) this.warn('x12.loop.missing-ls', 'NM1 after an EB without LS; read as a 2120 related entity of the preceding EB', seg);
      return this.relatedEntity(seg, this.eb);
    }
    switch (node.level) {
      case '2000A':
        this.loop = '2100A';
        node.payer = definedOnly({ name: entityName(seg), id: seg.opt(9) });
        return;
      case '2000B':
        this.loop = '2100B';
        node.provider = definedOnly({ name: entityName(seg), npi: seg.el(8) === 'XX' ? seg.opt(9) : undefined });
        return;
      case '2000C':
      case '2000D': {
        this.loop = `2100${this.letter}`;
        const phi: PersonPhi = {};
        if (seg.el(2) === '1' || seg.el(2) === '') {
          if (seg.opt(3) !== undefined) phi.lastName = seg.el(3);
          if (seg.opt(4) !== undefined) phi.firstName = seg.el(4);
          if (seg.opt(5) !== undefined) phi.middleName = seg.el(5);
        }
        if (seg.opt(9) !== undefined) {
          if (seg.el(8) === 'MI' || seg.el(8) === 'II' || seg.el(8) === '') phi.memberId = seg.el(9);
          else phi.otherIds = { [seg.el(8)]: seg.el(9) };
        }
        // A 2000C person is the subscriber (INS is optional there); 2000D relationship comes from INS02.
        node.person = { relationship: node.level === '2000C' ? 'self' : 'unknown', phi };
        return;
      }
      default:
        return this.warn('x12.segment.orphan', 'NM1 under an unknown HL level was ignored', seg);
    }
  }

  private relatedEntity(seg: X12Segment, eb: Benefit): void {
    const code = seg.el(1);
    let target = eb;
    if (code === 'P3' && eb.kind !== 'primary-care-provider') {
      // Some senders put the PCP's LS/LE after the last EB instead of after EB*L (TR3 2120C follows
      // the EB it describes). Attach it to an EB*L still waiting for its provider.
      const pcp = this.waitingPcp();
      if (pcp !== undefined) {
        target = pcp;
        this.warn('x12.loop.misplaced-2120', `primary care provider loop follows ${eb.id}; attached to ${pcp.id} (EB*L)`, seg);
      }
    }
    const entity: RelatedEntity = { role: this.roleFor(target, code), entityCode: code };
    if (!PERSON_PHI_ENTITY_CODES.has(code)) {
      const name = entityName(seg);
      if (name !== undefined) entity.name = name;
      const identifiers = seg.opt(8) !== undefined && seg.opt(9) !== undefined ? relatedEntityIdentifiers(seg.el(8), seg.el(9)) : undefined;
      if (identifiers !== undefined) entity.identifiers = identifiers;
    }
    target.relatedEntities.push(entity);
    this.entity = entity;
  }

  /**
   * The first EB*L of the current HL still without a related entity. A benefit never loses its
   * entities, so a cursor that only moves forward finds it (one scan per HL, not one per NM1*P3).
   */
  private waitingPcp(): Benefit | undefined {
    const node = this.node;
    if (node === undefined) return undefined;
    if (this.pcpCursor.node !== node) this.pcpCursor = { node, at: 0 };
    const cursor = this.pcpCursor;
    const benefits = node.benefits;
    for (; cursor.at < benefits.length; cursor.at++) {
      const b = benefits[cursor.at];
      if (b !== undefined && b.kind === 'primary-care-provider' && b.relatedEntities.length === 0) return b;
    }
    return undefined;
  }

  private pcpCursor: { node: HlNode | undefined; at: number } = { node: undefined, at: 0 };

  private roleFor(eb: Benefit, code: string): string {
    if (eb.kind === 'other-payer') return 'other payer';
    if (eb.kind === 'primary-care-provider' || code === 'P3') return 'primary care provider';
    return ownCode(ENTITY_ROLES, code) ?? 'related entity';
  }

  private address(seg: X12Segment): void {
    if (this.eb !== undefined) return; // 2120 addresses: the contact is what matters
    const person = this.node?.person;
    if (person === undefined || !this.loop.startsWith('2100')) return;
    const address = (person.phi.address ??= {});
    if (seg.id === 'N3') {
      if (seg.opt(1) !== undefined) address.line1 = seg.el(1);
      if (seg.opt(2) !== undefined) address.line2 = seg.el(2);
    } else {
      if (seg.opt(1) !== undefined) address.city = seg.el(1);
      if (seg.opt(2) !== undefined) address.state = seg.el(2);
      if (seg.opt(3) !== undefined) address.postalCode = seg.el(3);
    }
  }

  private per(seg: X12Segment): void {
    // PER is sent in two places: 2100A, the payer's own contact for questions about this answer, and
    // 2120C/D, a related entity's (a carve-out administrator's utilization management line).
    const payer = this.entity === undefined && this.loop === '2100A' ? this.node?.payer : undefined;
    const owner = this.entity ?? payer;
    if (owner === undefined) return;
    const contacts = (owner.contacts ??= []);
    const name = seg.opt(2);
    // PER03/04, PER05/06, PER07/08: communication number qualifier and number pairs.
    for (let i = 3; i <= 7; i += 2) {
      const qualifier = seg.el(i);
      const value = seg.el(i + 1);
      if (value === '') continue;
      const kind = qualifier === 'TE' || qualifier === 'WP' ? 'phone' : qualifier === 'FX' ? 'fax' : qualifier === 'UR' ? 'url' : qualifier === 'EM' ? 'email' : 'other';
      contacts.push(name === undefined ? { kind, value } : { kind, value, name });
    }
  }

  private ref(seg: X12Segment): void {
    const node = this.node;
    if (node === undefined || this.eb !== undefined) return; // 2110 REF (plan/policy numbers of a benefit) has no model field
    const qualifier = seg.el(1);
    const value = seg.el(2);
    if (value === '') return;
    if (qualifier === '6P' || (qualifier === '1L' && node.groupNumber === undefined)) {
      node.groupNumber = value;
      if (seg.opt(3) !== undefined) node.groupName = seg.el(3);
      return;
    }
    // Social security numbers are not needed to estimate anything: not kept (HIPAA minimum necessary).
    if (qualifier === 'SY') return;
    const person = node.person;
    if (person !== undefined) setOwn((person.phi.otherIds ??= {}), qualifier, value);
  }

  private dmg(seg: X12Segment): void {
    const person = this.node?.person;
    if (person === undefined) return this.warn('x12.segment.orphan', 'DMG without a subscriber or dependent name was ignored', seg);
    if (seg.el(1) === 'D8' && seg.el(2) !== '') {
      const dob = isoFromD8(seg.el(2));
      if (dob === undefined) this.warn('x12.value.invalid-date', 'DMG02 is not a valid D8 date', seg);
      else person.phi.dateOfBirth = dob;
    }
    if (seg.opt(3) !== undefined) person.phi.gender = seg.el(3);
  }

  private ins(seg: X12Segment): void {
    const person = this.node?.person;
    if (person === undefined) return;
    // INS02 individual relationship code (X12 element 1069): 18 self, 01 spouse, 19 child.
    const code = seg.el(2);
    person.relationship = code === '18' ? 'self' : code === '01' ? 'spouse' : code === '19' ? 'child' : code === '' ? person.relationship : 'other';
  }

  private dtp(seg: X12Segment): void {
    const node = this.node;
    if (node === undefined) return;
    const qualifier = seg.el(1);
    const dates = readDtpDates(seg);
    if (!dates.valid) return this.warn('x12.value.invalid-date', `DTP ${qualifier.slice(0, 3)} date is not a valid D8 or RD8 value`, seg);
    const eb = this.eb;
    if (eb !== undefined) {
      // 2110 benefit dates override plan dates for this benefit (TR3 2110C DTP).
      const target = (eb.dates ??= {});
      switch (qualifier) {
        case '304':
          if (dates.begin !== undefined) target.latestVisit = dates.begin;
          return;
        case '348':
        case '193':
        case '346':
        case '356':
          if (dates.begin !== undefined) target.begin = dates.begin;
          if (dates.end !== undefined) target.end = dates.end;
          return;
        case '349':
        case '194':
        case '347':
        case '357':
          if (dates.end ?? dates.begin) target.end = dates.end ?? dates.begin;
          return;
        default:
          if (dates.end !== undefined) {
            target.begin ??= dates.begin;
            target.end ??= dates.end;
          } else if (qualifier === '290') {
            // A lone coordination-of-benefits date on an EB*R line is when that arrangement began
            // (a QMB period that starts after the date of service is not yet in force).
            target.begin ??= dates.begin;
          }
          setOwn((target.other ??= {}), qualifier, dates.end === undefined ? `${dates.begin}` : `${dates.begin}/${dates.end}`);
          return;
      }
    }
    const plan = node.planDates;
    const { begin, end } = dates;
    switch (qualifier) {
      case '291':
      case '346':
        plan.planBegin = begin;
        if (end !== undefined) plan.planEnd = end;
        return;
      case '347':
        plan.planEnd = end ?? begin;
        return;
      case '307':
      case '356':
        plan.eligibilityBegin = begin;
        if (end !== undefined) plan.eligibilityEnd = end;
        return;
      case '357':
        plan.eligibilityEnd = end ?? begin;
        return;
      case '539':
        plan.policyEffective = begin;
        return;
      case '540':
        plan.policyExpiration = end ?? begin;
        return;
      case '292':
        plan.benefitYearBegin = begin;
        if (end !== undefined) plan.benefitYearEnd = end;
        return;
      default:
        return; // service, issue, admission, death... dates: not plan dates
    }
  }

  private aaa(seg: X12Segment): void {
    const node = this.node;
    if (node === undefined) return this.warn('x12.segment.orphan', 'AAA before any HL was ignored', seg);
    const code = seg.el(3);
    const reason = describeRejectReason(code);
    if (!isKnownRejectReason(code)) this.warn('x12.code.unknown-aaa03', `AAA03 '${code.slice(0, 3)}' is not a known reject reason code`, seg);
    const followUpCode = seg.opt(4);
    const followUp = describeFollowUpAction(followUpCode);
    if (followUpCode !== undefined && followUp === undefined) this.warn('x12.code.unknown-aaa04', `AAA04 '${followUpCode.slice(0, 2)}' is not a known follow-up action code`, seg);
    const level = this.eb !== undefined
      ? 'benefit'
      : ({ '2000A': 'source', '2000B': 'receiver', '2000C': 'subscriber', '2000D': 'dependent', unknown: 'unknown' } as const)[node.level];
    const error: PayerError = {
      code,
      description: reason.description,
      level,
      action: followUp === undefined ? reason.action : `${reason.action} Payer follow-up: ${followUp}.`,
      retryable: reason.retryable,
      source: this.source(seg),
    };
    if (seg.el(1) === 'Y' || seg.el(1) === 'N') error.validRequest = seg.el(1) === 'Y';
    if (followUpCode !== undefined) error.followUpCode = followUpCode;
    node.errors.push(error);
  }

  private ebSegment(seg: X12Segment): void {
    const node = this.node;
    if (node === undefined) return this.warn('x12.segment.orphan', 'EB before any HL was ignored', seg);
    if (node.level !== '2000C' && node.level !== '2000D') this.warn('x12.loop.misplaced-eb', 'EB outside a subscriber or dependent loop', seg);
    this.loop = LOOP_2110[node.level];
    this.in2120 = false;
    this.entity = undefined;
    // Codes are looked up by their packed characters (no string made); a code the tables do not
    // know takes the original string path, so unknown codes answer and warn exactly as before.
    const known01 = EB01_CODES.get(seg.code(1));
    const eb01 = known01?.code ?? seg.el(1);
    if (known01 === undefined && !EB01_VALID.has(eb01)) this.warn('x12.code.unknown-eb01', `EB01 '${eb01.slice(0, 3)}' is not a 5010 benefit code`, seg);
    const known02 = EB02_CODES.get(seg.code(2));
    const eb02 = known02?.code ?? seg.el(2);
    const level = known02 !== undefined ? known02.value : eb02 === '' ? undefined : eb02Level(eb02);
    const coverageLevel = level ?? 'unknown';
    if (eb02 !== '' && level === undefined) this.warn('x12.code.unknown-eb02', `EB02 '${eb02.slice(0, 3)}' is not a coverage level code`, seg);
    const known06 = EB06_CODES.get(seg.code(6));
    let period = known06?.value;
    if (known06 === undefined && seg.size(6) > 0) {
      const eb06 = seg.el(6);
      period = eb06Period(eb06);
      if (period === undefined) this.warn('x12.code.unknown-eb06', `EB06 '${eb06.slice(0, 3)}' is not a time period qualifier`, seg);
    }
    const timePeriod = period ?? 'unknown';
    const eb11 = seg.code(11);
    const known11 = EB11_CODES.get(eb11);
    const eb12 = seg.code(12);
    const known12 = EB12_CODES.get(eb12);
    const benefit: Benefit = {
      id: `eb-${seg.position}`,
      kind: known01 !== undefined ? known01.value : (eb01Kind(eb01) ?? 'other'),
      rawCode: eb01,
      serviceTypes: this.serviceTypes(seg),
      procedureCodes: [],
      network: known12?.value ?? 'unknown',
      coverageLevel,
      timePeriod,
      authorizationRequired: known11?.value ?? 'unknown',
      referralRequired: 'unknown',
      relatedEntities: [],
      notes: [],
      source: this.source(seg),
    };
    if (eb02 !== '') benefit.coverageLevelCode = eb02;
    const eb04 = seg.opt(4);
    if (eb04 !== undefined) benefit.insuranceType = eb04;
    const eb05 = seg.opt(5);
    if (eb05 !== undefined) benefit.planDescription = eb05;
    this.ebAmounts(seg, benefit);
    if (benefit.amountCents === undefined || benefit.percentPpm === undefined) this.missingValue(seg, benefit);
    if (eb11 !== 0 && known11 === undefined) this.warn('x12.code.unknown-eb11', 'EB11 is not Y, N or U; read as unknown', seg);
    if (eb12 !== 0 && known12 === undefined) this.warn('x12.code.unknown-eb12', 'EB12 is not Y, N, U or W; read as unknown', seg);
    if (seg.size(13) > 0) this.procedure(seg, benefit);
    node.benefits.push(benefit);
    this.eb = benefit;
  }

  /**
   * EB07-EB10 of a benefit line: amount, percent and quantity. A method of its own so that both
   * stay small enough for V8 to inline the element readers (measured: ~8% of the whole map).
   */
  private ebAmounts(seg: X12Segment, benefit: Benefit): void {
    if (seg.size(7) > 0) {
      // The plain "1500" / "2875.25" shape straight from the characters; anything else goes to the core parser.
      const cents = seg.decimal(7, 13, 2) ?? parseDollarsToCents(seg.el(7));
      if (cents === undefined) this.warn('x12.value.invalid-amount', 'EB07 is not a decimal amount', seg);
      // A negative copay, deductible, out-of-pocket or limit amount is not a benefit: left out, not priced.
      else if (cents < 0) this.negativeAmount(seg);
      else if (isPlaceholderAmount(benefit.kind, cents)) this.placeholderAmount(seg, benefit, cents);
      else benefit.amountCents = cents;
    }
    if (seg.size(8) > 0) {
      const ppm = seg.decimal(8, 6, 6) ?? parseFractionToPpm(seg.el(8));
      // EB08 is a fraction 0..1 of the patient's share (0.2 = 20%); "20" would be 2000%.
      if (ppm === undefined || ppm > 1_000_000) this.warn('x12.value.invalid-percent', 'EB08 is not a fraction between 0 and 1', seg);
      else benefit.percentPpm = ppm;
    }
    if (seg.size(9) > 0 || seg.size(10) > 0) {
      // Up to 15 plain digits are the usual shape; anything else must still be a plain decimal: not
      // blank (Number(' ') is 0), signed, hexadecimal or an exponent.
      const value = seg.decimal(10, 15, 0) ?? plainQuantity(seg.el(10));
      const eb09 = seg.el(9);
      if (value === undefined) this.invalidQuantity(seg);
      else {
        const unit = eb09Unit(eb09);
        if (unit === undefined) this.warn('x12.code.unknown-eb09', `EB09 '${eb09.slice(0, 3)}' is not a quantity qualifier`, seg);
        benefit.quantity = { value, unit: unit ?? 'other', qualifier: eb09 };
      }
    }
  }

  /**
   * EB03 split by the repetition separator. An interchange without one (ISA11 'U', the 4010 habit,
   * on a 5010 envelope) whose EB03 still holds '^' (the usual 5010 repetition separator, and no
   * other separator of this interchange) is split on '^', with a warning. Codes outside the 5010
   * list are kept as sent, with one warning per code and transaction set.
   */
  private serviceTypes(seg: X12Segment): string[] {
    // The usual EB03 is one known code: found by its packed characters, nothing else to check.
    if (EB03_CODES.get(seg.code(3)) !== undefined) return seg.repeats(3);
    let codes = seg.repeats(3);
    const separators = seg.separators;
    if (separators.repetition === undefined && codes.length === 1 && codes[0]!.includes('^') && separators.component !== '^') {
      codes = codes[0]!.split('^').filter((c) => c !== '');
      if (!this.caretSplitWarned) {
        this.caretSplitWarned = true;
        this.warn('x12.envelope.repetition-separator', "EB03 repeats with '^' but ISA11 names no repetition separator (4010-style 'U'); split on '^'", seg);
      }
    } else if (codes.length === 1 && !EB03_SERVICE_TYPES_5010.has(codes[0]!)) {
      // EB03 repeated with another character than ISA11 names ("1>33>MH" under ISA11 '|'): split
      // only when every part is a 5010 service type code, so a code that merely holds that
      // character is never cut up.
      const split = foreignRepetition(codes[0]!, separators);
      if (split !== undefined) {
        codes = split.codes;
        if (!this.caretSplitWarned) {
          this.caretSplitWarned = true;
          const named = separators.repetition === undefined ? 'no repetition separator' : `'${separators.repetition}'`;
          this.warn('x12.envelope.repetition-separator', `EB03 repeats with '${split.separator}' but ISA11 names ${named}; split on '${split.separator}'`, seg);
        }
      }
    }
    for (const code of codes) {
      if (EB03_SERVICE_TYPES_5010.has(code) || this.unknownServiceTypes.has(code)) continue;
      this.unknownServiceTypes.add(code);
      this.warn('x12.code.unknown-eb03', `EB03 '${code.slice(0, 3)}' is not a 5010 service type code; kept as sent`, seg);
    }
    return codes;
  }

  private caretSplitWarned = false;
  private readonly unknownServiceTypes = new Set<string>();

  /**
   * EB13 (qualifier, component separator, code). A line with an EB13 is about that procedure only,
   * so an EB13 that cannot be read as sent is still kept: "HC>H0015" under a ':' separator is read as
   * HC:H0015, a bare HCPCS/CPT-shaped "S9480" as HC:S9480 (each with a warning), anything else as
   * "?:<raw>". The cost-sharing resolver never uses a benefit with procedure codes as the general
   * one, so a $40 H0015 day copay does not become the MH copay because its EB13 was garbled.
   */
  private procedure(seg: X12Segment, benefit: Benefit): void {
    const [qualifier = '', code = ''] = seg.components(13);
    if (code !== '') {
      benefit.procedureCodes.push(`${qualifier}:${code}`);
      return;
    }
    const raw = seg.el(13).trim();
    const foreign = FOREIGN_SEPARATOR_PROCEDURE.exec(raw);
    if (foreign !== null) {
      benefit.procedureCodes.push(`${foreign[1]}:${foreign[2]}`);
      this.warn('x12.value.procedure-separator', 'EB13 separates qualifier and code with a character other than ISA16; read as qualifier and code', seg);
    } else if (HCPCS_OR_CPT.test(raw)) {
      benefit.procedureCodes.push(`HC:${raw}`);
      this.warn('x12.value.procedure-qualifier', 'EB13 has no product/service id qualifier; the HCPCS/CPT-shaped code was read as HC', seg);
    } else {
      benefit.procedureCodes.push(`?:${/[A-Za-z0-9]/.test(raw) ? raw.slice(0, 48) : '?'}`);
      this.warn('x12.value.invalid-procedure', 'EB13 has no readable procedure code; the benefit is kept as procedure-specific (?:)', seg);
    }
  }

  /** Warning paths kept out of ebAmounts, so that it stays small enough to inline the element readers. */
  private invalidQuantity(seg: X12Segment): void {
    const why = seg.el(10).trim() === '' ? 'EB10 is blank' : 'EB10 is not a plain non-negative number';
    this.warn('x12.value.invalid-quantity', `${why}; the quantity was left out`, seg);
  }

  private placeholderAmount(seg: X12Segment, benefit: Benefit, cents: number): void {
    benefit.notes.push(placeholderNote(cents));
    this.warn('x12.value.placeholder-amount', 'EB07 is an all-nines placeholder (99,999.99 or similar) on a deductible, out-of-pocket or limitation line; the amount was left out', seg);
    (this.placeholders ??= new Map()).set(benefit, cents);
  }

  /**
   * Cost lines of a separate dental, vision or pharmacy product sent under the general service type
   * 30: UHC Medicare Advantage follows its medical lines with "EB*1**30**SPECTERA VISION PLAN" and
   * that plan's EB*C / EB*G *30 $0 W lines; Utah Medicaid labels each program's lines by EB05
   * ("EB*C*IND*30*MC*DENTAL PROGRAM FOR ADULTS**0"). A general (30) line whose own EB05 names such
   * a product, or one after such a product's coverage line and before the next coverage line, is
   * that product's. Read as the medical plan's, the vision plan's $0 out-of-pocket maximum capped
   * an out-of-network program at $0. Those lines keep no amount, percent or quantity.
   */
  private separateProductLines(benefits: Benefit[]): void {
    let product: Benefit | undefined;
    const warned = new Set<string>();
    for (const b of benefits) {
      if (COVERAGE_STATUS_CODES.has(b.rawCode ?? '')) {
        product = isSeparateProductPlanLine(b) ? b : undefined;
        continue;
      }
      if (!SEPARATE_PRODUCT_COST_KINDS.has(b.kind) || !(b.serviceTypes.length === 0 || b.serviceTypes.every((s) => s === '30'))) continue;
      const owner = namesSeparateProduct(b.planDescription) ? b : product;
      if (owner === undefined || (b.amountCents === undefined && b.percentPpm === undefined && b.quantity === undefined)) continue;
      delete b.amountCents;
      delete b.percentPpm;
      delete b.quantity;
      b.notes.push(`This line belongs to "${owner.planDescription ?? ''}", a separate dental, vision or pharmacy product sent under the general service type 30, not to the medical plan; its amounts were not used.`);
      if (!warned.has(owner.planDescription ?? '')) {
        warned.add(owner.planDescription ?? '');
        this.warnAt('x12.value.separate-product-line', `cost lines under service type 30 belong to a separate dental, vision or pharmacy product ("${(owner.planDescription ?? '').slice(0, 60)}"); their amounts were left out`, b.source.pointer);
      }
    }
  }

  /** The deductible and out-of-pocket lines whose EB07 was an all-nines placeholder, with that amount. */
  private placeholders: Map<Benefit, number> | undefined;

  /** A patient's deductible and out-of-pocket lines read together (placeholders and $0 filler: accumulator-filler.ts). */
  private reconcileAccumulators(benefits: Benefit[]): void {
    reconcileAccumulators(benefits, this.placeholders, (finding, message, benefit) => this.warnAt(`x12.value.${finding}`, message, benefit.source.pointer));
  }

  private negativeAmount(seg: X12Segment): void {
    this.warn('x12.value.negative-amount', 'EB07 is negative; the amount was left out', seg);
  }

  /** A line without the value its EB01 is about (EB*A without EB08, EB*B without EB07): said, never guessed. */
  private missingValue(seg: X12Segment, benefit: Benefit): void {
    const kind = benefit.kind;
    if (kind === 'coinsurance' && seg.size(8) === 0 && (seg.size(7) > 0 || seg.size(10) > 0)) {
      this.warn('x12.value.missing-percent', 'coinsurance line has no EB08 percent; its other amounts are not a coinsurance', seg);
    } else if ((kind === 'copay' || kind === 'deductible' || kind === 'out-of-pocket') && seg.size(7) === 0 && (seg.size(8) > 0 || seg.size(10) > 0)) {
      const what = kind === 'copay' ? 'copay' : kind === 'deductible' ? 'deductible' : 'out-of-pocket';
      this.warn('x12.value.missing-amount', `${what} line has no EB07 amount; its other values are not a ${what} amount`, seg);
    }
  }

  private requireEb(seg: X12Segment): Benefit | undefined {
    if (this.eb === undefined) this.warn('x12.segment.orphan', `${seg.id} outside a 2110 benefit loop was ignored`, seg);
    return this.eb;
  }

  private hsd(seg: X12Segment): void {
    const eb = this.requireEb(seg);
    if (eb === undefined) return;
    // Each element read once: every read slices or looks up a shared string again.
    const hsd02 = seg.opt(2);
    const hsd06 = seg.opt(6);
    const quantity = hsd02 === undefined ? undefined : plainQuantity(hsd02);
    if (hsd02 !== undefined && quantity === undefined) this.warn('x12.value.invalid-quantity', 'HSD02 is not a plain non-negative number; the quantity was left out', seg);
    const periods = hsd06 === undefined ? undefined : plainQuantity(hsd06);
    if (hsd06 !== undefined && periods === undefined) this.warn('x12.value.invalid-quantity', 'HSD06 is not a plain non-negative number; the periods were left out', seg);
    const applied = applyServiceDelivery(eb, {
      qualifier: seg.el(1), quantity, basis: seg.el(3), modulus: seg.el(4), period: seg.el(5), periods, periodsSent: hsd06 !== undefined,
    });
    if (applied === 'repeated') this.warn('x12.hsd.repeated', 'a further HSD on the same benefit was kept as a note; the first HSD is the delivery pattern', seg);
  }

  private msg(seg: X12Segment): void {
    const eb = this.requireEb(seg);
    if (eb === undefined) return;
    const text = seg.el(1).trim();
    if (text === '') return;
    eb.notes.push(text);
    // The 271 has no referral element; payers say it in MSG text (facts.md 2.10). Clauses that
    // disagree ("NO REFERRAL NEEDED IN NETWORK; REFERRAL REQUIRED OUT OF NETWORK"), in one MSG or
    // across the MSGs of one EB, leave it unknown: the rules decide, not a guess.
    const said = referralClauses(text);
    if (!said.yes && !said.no) return;
    if (this.referralVotes.benefit !== eb) this.referralVotes = { benefit: eb, yes: false, no: false, warned: false };
    const votes = this.referralVotes;
    votes.yes ||= said.yes;
    votes.no ||= said.no;
    eb.referralRequired = votes.yes && votes.no ? 'unknown' : votes.yes ? 'yes' : 'no';
    if (votes.yes && votes.no && !votes.warned) {
      votes.warned = true;
      this.warn('x12.msg.conflicting-referral', 'MSG notes both require and waive a referral (e.g. by network); referral left unknown', seg);
    }
  }

  private iii(seg: X12Segment): void {
    const eb = this.requireEb(seg);
    if (eb === undefined) return;
    // III01 ZZ: III02 is a place of service code (TR3 2110C III).
    if (seg.el(1) === 'ZZ' && seg.opt(2) !== undefined) eb.notes.push(`Applies to place of service ${seg.el(2)}`);
    else if (seg.opt(2) !== undefined) eb.notes.push(`Additional information ${seg.el(1)} ${seg.el(2)}`);
  }

  private ls(seg: X12Segment): void {
    if (this.requireEb(seg) === undefined) return;
    this.in2120 = true;
    this.loop = `2120${this.letter}`;
  }

  private le(seg: X12Segment): void {
    if (!this.in2120) this.warn('x12.loop.orphan-le', 'LE without a matching LS', seg);
    this.in2120 = false;
    this.entity = undefined;
    if (this.eb !== undefined) this.loop = `2110${this.letter}`;
  }

  /** The parent chain of a node, nearest first, at most X12_271_LIMITS.hlDepth long (a 271 has four levels). */
  private ancestors(node: HlNode): HlNode[] {
    const chain: HlNode[] = [];
    const seen = new Set<HlNode>([node]);
    let parent = this.byId.get(node.parentId);
    while (parent !== undefined && !seen.has(parent)) {
      if (chain.length === X12_271_LIMITS.hlDepth) {
        this.tooDeep = true;
        break;
      }
      chain.push(parent);
      seen.add(parent);
      parent = this.byId.get(parent.parentId);
    }
    return chain;
  }

  private tooDeep = false;

  private coverages(): Coverage[] {
    const patients = this.nodes.filter((n) => n.level === '2000D' || (n.level === '2000C' && (n.benefits.length > 0 || !this.dependentParents.has(n.id))));
    this.budget.coverages += Math.max(1, patients.length);
    if (this.budget.coverages > X12_271_LIMITS.coverages) throw limitError('patients (subscriber or dependent loops)', 'coverages');
    for (const patient of patients) {
      this.separateProductLines(patient.benefits);
      this.reconcileAccumulators(patient.benefits);
    }
    if (patients.length === 0) {
      // No subscriber loop: the payer answered at the source or receiver level (usually an AAA).
      return [this.coverageFor(undefined, this.nodes, this.coverageWarnings())];
    }
    const contexts = patients.map((p) => this.ancestors(p));
    // Every coverage of the transaction set carries the same warnings: one array, not a copy each.
    const warnings = this.coverageWarnings();
    return patients.map((p, i) => this.coverageFor(p, contexts[i] ?? [], warnings));
  }

  /** The warnings every coverage of this transaction set carries: what was read, then the version notes. */
  private coverageWarnings(): FormatWarning[] {
    if (this.tooDeep) this.warn('x12.hl.too-deep', `an HL parent chain is deeper than ${X12_271_LIMITS.hlDepth} levels; the levels above were not read`);
    const warnings = [...this.warnings];
    if (this.droppedWarnings > 0) {
      warnings.push({ code: 'x12.warnings.truncated', message: `${this.droppedWarnings} more warning(s) were left out (at most ${X12_271_LIMITS.warnings} are kept)` });
    }
    const version = this.tx.version;
    const legacy = version.startsWith('004010');
    if (legacy) warnings.push({ code: 'x12.version.legacy', message: `${version} is the retired 4010 eligibility guide; read with 5010 rules` });
    else if (version === '005010X279') warnings.push({ code: 'x12.version.pre-errata', message: '005010X279 (before the A1 errata) read as 005010X279A1' });
    else if (version !== '005010X279A1') warnings.push({ code: 'x12.version.unknown', message: `implementation guide '${version.slice(0, 16)}' is not 005010X279A1; read as 005010X279A1` });
    if (this.tx.groupVersion !== '' && this.tx.groupVersion !== version) {
      warnings.push({ code: 'x12.version.envelope-mismatch', message: `GS08 '${this.tx.groupVersion.slice(0, 16)}' differs from ST03 '${version.slice(0, 16)}'; ST03 used` });
    }
    return warnings;
  }

  private coverageFor(patient: HlNode | undefined, context: HlNode[], warnings: FormatWarning[]): Coverage {
    const source = context.find((n) => n.level === '2000A') ?? this.firstOfLevel.get('2000A');
    const receiver = context.find((n) => n.level === '2000B') ?? this.firstOfLevel.get('2000B');
    const subscriberNode = patient?.level === '2000D' ? context.find((n) => n.level === '2000C') : patient;
    const version = this.tx.version;
    const legacy = version.startsWith('004010');
    const benefits = patient?.benefits ?? [];
    const errors = [...context].reverse().flatMap((n) => n.errors).concat(patient?.errors ?? []);
    const dates: PlanDates = { ...subscriberNode?.planDates, ...(patient === subscriberNode ? {} : patient?.planDates) };
    for (const key of Object.keys(dates) as (keyof PlanDates)[]) if (dates[key] === undefined) delete dates[key];
    const planType = this.planType(benefits);
    const coverage: Coverage = {
      format: 'x12-271',
      payer: { ...source?.payer },
      plan: { type: planType.type, dates },
      eligibility: this.eligibility(benefits, errors),
      benefits,
      payerErrors: errors,
      actions: [],
      warnings,
    };
    if (version !== '') coverage.formatVersion = version;
    if (legacy) coverage.legacy = true;
    if (receiver?.provider !== undefined) coverage.provider = { ...receiver.provider };
    if (planType.code !== undefined) coverage.plan.insuranceTypeCode = planType.code;
    const planName = this.planName(benefits);
    if (planName !== undefined) coverage.plan.name = planName;
    const group = patient?.groupNumber !== undefined ? patient : subscriberNode;
    if (group?.groupNumber !== undefined) coverage.plan.groupNumber = group.groupNumber;
    if (group?.groupName !== undefined) coverage.plan.groupName = group.groupName;
    if (subscriberNode?.person !== undefined) coverage.subscriber = subscriberNode.person;
    if (patient?.person !== undefined) coverage.patient = patient.person;
    coverage.actions = this.actions(benefits, errors, coverage.eligibility.status, coverage.payer, planType.code);
    this.flagPendingStatus(coverage);
    return coverage;
  }

  /**
   * EB01 5, 7 or 8 on the medical plan: the payer has not settled the status (an ACA grace period,
   * a Medicaid redetermination). The reading stands, but never silently.
   */
  private flagPendingStatus(coverage: Coverage): void {
    if (coverage.eligibility.status === 'undetermined') return;
    const pending = coverage.benefits.find((b) => PENDING_STATUS_CODES.has(b.rawCode ?? '') && !onlySeparateProducts(b.serviceTypes));
    if (pending === undefined) return;
    const flag = pendingStatusFlag(pending.rawCode!, pending.source, 'x12.status-pending');
    // The warnings list is shared by the transaction's coverages: this one gets its own copy.
    coverage.warnings = [...coverage.warnings, flag.warning];
    coverage.actions.push(flag.action);
  }

  private planType(benefits: Benefit[]): { type: PlanType; code?: string } {
    // EB04 on the active-coverage line names the plan; otherwise the first EB04 on any line that
    // is about this plan (EB*R lines describe other payers and are skipped). A line only about a
    // dental, vision or pharmacy product ("EB*1**35*HM*Dental HMO") names that product's type, not
    // the medical plan's: an open-access plan is not an HMO because its dental plan is.
    const aboutPlan = (b: Benefit): boolean =>
      !MEDICARE_SAVINGS_PROGRAM_TYPES.has(b.insuranceType ?? '') && !namesSeparateProduct(b.planDescription) &&
      !onlySeparateProducts(b.serviceTypes);
    const withType =
      benefits.find((b) => b.kind === 'active-coverage' && b.insuranceType !== undefined && aboutPlan(b)) ??
      benefits.find((b) => b.kind !== 'other-payer' && b.kind !== 'inactive' && b.insuranceType !== undefined && aboutPlan(b));
    const code = withType?.insuranceType;
    if (code === undefined) return { type: 'unknown' };
    return { type: ownCode(EB04_PLAN_TYPES, code) ?? 'other', code };
  }

  private planName(benefits: Benefit[]): string | undefined {
    const active = benefits.filter((b) => b.kind === 'active-coverage' && b.planDescription !== undefined && !MEDICARE_SAVINGS_PROGRAM_TYPES.has(b.insuranceType ?? ''));
    const plan = active.filter((b) => b.serviceTypes.includes('30'));
    // A 30 line that also lists MH/SUD codes names a behavioral-health program (Medicaid's "MENTAL
    // HEALTH INPATIENT"), not the member's plan, when another 30 line does not.
    // A 30 line naming a vision or dental product ("SPECTERA VISION PLAN") does not name the plan either.
    const general = plan.find((b) => !b.serviceTypes.some((s) => BEHAVIORAL_HEALTH_SERVICE_TYPES.has(s)) && !namesSeparateProduct(b.planDescription));
    return (general ?? plan[0] ?? active[0])?.planDescription;
  }

  private eligibility(benefits: Benefit[], errors: PayerError[]): Coverage['eligibility'] {
    // An active dental, vision or pharmacy product alone does not make the coverage active when the
    // medical plan is reported inactive (EB*1**35 beside EB*6**30): the clinic bills the medical plan.
    const medicalInactive = benefits.find((b) => b.kind === 'inactive' && !onlySeparateProducts(b.serviceTypes));
    const activeLines = benefits.filter((b) => b.kind === 'active-coverage');
    const active = activeLines.find((b) => !onlySeparateProducts(b.serviceTypes)) ?? (medicalInactive === undefined ? activeLines[0] : undefined);
    if (active === undefined && medicalInactive !== undefined && activeLines.length > 0) {
      return {
        status: 'inactive',
        reason: `The payer reported the coverage as inactive (EB01 ${medicalInactive.rawCode}); only a separate dental, vision or pharmacy product is reported active.`,
        source: medicalInactive.source,
      };
    }
    const inactive = benefits.filter((b) => b.kind === 'inactive');
    if (active !== undefined) {
      const also = inactive.length > 0 ? ` It also sent ${inactive.length} inactive line(s), which apply to narrower benefits.` : '';
      return { status: 'active', reason: `The payer reported active coverage (EB01 ${active.rawCode}).${also}`, source: active.source };
    }
    const first = inactive[0];
    if (first !== undefined) return { status: 'inactive', reason: `The payer reported the coverage as inactive (EB01 ${first.rawCode}).`, source: first.source };
    const rejection = errors[0];
    if (rejection !== undefined) {
      return {
        status: 'undetermined',
        reason: `The payer did not answer the eligibility question: ${rejection.description} (AAA ${rejection.code}, ${rejection.level} level).`,
        source: rejection.source,
      };
    }
    return { status: 'undetermined', reason: 'The payer response has no active or inactive coverage line (EB01 1-8), so eligibility is not settled.' };
  }

  private actions(benefits: Benefit[], errors: PayerError[], status: string, payer: Coverage['payer'], planTypeCode?: string): CoverageAction[] {
    const actions: CoverageAction[] = [];
    // Who is not "another organization": the payer that answered, and the organizations it names
    // on its plan lines (a Medicaid answer's managed care plan). Each line is compared with the
    // others' plan-line entities, never with its own.
    const payerRef: OrganizationRef = { name: payer.name, ids: payer.id === undefined ? [] : [payer.id] };
    // A managed care coordinator line (EB*MC) names the plan's manager as a plan line does, unless
    // it is about behavioral health only; the manager both name is named once (coverage-actions.ts).
    const known = knownOrganizations(benefits, payerRef);
    const fromNotes = new Map<string, CoverageAction>();
    // Authorization: one action per network listing every service type. A payer that flags EB11=Y
    // on each of fifteen lines gives a coordinator one thing to do, not fifteen near-copies.
    const authByNetwork = new Map<Benefit['network'], { serviceTypes: string[]; source: SourcePointer }>();
    const otherCoverage: Benefit[] = [];
    const seen = new Set<string>();
    for (const error of errors) {
      const reason = describeRejectReason(error.code);
      const key = `${reason.actionKind}:${error.code}`;
      if (seen.has(key)) continue;
      seen.add(key);
      actions.push({ kind: reason.actionKind, message: `${error.description} (AAA ${error.code}): ${error.action}`, source: error.source });
    }
    for (const benefit of benefits) {
      // Only EB*U or a line with a 2120 loop can name a carve-out (carveOut answers undefined for
      // the rest): most lines skip the call.
      let carveOut = benefit.kind === 'contact-entity' || benefit.relatedEntities.length > 0 ? this.carveOut(benefit, known(benefit)) : undefined;
      // No administrator in a 2120 loop: the payer may say it only in a MSG.
      if (carveOut?.kind !== 'check-carve-out' && benefit.notes.length > 0) carveOut = noteCarveOutOnce(benefit, fromNotes) ?? carveOut;
      if (carveOut !== undefined) actions.push(carveOut);
      if (benefit.authorizationRequired === 'yes') {
        const existing = authByNetwork.get(benefit.network);
        if (existing === undefined) authByNetwork.set(benefit.network, { serviceTypes: [...benefit.serviceTypes], source: benefit.source });
        else for (const code of benefit.serviceTypes) if (!existing.serviceTypes.includes(code)) existing.serviceTypes.push(code);
      }
      if (benefit.referralRequired === 'yes') {
        actions.push({ kind: 'obtain-referral', message: `The payer's note says a referral is required: "${benefit.notes.join(' ')}"`, serviceTypes: benefit.serviceTypes, source: benefit.source });
      }
      // EB*R naming the primary payer (NM1*PRP), EB*N (a lock-in); a Medicaid answer's other coverage is collected.
      actions.push(...coordinationActions(benefit, planTypeCode, otherCoverage));
    }
    // A Medicaid answer's EB*R lines naming no primary payer: Medicaid is the payer of last resort,
    // so that coverage pays first (one action lists them all).
    const lastResort = otherCoverageAction(otherCoverage);
    if (lastResort !== undefined) actions.push(lastResort);
    for (const [network, { serviceTypes, source }] of authByNetwork) {
      const services = serviceTypes.length > 0 ? serviceTypes.join(', ') : 'this benefit';
      actions.push({ kind: 'obtain-authorization', message: `The payer requires prior authorization for service type(s) ${services} (${NETWORK_PHRASES[network]}).`, serviceTypes, source });
    }
    if (status === 'undetermined' && errors.length === 0) {
      actions.push({ kind: 'verify-manually', message: 'The payer did not say whether coverage is active; verify with the payer by phone or portal.' });
    }
    return actions;
  }

  /**
   * A named carve-out organization in the 2120 loop of a mental health / SUD benefit, or EB*U
   * ("contact the following entity"). EB*U is a carve-out only for behavioral-health service types:
   * a pharmacy, dental or office-visit vendor is not one. EB*U without a 2120 entity names no other
   * organization, so it says to ask the payer itself (only for behavioral health or the whole plan).
   */
  private carveOut(benefit: Benefit, known: readonly OrganizationRef[]): CoverageAction | undefined {
    if (benefit.kind === 'other-payer' || benefit.kind === 'primary-care-provider') return undefined;
    // Most lines have no 2120 loop: nothing to filter, and only EB*U makes an action without one.
    if (benefit.kind !== 'contact-entity' && benefit.relatedEntities.length === 0) return undefined;
    const behavioral = benefit.serviceTypes.some((s) => BEHAVIORAL_HEALTH_SERVICE_TYPES.has(s));
    // The payer naming itself (its own payer id), or the plan it names on its plan line, is nobody else.
    const organizations = benefit.relatedEntities.filter((e) => !PERSON_PHI_ENTITY_CODES.has(e.entityCode ?? ''));
    const elsewhere = organizations.filter((e) => !isSameOrganization(e, known));
    // A line about the whole plan (30, or no service type) names who runs the plan: MH included, it is
    // not a carve-out; a managed care organization (Y2) named there is where a Medicaid member's
    // benefits are managed and paid.
    const wholePlan = benefit.serviceTypes.length === 0 || benefit.serviceTypes.includes('30');
    // EB01 MC "Managed Care Coordinator": its 2120 entity is the coordinator, whatever NM101 the
    // payer gives it (state Medicaid guides use Y2, PR, P5, X3 or 1P). A PCP (P3) is not one.
    // On a Medicaid plan line (EB04 MC), a utilization management organization (X3) is how
    // Nebraska names the member's MCO; on a commercial plan line it is delegated medical UM only.
    const coordinator = benefit.kind === 'managed-care-coordinator';
    const candidates = elsewhere.filter((e) =>
      benefit.kind === 'contact-entity'
        ? true
        : e.name !== undefined &&
          ((coordinator && e.entityCode !== 'P3') ||
            (behavioral && CARVE_OUT_ENTITY_CODES.has(e.entityCode ?? '')) ||
            (wholePlan && benefit.kind === 'active-coverage' && (e.entityCode === 'Y2' || (e.entityCode === 'X3' && benefit.insuranceType === 'MC')))),
    );
    if (benefit.kind !== 'contact-entity' && candidates.length === 0) return undefined;
    const services = servicesPhrase(benefit);
    if (benefit.kind !== 'contact-entity' && (wholePlan || (coordinator && !behavioral))) {
      const named = candidates[0]!;
      const action: CoverageAction = {
        kind: 'contact-payer',
        message: named.entityCode === 'Y2' || coordinator
          ? managedCareMessage(named, services)
          : named.entityCode === 'X3'
          ? `Authorization and utilization review for ${services}, the whole plan, are handled by ${named.name ?? 'a utilization management organization'}, which may also manage these benefits (as a Medicaid managed care plan does); verify eligibility, cost sharing and authorization with them${phoneSuffix(named)}.`
          : `The payer names ${named.name ?? 'an organization'} for ${services}, the whole plan; verify eligibility, cost sharing and authorization with them${phoneSuffix(named)}.`,
        serviceTypes: benefit.serviceTypes,
        source: benefit.source,
        entity: named,
      };
      return action;
    }
    if (benefit.kind === 'contact-entity' && (!behavioral || candidates.length === 0)) {
      if (!behavioral && !wholePlan) return undefined;
      const named = candidates[0];
      // EB*U naming only the payer itself: ask the payer, at the contact it gave.
      const self = named === undefined ? organizations[0] : undefined;
      const message =
        named === undefined
          ? `The payer sent no benefit details for ${services} and says to contact it for them (EB*U names no other organization); ask the payer${phoneSuffix(self)}.`
          : `The payer says to contact ${named.name ?? 'an organization it named only by id'} for benefit information on ${services}${phoneSuffix(named)}.`;
      const action: CoverageAction = { kind: 'contact-payer', message, serviceTypes: benefit.serviceTypes, source: benefit.source };
      if (named !== undefined) action.entity = named;
      return action;
    }
    const entity = candidates[0];
    if (entity !== undefined) for (const e of candidates) e.role = 'carve-out administrator';
    const who = entity?.name ?? 'another organization the payer did not name';
    // A utilization management organization (X3) is named for authorization; it often, not always, administers the benefit too.
    const message = entity?.entityCode === 'X3'
      ? `Authorization and utilization review for ${services} are handled by ${who}, which may also administer these benefits; verify eligibility, cost sharing and authorization with them${phoneSuffix(entity)}.`
      : `Benefits for ${services} are administered by ${who}; verify eligibility, cost sharing and authorization with them${phoneSuffix(entity)}.`;
    const action: CoverageAction = {
      kind: 'check-carve-out',
      message,
      serviceTypes: benefit.serviceTypes,
      source: benefit.source,
    };
    if (entity !== undefined) action.entity = entity;
    return action;
  }

}


/** An acknowledgement code as sent when it is a short code, else '?': these never carry data values. */
function ackCode(value: string): string {
  return /^[A-Z0-9]{1,3}$/.test(value) ? value : '?';
}

/**
 * A payload with no 271 that is an acknowledgement: a TA1 (interchange) or a 999 (implementation)
 * rejecting our 270 is payer.rejected, like the gateway's 999 check: the payer is up and refused
 * the inquiry (not a 502: the answer was read, and it is a definitive no). The message names only
 * the codes (TA104/TA105; AK901, IK501/IK502, IK304, IK403), never IK404 or any element that copies
 * the rejected value (often the member id). An acknowledgement that accepted the 270 and carries no
 * 271 is format.unsupported.
 */
function rejectAcknowledgement(transactions: readonly X12Transaction[], interchangeAcks: readonly X12Segment[]): void {
  const acks999 = transactions.filter((t) => t.setId === '999');
  if (acks999.length === 0 && interchangeAcks.length === 0) return;
  const rejecting = new Set(['R', 'M', 'W', 'X']);
  const codes: string[] = [];
  let rejected = false;
  for (const ta1 of interchangeAcks) {
    const status = ackCode(ta1.el(4));
    if (status === 'R') rejected = true;
    codes.push(`TA1 ${status} note ${ackCode(ta1.el(5))}`);
  }
  for (const tx of acks999) {
    for (const seg of tx.segments) {
      if (seg.id === 'AK9' || seg.id === 'IK5') {
        const status = ackCode(seg.el(1));
        if (rejecting.has(status)) rejected = true;
        const errors = [2, 3, 4, 5, 6].map((n) => seg.el(seg.id === 'AK9' ? n + 3 : n)).filter((v) => v !== '').map(ackCode);
        codes.push(`${seg.id} ${status}${errors.length > 0 ? ` ${errors.join(' ')}` : ''}`);
      } else if (seg.id === 'IK3' && seg.el(4) !== '') codes.push(`IK3 ${ackCode(seg.el(4))}`);
      else if (seg.id === 'IK4' && seg.el(3) !== '') codes.push(`IK4 ${ackCode(seg.el(3))}`);
    }
  }
  const list = [...new Set(codes)].slice(0, 12).join(', ');
  const kind = interchangeAcks.length > 0 && acks999.length === 0 ? 'TA1 interchange acknowledgement' : '999 acknowledgement';
  if (rejected) {
    throw new DomainError('payer.rejected', `The payer rejected the 270 with a ${kind} (${list}); no 271 was sent`, {
      meta: { acknowledgement: kind.startsWith('TA1') ? 'TA1' : '999' },
    });
  }
  throw new DomainError('format.unsupported', `The payload is a ${kind} (${list}), not a 271 eligibility response`, {
    meta: { transactionSets: acks999.length > 0 ? '999' : 'TA1' },
  });
}

/** Read an X12 271 payload into one Coverage per patient; throws DomainError on unreadable input. */
export function x12271ToCoverages(text: string): Coverage[] {
  const doc = readX12(text);
  const responses = doc.transactions.filter((t) => t.setId === '271');
  if (responses.length === 0) {
    rejectAcknowledgement(doc.transactions, doc.interchangeAcks);
    const ids = [...new Set(doc.transactions.map((t) => t.setId))];
    if (ids.every((id) => /^\d{3}$/.test(id))) {
      const hint = ids.includes('270') ? ' (a 270 is an eligibility inquiry, not the response)' : '';
      throw new DomainError('format.unsupported', `X12 transaction set ${ids.join(', ')} is not a 271 eligibility response${hint}`, {
        meta: { transactionSets: ids.join(',') },
      });
    }
    throw new DomainError('format.parse-error', 'X12 payload has no readable transaction set id (ST01)', { meta: { position: 0 } });
  }
  const warnings = [...doc.warnings];
  for (const other of doc.transactions) {
    if (other.setId !== '271') warnings.push({ code: 'x12.transaction.skipped', message: `transaction set ${other.setId.slice(0, 3)} (ST ${shownCode(other.controlNumber)}) is not a 271 and was skipped` });
  }
  const budget: DocumentBudget = { hlLoops: 0, coverages: 0 };
  return responses.flatMap((tx) => new Transaction271(tx, warnings, budget).run());
}
