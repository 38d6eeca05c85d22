/**
 * A tolerant ASC X12 envelope reader. It reads the separators from each ISA header (the element
 * separator is the 4th character; ISA11 repetition, ISA16 component, and the segment terminator
 * is the character right after ISA16), splits the payload into segments, and groups them into
 * interchanges, functional groups and transaction sets. Control-number and count mismatches are
 * warnings, because payers and test fixtures get them wrong and the data is still readable;
 * a payload that cannot be read at all throws DomainError('format.parse-error') with the character
 * position, never the content (PHI). Accessors are 1-based and named after the spec (`EB03`).
 */
import type { FormatWarning } from '../../../core/coverage/coverage-model.js';
import { DomainError } from '../../../core/errors.js';

/** The delimiters of one interchange, read from its ISA segment. */
export interface X12Separators {
  element: string;
  /** ISA11 in 5010; undefined in 4010 (ISA11 is the standards id 'U') or when ISA11 is alphanumeric. */
  repetition: string | undefined;
  component: string;
  segment: string;
}

/** Matches "EB03" or "EB13-2": segment id, element position, optional component position. */
const REF_PATTERN = /^([A-Z][A-Z0-9]{1,2})(\d{2})(?:-(\d{1,2}))?$/;
const refCache = new Map<string, { id: string; element: number; component: number | undefined }>();

function parseRef(ref: string): { id: string; element: number; component: number | undefined } {
  let parsed = refCache.get(ref);
  if (parsed === undefined) {
    const match = REF_PATTERN.exec(ref);
    if (!match) throw new RangeError(`not an X12 element reference: ${ref}`);
    parsed = { id: match[1] ?? '', element: Number(match[2]), component: match[3] === undefined ? undefined : Number(match[3]) };
    refCache.set(ref, parsed);
  }
  return parsed;
}

/**
 * Short ASCII values (segment ids, codes such as 'IND', '23', 'Y' and amounts such as '1500': most
 * X12 elements) keyed by their packed character codes (length, then 7 bits per character: < 2^31), so repeated codes share one internalized string instead of each
 * being a fresh slice: a fresh string costs an allocation and a hash + string-table lookup every
 * time it is used as a code-map key, which was most of the normalizer's time. Bounded, so
 * adversarial input cannot grow it without limit; past the bound values are plain slices. Only
 * segment ids and the elements of code-bearing segments (SHARED_VALUE_SEGMENTS) go in, never names,
 * addresses, identifiers or dates of birth: the table lives as long as the process (PHI).
 */
const SHARED_VALUE_SEGMENTS = new Set(['EB', 'HSD', 'DTP', 'HL', 'LS', 'LE', 'III', 'AAA', 'ST', 'SE', 'GS', 'GE', 'IEA']);
const SHORT_SLOTS = 4096; // a power of two; open addressing with a short probe
const shortKeys = new Int32Array(SHORT_SLOTS); // 0 = empty (a real key always has its length bits set)
const shortValues: string[] = new Array<string>(SHORT_SLOTS).fill('');

/** text.slice(start, end), shared and internalized when it is 1-4 ASCII characters. */
function sliceValue(text: string, start: number, end: number): string {
  const length = end - start;
  if (length > 4 || length <= 0) return length <= 0 ? '' : text.slice(start, end);
  let key = length;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code > 127) return text.slice(start, end);
    key = (key << 7) | code;
  }
  return shortValue(text, start, end, key);
}

/** The shared string for a short value whose packed key (length, then 7 bits per character) is `key`. */
function shortValue(text: string, start: number, end: number, key: number): string {
  let slot = Math.imul(key, 0x9e3779b1) >>> 20; // top 12 bits: 0..4095
  for (let probe = 0; probe < 4; probe++, slot = (slot + 1) & (SHORT_SLOTS - 1)) {
    const found = shortKeys[slot];
    if (found === key) return shortValues[slot] ?? text.slice(start, end);
    if (found === 0) {
      // A property key is internalized: reading it back gives the string-table copy.
      const value = text.slice(start, end);
      const holder: Record<string, true> = { [value]: true };
      const interned = Object.keys(holder)[0] ?? value;
      shortKeys[slot] = key;
      shortValues[slot] = interned;
      return interned;
    }
  }
  return text.slice(start, end); // table crowded around this slot: a plain copy
}

/**
 * The packed key of a 1-4 character ASCII code (length, then 7 bits per character, as the shared
 * value table packs them), or -1: lets a caller build a table that `X12Segment.code(n)` indexes.
 */
export function packCode(code: string): number {
  const length = code.length;
  if (length < 1 || length > 4) return -1;
  let key = length;
  for (let i = 0; i < length; i++) {
    const c = code.charCodeAt(i);
    if (c > 127) return -1;
    key = (key << 7) | c;
  }
  return key;
}

/**
 * Where the element separators of a payload are: the reader records each one while it looks for
 * the segment terminator (one pass over the characters), so reading an element is a slice between
 * two known positions, with no per-segment array of element strings. One per payload, grown by
 * doubling; a segment keeps the array it was read into (a grown copy keeps the same positions).
 */
class SeparatorPositions {
  at: Int32Array;
  count = 0;
  /** Whether a CR or LF was met before a terminator (inside a segment) since this was last cleared. */
  lineBreak = false;
  constructor(capacity: number) {
    this.at = new Int32Array(capacity);
  }

  /** Record the `elCode` positions from `from` to the first `termCode`; returns where that is (text.length if none). */
  scan(text: string, from: number, termCode: number, elCode: number): number {
    const length = text.length;
    let at = this.at;
    let count = this.count;
    let i = from;
    for (; i < length; i++) {
      const code = text.charCodeAt(i);
      if (code === termCode) break;
      if (code === elCode) {
        if (count === at.length) at = this.#grow();
        at[count++] = i;
      } else if (code < 14 && (code === 10 || code === 13)) this.lineBreak = true;
    }
    this.count = count;
    return i;
  }

  /** Close a segment: its end follows its separators, so every element ends at the next recorded position. */
  close(end: number): void {
    const at = this.count === this.at.length ? this.#grow() : this.at;
    at[this.count++] = end;
  }

  #grow(): Int32Array {
    const grown = new Int32Array(this.at.length * 2);
    grown.set(this.at);
    this.at = grown;
    return grown;
  }
}

/**
 * One segment: its id and elements, with spec-named 1-based accessors. The reader records where
 * the segment and its element separators are; an element becomes a string only when it is read,
 * and the mapper can read codes and amounts straight from the characters (code(n), decimal(n)).
 */
export class X12Segment {
  /** Segment id, e.g. 'EB'. */
  readonly id: string;
  /** Character offset of the segment in the payload (for error positions, never content). */
  readonly offset: number;
  /** 1-based position in its transaction set (ST = 1, as SE01 counts and 999 IK302 reports); 0 outside one. */
  position = 0;
  /** The separators of the interchange this segment came from. */
  readonly separators: X12Separators;
  /** The payload. */
  readonly #text: string;
  /**
   * #seps[#first .. #first + #count) are this segment's element separators (the first one ends the
   * id) and #seps[#first + #count] is its end (terminator and line ends excluded).
   */
  readonly #seps: Int32Array;
  readonly #first: number;
  readonly #count: number;
  /** Whether short values are shared strings (code-bearing segments only: never PHI). */
  readonly #share: boolean;
  #elements: string[] | undefined;

  /** A segment of `text` at `start` whose `count` separators, then end, are recorded in `seps` from `first`. */
  constructor(text: string, start: number, id: string, separators: X12Separators, seps: Int32Array, first: number, count: number) {
    this.id = id;
    this.offset = start;
    this.separators = separators;
    this.#text = text;
    this.#seps = seps;
    this.#first = first;
    this.#count = count;
    this.#share = SHARED_VALUE_SEGMENTS.has(id);
  }

  /** elements[0] is the id, so elements[3] is the third data element (EB03). */
  get elements(): readonly string[] {
    if (this.#elements === undefined) {
      const out: string[] = [this.id];
      for (let n = 1; n <= this.#count; n++) out.push(this.el(n));
      this.#elements = out;
    }
    return this.#elements;
  }

  /** Start of element n (1..count) in the payload. */
  #start(n: number): number {
    return (this.#seps[this.#first + n - 1] ?? 0) + 1;
  }

  /** End (exclusive) of element n (1..count) in the payload. */
  #stop(n: number): number {
    return this.#seps[this.#first + n] ?? 0;
  }

  /** Whether n names a data element of this segment (1-based, an integer). */
  #has(n: number): boolean {
    return n >= 1 && n <= this.#count && (n | 0) === n;
  }

  /** The plain shape segments had before elements became lazy (position, id, elements, offset, separators). */
  toJSON(): { position: number; id: string; elements: readonly string[]; offset: number; separators: X12Separators } {
    return { position: this.position, id: this.id, elements: this.elements, offset: this.offset, separators: this.separators };
  }

  /** Element n (1-based), or '' when absent; el(0) is the id. */
  el(n: number): string {
    if (!this.#has(n)) return n === 0 ? this.id : '';
    return this.#value(this.#start(n), this.#stop(n));
  }

  /** The payload from start to end: a shared string for a short value of a code-bearing segment. */
  #value(start: number, end: number): string {
    return this.#share ? sliceValue(this.#text, start, end) : this.#text.slice(start, end);
  }

  /** Element n, or undefined when absent or empty. */
  opt(n: number): string | undefined {
    const value = this.el(n);
    return value === '' ? undefined : value;
  }

  /** Number of characters in element n (0 when absent or empty): a presence test that makes no string. */
  size(n: number): number {
    return this.#has(n) ? this.#stop(n) - this.#start(n) : 0;
  }

  /**
   * Element n as packCode packs it (a 1-4 character ASCII code), 0 when absent or empty, -1 when
   * longer or not ASCII: code tables are looked up by this number, with no string made.
   */
  code(n: number): number {
    if (!this.#has(n)) return 0;
    const text = this.#text;
    const start = this.#start(n);
    const end = this.#stop(n);
    const length = end - start;
    if (length > 4) return -1;
    let key = length;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c > 127) return -1;
      key = (key << 7) | c;
    }
    return length === 0 ? 0 : key;
  }

  /**
   * Element n read as digits[.digits] scaled to `scale` decimals, as an exact integer ("2875.25",
   * scale 2 -> 287525), or undefined when it is not that shape (1..maxWhole whole digits, at most
   * `scale` decimals: no sign, exponent or spaces), so the caller can fall back to a full parser.
   */
  decimal(n: number, maxWhole: number, scale: number): number | undefined {
    if (!this.#has(n)) return undefined;
    const text = this.#text;
    const end = this.#stop(n);
    const start = this.#start(n);
    let value = 0;
    let i = start;
    for (; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c < 48 || c > 57) break;
      value = value * 10 + (c - 48);
    }
    if (i === start || i - start > maxWhole) return undefined;
    let decimals = 0;
    if (i < end) {
      if (text.charCodeAt(i) !== 46) return undefined;
      for (i++; i < end; i++) {
        const c = text.charCodeAt(i);
        if (c < 48 || c > 57 || decimals === scale) return undefined;
        value = value * 10 + (c - 48);
        decimals++;
      }
    }
    for (; decimals < scale; decimals++) value *= 10;
    return value;
  }

  /** Element by spec name, e.g. get('EB03') or get('EB13-2') for a component; '' when absent. */
  get(ref: string): string {
    const { id, element, component } = parseRef(ref);
    if (id !== this.id) throw new RangeError(`${ref} asked of a ${this.id} segment`);
    const value = this.el(element);
    return component === undefined ? value : (this.components(element)[component - 1] ?? '');
  }

  /** Element n split by the repetition separator (X12 5010); a single value when the interchange has none. */
  repeats(n: number): string[] {
    const rep = this.separators.repetition;
    if (rep === undefined || !this.#has(n)) {
      const value = this.el(n); // '' when absent; the id for n = 0
      if (value === '') return [];
      return rep === undefined ? [value] : value.split(rep).filter((v) => v !== '');
    }
    // Same result as el(n).split(rep).filter(nonEmpty), read from the payload: one value (the usual
    // case) is el(n) itself, and no String.indexOf call is made for a two-character code.
    const text = this.#text;
    const code = rep.charCodeAt(0);
    const start = this.#start(n);
    const end = this.#stop(n);
    const out: string[] = [];
    let from = start;
    for (let i = start; i < end; i++) {
      if (text.charCodeAt(i) !== code) continue;
      if (i > from) out.push(this.#value(from, i));
      from = i + 1;
    }
    if (from === start) return start === end ? [] : [this.el(n)];
    if (from < end) out.push(this.#value(from, end));
    return out;
  }

  /** Composite element n split by the component separator (ISA16). */
  components(n: number): string[] {
    const value = this.el(n);
    if (value === '') return [];
    // Same result as value.split(component), without the runtime call (EB13 is read per benefit line).
    const component = this.separators.component;
    const out: string[] = [];
    let from = 0;
    for (let at = value.indexOf(component); at !== -1; at = value.indexOf(component, from)) {
      out.push(value.slice(from, at));
      from = at + 1;
    }
    out.push(value.slice(from));
    return out;
  }
}

/** One transaction set (ST..SE inclusive). */
export interface X12Transaction {
  /** ST01, e.g. '271'. */
  setId: string;
  /** ST02. */
  controlNumber: string;
  /** ST03 when present, else GS08: the implementation guide, e.g. '005010X279A1'. */
  version: string;
  /** GS08 of the enclosing group ('' when there is no GS). */
  groupVersion: string;
  /** ISA12 of the enclosing interchange, e.g. '00501'. */
  interchangeVersion: string;
  separators: X12Separators;
  /** ST through SE, positions 1..n. */
  segments: X12Segment[];
}

/** Everything read from one payload. */
export interface X12Document {
  transactions: X12Transaction[];
  /** Number of ISA..IEA interchanges read. */
  interchangeCount: number;
  /** TA1 interchange acknowledgements (outside any transaction set); a payload may hold only these. */
  interchangeAcks: X12Segment[];
  warnings: FormatWarning[];
}

/** Throw the one error a garbled payload produces: a position, no content. */
function parseError(message: string, position: number): never {
  throw new DomainError('format.parse-error', `${message} (at character ${position})`, { meta: { position } });
}

const isSpace = (code: number): boolean => code === 32 || code === 9 || code === 10 || code === 13 || code === 11 || code === 12;
/**
 * A segment id as it may be shown (in pointers and messages). A garbled segment (a wrong separator)
 * reads as one long "id" holding the whole segment, member names and ids included: never shown.
 */
export function segmentLabel(id: string): string {
  return isSegmentId(id) ? id : 'unreadable';
}

/** /^[A-Z][A-Z0-9]{1,2}$/ without a regex: this runs once per segment. */
function isSegmentId(id: string): boolean {
  const length = id.length;
  if (length < 2 || length > 3) return false;
  const first = id.charCodeAt(0);
  if (first < 65 || first > 90) return false;
  for (let i = 1; i < length; i++) {
    const code = id.charCodeAt(i);
    if (!((code >= 65 && code <= 90) || (code >= 48 && code <= 57))) return false;
  }
  return true;
}

/** Read the ISA header at `start`: separators and the offset just past the ISA terminator. */
function readIsa(text: string, start: number): { separators: X12Separators; isa: string[]; end: number } {
  if (text.length < start + 4) parseError('ISA header is too short', start);
  const element = text.charAt(start + 3);
  if (/[A-Za-z0-9\s]/.test(element)) parseError('ISA element separator is not a delimiter character', start + 3);
  // Split the ISA by the element separator: 16 separators precede ISA16 (TR3 Appendix B, ISA).
  const isa: string[] = ['ISA'];
  let pos = start + 4;
  for (let i = 1; i <= 15; i++) {
    const next = text.indexOf(element, pos);
    if (next === -1 || next - pos > 40) parseError('ISA header is too short or garbled', start);
    isa.push(text.slice(pos, next));
    pos = next + 1;
  }
  if (pos + 1 >= text.length) parseError('ISA header is too short', start);
  const component = text.charAt(pos);
  const segment = text.charAt(pos + 1);
  isa.push(component);
  if (component === element || segment === element || segment === component) parseError('ISA separators collide', pos);
  if (/[A-Za-z0-9 ]/.test(component)) parseError('ISA16 component separator is not a delimiter character', pos);
  if (/[A-Za-z0-9 ]/.test(segment)) parseError('segment terminator after ISA16 is not a delimiter character', pos + 1);
  // ISA11: the repetition separator in 5010; in 4010 it is the standards identifier 'U'.
  const isa11 = isa[11] ?? '';
  const repetition = isa11.length === 1 && !/[A-Za-z0-9 ]/.test(isa11) && isa11 !== element && isa11 !== segment ? isa11 : undefined;
  return { separators: { element, repetition, component, segment }, isa, end: pos + 2 };
}

/**
 * An envelope value (control number, count) as it may be shown in a warning or error: X12 sends
 * them as short codes, but a garbled payload can put anything there, a member's name included.
 */
export function shownCode(value: string): string {
  return /^[A-Za-z0-9]{1,15}$/.test(value) ? value : '?';
}

function warn(warnings: FormatWarning[], code: string, message: string, pointer?: string): void {
  warnings.push(pointer === undefined ? { code, message } : { code, message, pointer });
}

const isLineBreak = (char: string): boolean => char === '\r' || char === '\n';

/**
 * Whether a CR or LF sits inside a segment ended by `terminator` (not after a terminator, another
 * line break or whitespace): only asked when a payload could not be read as it is.
 */
function hasLineBreakInsideSegment(text: string, from: number, terminator: string): boolean {
  const termCode = terminator.charCodeAt(0);
  for (const breakChar of ['\n', '\r']) {
    for (let i = text.indexOf(breakChar, from); i !== -1; i = text.indexOf(breakChar, i + 1)) {
      let j = i - 1;
      while (j >= from && isSpace(text.charCodeAt(j))) j--;
      if (j >= from && text.charCodeAt(j) !== termCode) return true;
    }
  }
  return false;
}

/**
 * A payload written one segment per line whose few lines lack the terminator ('EB*A*IND*52*****0.1'
 * LF 'EB*I*...'): the line break ends the segment, and joining the lines (fixed-width unwrapping)
 * would glue the next segment into the last element and lose it. Returns the payload with the
 * terminator put back before each such break and how many, or undefined when the payload is not
 * that shape: every line break inside a segment must be followed by a segment id and the element
 * separator, and at least four lines out of five must end with the terminator (a payload wrapped
 * at a fixed width has a terminator at a line end only by chance). Line breaks inside the ISA or
 * the first segment after it are left to unwrapping.
 */
function restoreMissingTerminators(text: string, from: number, separators: X12Separators): { text: string; restored: number } | undefined {
  const terminator = separators.segment;
  const termCode = terminator.charCodeAt(0);
  const element = separators.element;
  const inserts: number[] = [];
  let ended = 0;
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code !== 10 && code !== 13) continue;
    let j = i - 1;
    while (j >= from && isSpace(text.charCodeAt(j))) j--;
    let k = i;
    while (k < text.length && isSpace(text.charCodeAt(k))) k++;
    i = k - 1; // a CRLF pair or a run of blank lines is one break
    if (j < from || k >= text.length) continue;
    if (text.charCodeAt(j) === termCode) {
      ended++;
      continue;
    }
    let id = k;
    while (id < text.length && id - k < 3 && /[A-Z0-9]/.test(text.charAt(id))) id++;
    if (id - k < 2 || !/[A-Z]/.test(text.charAt(k)) || text.charAt(id) !== element) return undefined;
    inserts.push(j + 1);
  }
  if (inserts.length === 0 || ended < 4 * inserts.length) return undefined;
  let out = '';
  let last = 0;
  for (const at of inserts) {
    out += text.slice(last, at) + terminator;
    last = at;
  }
  return { text: out + text.slice(last), restored: inserts.length };
}

/**
 * Whether `text` was wrapped at a fixed width: every line but the last has the same length (three
 * lines at least, so that two of them can agree). A writer that wraps at a column cuts anywhere,
 * words included; any other line breaks inside segments are a writer's word wrap.
 */
function isFixedWidth(text: string): boolean {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length < 3) return false;
  const width = lines[0]!.length;
  for (let i = 1; i < lines.length - 1; i++) if (lines[i]!.length !== width) return false;
  return width > 0;
}

/**
 * `text` without its line breaks, and where each character of the result was in `text`. At a fixed
 * width every break is removed (it may cut a word). Otherwise a break between two characters of
 * data stands for the space the writer's word wrap replaced ("...PAYMENT. BENEFITS" LF "ARE
 * SUBJECT..." is "BENEFITS ARE", not "BENEFITSARE"); next to whitespace or a delimiter it is removed.
 * Without separators (a wrapped ISA) every break is removed.
 */
function removeLineBreaks(text: string, separators: X12Separators | undefined): { text: string; origins: Int32Array } {
  const spaced = separators !== undefined && !isFixedWidth(text);
  const delimiters = separators === undefined ? '' : `${separators.element}${separators.component}${separators.segment}${separators.repetition ?? ''}`;
  const isData = (i: number): boolean => i >= 0 && i < text.length && !isSpace(text.charCodeAt(i)) && !delimiters.includes(text.charAt(i));
  const origins = new Int32Array(text.length);
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code !== 13 && code !== 10) {
      origins[out.length] = i;
      out += text.charAt(i);
      continue;
    }
    let end = i;
    while (end + 1 < text.length && (text.charCodeAt(end + 1) === 13 || text.charCodeAt(end + 1) === 10)) end++;
    if (spaced && isData(i - 1) && isData(end + 1)) {
      origins[out.length] = i;
      out += ' ';
    }
    i = end;
  }
  return { text: out, origins };
}

/**
 * Read an X12 payload into transactions; throws DomainError('format.parse-error') when unreadable.
 * When the segment terminator is not CR or LF, line breaks are not part of the data (X12 values
 * cannot hold them), so a payload wrapped at a fixed width, its ISA included, is read with every
 * CR/LF removed, as most X12 parsers do; a payload word-wrapped inside its text (a MSG over two
 * lines) reads each such break as the space it replaced (removeLineBreaks). Error positions still
 * count characters of the payload as sent.
 */
export function readX12(input: string): X12Document {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  let start = 0;
  while (start < text.length && isSpace(text.charCodeAt(start))) start++;
  let first: X12Separators | undefined;
  try {
    if (text.startsWith('ISA', start)) {
      const isa = readIsa(text, start);
      first = isa.separators;
      // "...*:" CRLF "~GS*": a wrap between ISA16 and the real terminator reads as a CR terminator
      // followed by a segment that does not start with a letter.
      let next = isa.end;
      while (next < text.length && isSpace(text.charCodeAt(next))) next++;
      const code = text.charCodeAt(next);
      if (isLineBreak(first.segment) && next < text.length && !(code >= 65 && code <= 90)) first = undefined;
    }
  } catch {
    first = undefined; // perhaps a line break inside the ISA: read again without them
  }
  // The usual payload is read once; one with a line break inside a segment (the reader notes it
  // while it looks for terminators) is read again without line breaks.
  if (first !== undefined && !isLineBreak(first.component)) {
    let read: { doc: X12Document; lineBreakInSegment: boolean };
    try {
      read = readPayload(text);
    } catch (error) {
      // A wrap can split a segment id or an envelope segment: unreadable as sent, perhaps readable unwrapped.
      if (isLineBreak(first.segment) || !hasLineBreakInsideSegment(text, start, first.segment)) throw error;
      read = { doc: { transactions: [], interchangeCount: 0, warnings: [], interchangeAcks: [] }, lineBreakInSegment: true };
    }
    if (!read.lineBreakInSegment) return read.doc;
    const restored = isLineBreak(first.segment) ? undefined : restoreMissingTerminators(text, start, first);
    if (restored !== undefined) {
      try {
        const again = readPayload(restored.text);
        if (!again.lineBreakInSegment) {
          again.doc.warnings.unshift({
            code: 'x12.envelope.missing-terminator',
            message: `${restored.restored} segment(s) ended at a line break without the segment terminator; the line break was read as the terminator`,
          });
          return again.doc;
        }
      } catch {
        // not that shape after all: unwrap below
      }
    }
  } else if (!text.startsWith('ISA', start)) {
    return readPayload(text).doc;
  }
  const body = removeLineBreaks(text.slice(start), first);
  try {
    const { doc } = readPayload(text.slice(0, start) + body.text);
    doc.warnings.unshift({ code: 'x12.envelope.line-wrapped', message: 'line breaks inside segments (wrapped lines) were removed before reading; a word-wrap break inside text was read as a space' });
    return doc;
  } catch (error) {
    const position = error instanceof DomainError ? error.meta['position'] : undefined;
    if (typeof position !== 'number' || !(error instanceof DomainError)) throw error;
    const at = position - start;
    const original = start + (at < body.text.length ? body.origins[at]! : text.length - start);
    throw new DomainError(error.code, error.message.replace(/\(at character \d+\)$/, `(at character ${original})`), { meta: { ...error.meta, position: original } });
  }
}

/** readX12 on a payload as it is; says whether a segment ended by a terminator other than CR/LF held a line break. */
function readPayload(text: string): { doc: X12Document; lineBreakInSegment: boolean } {
  const warnings: FormatWarning[] = [];
  const transactions: X12Transaction[] = [];
  const interchangeAcks: X12Segment[] = [];
  let lineBreakInSegment = false;
  let pos = 0;
  while (pos < text.length && isSpace(text.charCodeAt(pos))) pos++;
  if (!text.startsWith('ISA', pos)) parseError('payload does not start with an ISA interchange header', pos);
  let interchangeCount = 0;
  const length = text.length;
  // A 271 EB line has about one separator per two or three characters; grown when a payload has more.
  const seps = new SeparatorPositions((length >> 1) + 64);

  while (pos < text.length) {
    const isaStart = pos;
    const { separators, isa, end } = readIsa(text, pos);
    interchangeCount++;
    pos = end;
    const termCode = separators.segment.charCodeAt(0);
    const elCode = separators.element.charCodeAt(0);
    const interchangeVersion = isa[12] ?? '';
    const isaControl = (isa[13] ?? '').trim();
    let groupCount = 0;
    let group: { control: string; version: string; txCount: number; offset: number } | undefined;
    let current: X12Transaction | undefined;
    let closed = false;

    while (pos < text.length) {
      while (pos < text.length && isSpace(text.charCodeAt(pos))) pos++;
      if (pos >= text.length) break;
      // One pass to the terminator, noting the element separators on the way.
      const offset = pos;
      const first = seps.count;
      const next = seps.scan(text, pos, termCode, elCode);
      pos = next + 1;
      // With a CR or LF terminator a CRLF pair leaves the other half behind: trim line ends.
      let end = next;
      while (end > offset) {
        const last = text.charCodeAt(end - 1);
        if (last !== 13 && last !== 10) break;
        end--;
      }
      if (end === offset) continue;
      // Line ends are never element separators (readIsa refuses whitespace), so all of them are before `end`.
      const count = seps.count - first;
      seps.close(end);
      const id = sliceValue(text, offset, seps.at[first] ?? end);
      if (id === 'ISA') {
        // A new interchange without IEA: re-read separators from this header.
        warn(warnings, 'x12.envelope.missing-iea', `interchange ${interchangeCount} has no IEA trailer`);
        pos = offset;
        seps.count = first;
        break;
      }
      const seg = new X12Segment(text, offset, id, separators, seps.at, first, count);
      if (!isSegmentId(id)) {
        if (current === undefined) parseError('unreadable segment outside a transaction set', offset);
        warn(warnings, 'x12.segment.unreadable', `segment ${current.segments.length + 1} of ST ${shownCode(current.controlNumber)} has an unreadable id`);
      }
      switch (id) {
        case 'GS':
          if (current !== undefined) parseError('GS inside an open transaction set (missing SE)', offset);
          if (group !== undefined) warn(warnings, 'x12.envelope.missing-ge', `functional group ${shownCode(group.control)} has no GE trailer`);
          group = { control: seg.el(6), version: seg.el(8), txCount: 0, offset };
          groupCount++;
          continue;
        case 'GE':
          if (current !== undefined) parseError('GE inside an open transaction set (missing SE)', offset);
          if (group === undefined) {
            warn(warnings, 'x12.envelope.orphan-ge', 'GE without a GS');
            continue;
          }
          if (seg.el(2) !== group.control) warn(warnings, 'x12.control.ge02-mismatch', `GE02 does not match GS06 (${shownCode(group.control)})`);
          if (seg.el(1) !== String(group.txCount)) warn(warnings, 'x12.count.ge01-mismatch', `GE01 says ${shownCode(seg.el(1))} transaction sets, the group has ${group.txCount}`);
          group = undefined;
          continue;
        case 'ST': {
          if (current !== undefined) parseError('ST inside an open transaction set (missing SE)', offset);
          if (group === undefined) warn(warnings, 'x12.envelope.missing-gs', 'ST outside a functional group');
          else group.txCount++;
          const groupVersion = group?.version ?? '';
          current = {
            setId: seg.el(1),
            controlNumber: seg.el(2),
            version: seg.opt(3) ?? groupVersion,
            groupVersion,
            interchangeVersion,
            separators,
            segments: [seg],
          };
          seg.position = 1;
          continue;
        }
        case 'SE': {
          if (current === undefined) {
            warn(warnings, 'x12.envelope.orphan-se', 'SE without an ST');
            continue;
          }
          current.segments.push(seg);
          seg.position = current.segments.length;
          if (seg.el(2) !== current.controlNumber) warn(warnings, 'x12.control.se02-mismatch', `SE02 does not match ST02 (${shownCode(current.controlNumber)})`, `ST ${shownCode(current.controlNumber)}`);
          if (seg.el(1) !== String(current.segments.length)) {
            warn(warnings, 'x12.count.se01-mismatch', `SE01 says ${shownCode(seg.el(1))} segments, ST ${shownCode(current.controlNumber)} has ${current.segments.length}`, `ST ${shownCode(current.controlNumber)}`);
          }
          transactions.push(current);
          current = undefined;
          continue;
        }
        case 'IEA':
          if (current !== undefined) parseError('IEA inside an open transaction set (missing SE)', offset);
          if (group !== undefined) warn(warnings, 'x12.envelope.missing-ge', `functional group ${shownCode(group.control)} has no GE trailer`);
          if (seg.el(2).trim() !== isaControl) warn(warnings, 'x12.control.iea02-mismatch', `IEA02 does not match ISA13 (${shownCode(isaControl)})`);
          if (seg.el(1) !== String(groupCount)) warn(warnings, 'x12.count.iea01-mismatch', `IEA01 says ${shownCode(seg.el(1))} groups, the interchange has ${groupCount}`);
          closed = true;
          break;
        default:
          if (current === undefined) {
            if (id === 'TA1') {
              interchangeAcks.push(seg);
              continue;
            }
            warn(warnings, 'x12.segment.orphan', `${segmentLabel(id)} segment outside a transaction set`);
            continue;
          }
          current.segments.push(seg);
          seg.position = current.segments.length;
          continue;
      }
      break; // IEA
    }
    // A line break met before a terminator that is not itself CR/LF: the payload is wrapped.
    if (seps.lineBreak && termCode !== 10 && termCode !== 13) lineBreakInSegment = true;
    seps.lineBreak = false;
    if (current !== undefined) parseError(`transaction set ST ${shownCode(current.controlNumber)} is not closed by SE (truncated payload?)`, current.segments[0]?.offset ?? isaStart);
    if (!closed && pos >= text.length) {
      if (group !== undefined) warn(warnings, 'x12.envelope.missing-ge', `functional group ${shownCode(group.control)} has no GE trailer`);
      warn(warnings, 'x12.envelope.missing-iea', `interchange ${interchangeCount} has no IEA trailer`);
    }
    while (pos < text.length && isSpace(text.charCodeAt(pos))) pos++;
    if (pos < text.length && !text.startsWith('ISA', pos)) {
      warn(warnings, 'x12.envelope.trailing-data', `data after the IEA trailer at character ${pos} was ignored`);
      break;
    }
  }
  if (transactions.length === 0 && interchangeAcks.length === 0) parseError('payload has no complete ST..SE transaction set', 0);
  return { doc: { transactions, interchangeCount, warnings, interchangeAcks }, lineBreakInSegment };
}
