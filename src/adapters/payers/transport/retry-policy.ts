/**
 * What may be retried and how long to wait. A 270 is a read-only inquiry, so resending it is safe,
 * but hammering a struggling payer is not: waits use full-jitter exponential backoff, honour
 * Retry-After, and never run past the call's deadline (CAQH CORE 156: a 271 within 20 seconds).
 */
import type { CoverageFormat } from '../../../core/coverage/coverage-model.js';

/** HTTP statuses worth another attempt: rate limited, and gateway-side failures. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);

/**
 * AAA reject reasons that mean "try again later" (facts 2.11 and 8.1):
 * 42 Unable to Respond at Current Time; 80 No Response Received - Transaction Terminated.
 * Every other AAA code is a definitive answer and is returned to the caller as a normal response.
 */
export const RETRYABLE_AAA_CODES: ReadonlySet<string> = new Set(['42', '80']);

/**
 * Full-jitter backoff (AWS Architecture Blog, "Exponential Backoff And Jitter"): a uniform random
 * wait in [0, min(maxDelay, base * 2^retry)). `retry` is 0 for the first retry.
 */
export function fullJitterDelayMs(retry: number, baseDelayMs: number, maxDelayMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.min(retry, 30));
  return Math.floor(random() * ceiling);
}

/**
 * Parses a Retry-After header (RFC 9110 10.2.3: delay-seconds or an HTTP-date) into whole seconds
 * from `nowMs`; undefined when absent or unreadable. A date in the past means "now" (0).
 */
export function parseRetryAfterSeconds(header: string | null | undefined, nowMs: number): number | undefined {
  if (header === null || header === undefined) return undefined;
  const value = header.trim();
  if (/^\d{1,9}$/.test(value)) return Number(value);
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - nowMs) / 1000));
}

function escapeForRegExp(char: string): string {
  return char.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}

/**
 * The retryable AAA code (42 or 80) a payer's 2xx answer carries, if any. Cheap on purpose (no full
 * parse): X12 reads its separators from the ISA header and matches AAA03; JSON formats look at
 * `errors[].code` (clearinghouse) and `error[].code.coding[].code` (FHIR).
 */
export function findRetryableAaaCode(body: string, format: CoverageFormat): string | undefined {
  if (format === 'x12-271') {
    const text = body.replace(/^\uFEFF/, '').trimStart();
    if (!text.startsWith('ISA') || text.length < 106) return undefined;
    const element = escapeForRegExp(text.charAt(3));
    const segment = escapeForRegExp(text.charAt(105));
    // AAA01 is Y/N, AAA02 is empty or a reserved value, AAA03 is the reject reason code.
    const aaa = new RegExp(`AAA${element}[YN]${element}[^${element}${segment}]*${element}(\\w{2})(?=${element}|${segment}|\\s|$)`, 'g');
    for (const match of text.matchAll(aaa)) {
      if (match[1] !== undefined && RETRYABLE_AAA_CODES.has(match[1])) return match[1];
    }
    return undefined;
  }
  if (format === 'clearinghouse-json' || format === 'fhir-r4') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return undefined;
    }
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const record = parsed as { errors?: unknown; error?: unknown };
    const codes: unknown[] = [];
    if (Array.isArray(record.errors)) for (const e of record.errors) codes.push((e as { code?: unknown } | null)?.code);
    if (Array.isArray(record.error)) {
      for (const e of record.error) {
        const coding = (e as { code?: { coding?: unknown } } | null)?.code?.coding;
        if (Array.isArray(coding)) for (const c of coding) codes.push((c as { code?: unknown } | null)?.code);
      }
    }
    return codes.find((c): c is string => typeof c === 'string' && RETRYABLE_AAA_CODES.has(c));
  }
  return undefined;
}
