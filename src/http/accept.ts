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

/**
 * True when the Accept header allows one of `offered`: absent or empty headers accept anything; the
 * most specific matching range decides (so application/json;q=0 beside a wildcard still refuses JSON).
 */
export function acceptsAnyOf(acceptHeader: string | undefined, offered: readonly string[]): boolean {
  if (acceptHeader === undefined || acceptHeader.trim() === '') return true;
  const ranges = parseAccept(acceptHeader);
  if (ranges.length === 0) return true;
  const specificity = (range: AcceptRange) => (range.type === '*' ? 0 : range.subtype === '*' ? 1 : 2);
  return offered.some((mediaType) => {
    const best = ranges.filter((range) => matches(range, mediaType)).sort((a, b) => specificity(b) - specificity(a))[0];
    return best !== undefined && best.q > 0;
  });
}

/**
 * The one of `offered` the Accept header prefers: the highest q (read from the most specific
 * matching range, as acceptsAnyOf reads it), ties going to the range written first; undefined when
 * none is acceptable. No header (or no valid range) prefers the first offered.
 */
export function preferredOf(acceptHeader: string | undefined, offered: readonly string[]): string | undefined {
  const ranges = acceptHeader === undefined ? [] : parseAccept(acceptHeader);
  if (ranges.length === 0) return offered[0];
  const specificity = (range: AcceptRange) => (range.type === '*' ? 0 : range.subtype === '*' ? 1 : 2);
  let best: { mediaType: string; q: number; position: number } | undefined;
  for (const mediaType of offered) {
    let chosen: { range: AcceptRange; position: number } | undefined;
    ranges.forEach((range, position) => {
      if (matches(range, mediaType) && (chosen === undefined || specificity(range) > specificity(chosen.range))) chosen = { range, position };
    });
    if (chosen === undefined || chosen.range.q <= 0) continue;
    if (best === undefined || chosen.range.q > best.q || (chosen.range.q === best.q && chosen.position < best.position)) {
      best = { mediaType, q: chosen.range.q, position: chosen.position };
    }
  }
  return best?.mediaType;
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


