/**
 * Content negotiation on Accept (RFC 9110 12.5.1): a route answers 406 Not Acceptable when the caller
 * accepts none of the media types the contract says it returns, instead of sending JSON to a client
 * that said it cannot read it. Errors are always problem+json, so they are always acceptable.
 */
import { DomainError } from '../core/errors.js';

interface AcceptRange {
  type: string;
  subtype: string;
  q: number;
}

function parseAccept(header: string): AcceptRange[] {
  const ranges: AcceptRange[] = [];
  for (const part of header.split(',')) {
    const [range = '', ...params] = part.split(';');
    const [type = '', subtype = ''] = range.trim().toLowerCase().split('/');
    if (type === '' || subtype === '') continue; // a malformed range is ignored, as servers commonly do
    let q = 1;
    for (const param of params) {
      const [name, value] = param.split('=').map((s) => s.trim().toLowerCase());
      if (name === 'q' && value !== undefined && /^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(value)) q = Number(value);
    }
    ranges.push({ type, subtype, q });
  }
  return ranges;
}

function matches(range: AcceptRange, mediaType: string): boolean {
  const [type, subtype] = mediaType.split('/');
  return (range.type === '*' || range.type === type) && (range.subtype === '*' || range.subtype === subtype);
}

const specificity = (range: AcceptRange): number => (range.type === '*' ? 0 : range.subtype === '*' ? 1 : 2);

/** The range that speaks for `mediaType`: the most specific one matching it, the first written on a tie. */
function rangeFor(ranges: readonly AcceptRange[], mediaType: string): { range: AcceptRange; position: number } | undefined {
  let chosen: { range: AcceptRange; position: number } | undefined;
  ranges.forEach((range, position) => {
    if (matches(range, mediaType) && (chosen === undefined || specificity(range) > specificity(chosen.range))) chosen = { range, position };
  });
  return chosen;
}

/**
 * The one of `offered` the Accept header prefers: the highest q, read from the range that speaks for
 * it (so application/json;q=0 beside a wildcard still refuses JSON), ties going to the range written
 * first; undefined when none is acceptable. No header (or no valid range) prefers the first offered.
 */
export function preferredOf(acceptHeader: string | undefined, offered: readonly string[]): string | undefined {
  const ranges = acceptHeader === undefined ? [] : parseAccept(acceptHeader);
  if (ranges.length === 0) return offered[0];
  let best: { mediaType: string; q: number; position: number } | undefined;
  for (const mediaType of offered) {
    const chosen = rangeFor(ranges, mediaType);
    if (chosen === undefined || chosen.range.q <= 0) continue;
    if (best === undefined || chosen.range.q > best.q || (chosen.range.q === best.q && chosen.position < best.position)) {
      best = { mediaType, q: chosen.range.q, position: chosen.position };
    }
  }
  return best?.mediaType;
}

/** True when the Accept header allows one of `offered` (absent or empty headers accept anything). */
export function acceptsAnyOf(acceptHeader: string | undefined, offered: readonly string[]): boolean {
  return offered.length === 0 || preferredOf(acceptHeader, offered) !== undefined;
}

/** True when the Accept header names one of `types` itself (not through a wildcard) with q above 0. */
export function namesAnyOf(acceptHeader: string | undefined, types: readonly string[]): boolean {
  if (acceptHeader === undefined) return false;
  return parseAccept(acceptHeader).some((range) => range.q > 0 && types.includes(`${range.type}/${range.subtype}`));
}

/** The 406 problem for a route that offers `offered`. */
export function notAcceptable(offered: readonly string[]): DomainError {
  return new DomainError('request.not-acceptable', `This resource answers with ${offered.join(' or ')}; send an Accept header that allows one of them`, {
    meta: { acceptable: offered.join(', ') },
  });
}


