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

/** One segment: its id and elements, with spec-named 1-based accessors. */
export class X12Segment {
  /** Segment id, e.g. 'EB'. */
  readonly id: string;
  /** elements[0] is the id, so elements[3] is the third data element (EB03). */
  readonly elements: readonly string[];
  /** Character offset of the segment in the payload (for error positions, never content). */
  readonly offset: number;
  /** 1-based position in its transaction set (ST = 1, as SE01 counts and 999 IK302 reports); 0 outside one. */
  position = 0;
  /** The separators of the interchange this segment came from. */
  readonly separators: X12Separators;

  constructor(elements: string[], offset: number, separators: X12Separators) {
    this.id = elements[0] ?? '';
    this.elements = elements;
    this.offset = offset;
    this.separators = separators;
  }

  /** Element n (1-based), or '' when absent. */
  el(n: number): string {
    return this.elements[n] ?? '';
  }

  /** Element n, or undefined when absent or empty. */
  opt(n: number): string | undefined {
    const value = this.elements[n];
    return value === undefined || value === '' ? undefined : value;
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
    const value = this.el(n);
    if (value === '') return [];
    const rep = this.separators.repetition;
    return rep === undefined ? [value] : value.split(rep).filter((v) => v !== '');
  }

  /** Composite element n split by the component separator (ISA16). */
  components(n: number): string[] {
    const value = this.el(n);
    return value === '' ? [] : value.split(this.separators.component);
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
  warnings: FormatWarning[];
}

/** Throw the one error a garbled payload produces: a position, no content. */
function parseError(message: string, position: number): never {
  throw new DomainError('format.parse-error', `${message} (at character ${position})`, { meta: { position } });
}

const isSpace = (code: number): boolean => code === 32 || code === 9 || code === 10 || code === 13 || code === 11 || code === 12;
const SEGMENT_ID = /^[A-Z][A-Z0-9]{1,2}$/;

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

function warn(warnings: FormatWarning[], code: string, message: string, pointer?: string): void {
  warnings.push(pointer === undefined ? { code, message } : { code, message, pointer });
}

/** Read an X12 payload into transactions; throws DomainError('format.parse-error') when unreadable. */
export function readX12(input: string): X12Document {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const warnings: FormatWarning[] = [];
  const transactions: X12Transaction[] = [];
  let pos = 0;
  while (pos < text.length && isSpace(text.charCodeAt(pos))) pos++;
  if (!text.startsWith('ISA', pos)) parseError('payload does not start with an ISA interchange header', pos);
  let interchangeCount = 0;

  while (pos < text.length) {
    const isaStart = pos;
    const { separators, isa, end } = readIsa(text, pos);
    interchangeCount++;
    pos = end;
    const term = separators.segment;
    const el = separators.element;
    const interchangeVersion = isa[12] ?? '';
    const isaControl = (isa[13] ?? '').trim();
    let groupCount = 0;
    let group: { control: string; version: string; txCount: number; offset: number } | undefined;
    let current: X12Transaction | undefined;
    let closed = false;

    while (pos < text.length) {
      while (pos < text.length && isSpace(text.charCodeAt(pos))) pos++;
      if (pos >= text.length) break;
      let next = text.indexOf(term, pos);
      if (next === -1) next = text.length;
      let raw = text.slice(pos, next);
      const offset = pos;
      pos = next + 1;
      // With a CR or LF terminator a CRLF pair leaves the other half behind: trim line ends.
      let last = raw.charCodeAt(raw.length - 1);
      while (raw.length > 0 && (last === 13 || last === 10)) {
        raw = raw.slice(0, -1);
        last = raw.charCodeAt(raw.length - 1);
      }
      if (raw === '') continue;
      const elements = raw.split(el);
      const id = elements[0] ?? '';
      if (id === 'ISA') {
        // A new interchange without IEA: re-read separators from this header.
        warn(warnings, 'x12.envelope.missing-iea', `interchange ${interchangeCount} has no IEA trailer`);
        pos = offset;
        break;
      }
      const seg = new X12Segment(elements, offset, separators);
      if (!SEGMENT_ID.test(id)) {
        if (current === undefined) parseError('unreadable segment outside a transaction set', offset);
        warn(warnings, 'x12.segment.unreadable', `segment ${current.segments.length + 1} of ST ${current.controlNumber} has an unreadable id`);
      }
      switch (id) {
        case 'GS':
          if (current !== undefined) parseError('GS inside an open transaction set (missing SE)', offset);
          if (group !== undefined) warn(warnings, 'x12.envelope.missing-ge', `functional group ${group.control} has no GE trailer`);
          group = { control: seg.el(6), version: seg.el(8), txCount: 0, offset };
          groupCount++;
          continue;
        case 'GE':
          if (current !== undefined) parseError('GE inside an open transaction set (missing SE)', offset);
          if (group === undefined) {
            warn(warnings, 'x12.envelope.orphan-ge', 'GE without a GS');
            continue;
          }
          if (seg.el(2) !== group.control) warn(warnings, 'x12.control.ge02-mismatch', `GE02 does not match GS06 (${group.control})`);
          if (seg.el(1) !== String(group.txCount)) warn(warnings, 'x12.count.ge01-mismatch', `GE01 says ${seg.el(1)} transaction sets, the group has ${group.txCount}`);
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
          if (seg.el(2) !== current.controlNumber) warn(warnings, 'x12.control.se02-mismatch', `SE02 does not match ST02 (${current.controlNumber})`, `ST ${current.controlNumber}`);
          if (seg.el(1) !== String(current.segments.length)) {
            warn(warnings, 'x12.count.se01-mismatch', `SE01 says ${seg.el(1)} segments, ST ${current.controlNumber} has ${current.segments.length}`, `ST ${current.controlNumber}`);
          }
          transactions.push(current);
          current = undefined;
          continue;
        }
        case 'IEA':
          if (current !== undefined) parseError('IEA inside an open transaction set (missing SE)', offset);
          if (group !== undefined) warn(warnings, 'x12.envelope.missing-ge', `functional group ${group.control} has no GE trailer`);
          if (seg.el(2).trim() !== isaControl) warn(warnings, 'x12.control.iea02-mismatch', `IEA02 does not match ISA13 (${isaControl})`);
          if (seg.el(1) !== String(groupCount)) warn(warnings, 'x12.count.iea01-mismatch', `IEA01 says ${seg.el(1)} groups, the interchange has ${groupCount}`);
          closed = true;
          break;
        default:
          if (current === undefined) {
            warn(warnings, 'x12.segment.orphan', `${SEGMENT_ID.test(id) ? id : 'unreadable'} segment outside a transaction set`);
            continue;
          }
          current.segments.push(seg);
          seg.position = current.segments.length;
          continue;
      }
      break; // IEA
    }
    if (current !== undefined) parseError(`transaction set ST ${current.controlNumber} is not closed by SE (truncated payload?)`, current.segments[0]?.offset ?? isaStart);
    if (!closed && pos >= text.length) {
      if (group !== undefined) warn(warnings, 'x12.envelope.missing-ge', `functional group ${group.control} has no GE trailer`);
      warn(warnings, 'x12.envelope.missing-iea', `interchange ${interchangeCount} has no IEA trailer`);
    }
    while (pos < text.length && isSpace(text.charCodeAt(pos))) pos++;
    if (pos < text.length && !text.startsWith('ISA', pos)) {
      warn(warnings, 'x12.envelope.trailing-data', `data after the IEA trailer at character ${pos} was ignored`);
      break;
    }
  }
  if (transactions.length === 0) parseError('payload has no complete ST..SE transaction set', 0);
  return { transactions, interchangeCount, warnings };
}
