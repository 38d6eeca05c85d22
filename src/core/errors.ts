/**
 * The catalog of stable error codes. Callers branch on `code`, never on messages. The core knows
 * only each code's kind; one function at the HTTP edge (src/http/problem.ts) maps kinds to status.
 * Error metadata never carries PHI: no member ids, names or dates of birth.
 */

/** What kind of failure a code is; the HTTP edge maps kinds to status codes. */
export type ErrorKind =
  | 'invalid-input' // the caller sent something wrong (400)
  | 'unprocessable' // well-formed but cannot be acted on (422)
  | 'unauthenticated' // 401
  | 'forbidden' // 403
  | 'not-found' // 404
  | 'method-not-allowed' // 405
  | 'not-acceptable' // 406
  | 'payload-too-large' // 413
  | 'unsupported-media-type' // 415
  | 'rate-limited' // 429
  | 'upstream-invalid' // a payer answered with something we cannot read (502)
  | 'upstream-rejected' // a payer answered with a definitive rejection (422: the inquiry needs fixing, e.g. unknown member)
  | 'upstream-unavailable' // a payer could not be reached or is down (503)
  | 'upstream-timeout' // a payer did not answer in time (504)
  | 'unavailable' // this service cannot serve right now (503)
  | 'internal'; // a bug (500); details never leave the process

/** The catalog: code -> kind and a short title. Add codes here, never inline. */
export const ERROR_CATALOG = {
  'request.invalid': { kind: 'invalid-input', title: 'The request is not valid' },
  'request.malformed-json': { kind: 'invalid-input', title: 'The request body is not valid JSON' },
  'request.body-too-large': { kind: 'payload-too-large', title: 'The request body is too large' },
  'request.unsupported-media-type': { kind: 'unsupported-media-type', title: 'The request body media type is not supported' },
  'request.not-acceptable': { kind: 'not-acceptable', title: 'No acceptable representation is available' },
  'route.not-found': { kind: 'not-found', title: 'No such resource' },
  'route.method-not-allowed': { kind: 'method-not-allowed', title: 'Method not allowed on this resource' },
  'payer.not-found': { kind: 'not-found', title: 'Unknown payer' },
  'payer.timeout': { kind: 'upstream-timeout', title: 'The payer did not answer in time' },
  'payer.unavailable': { kind: 'upstream-unavailable', title: 'The payer could not be reached' },
  'payer.circuit-open': { kind: 'upstream-unavailable', title: 'The payer is failing; calls are paused' },
  'payer.rejected': { kind: 'upstream-rejected', title: 'The payer rejected the inquiry' },
  'payer.malformed-response': { kind: 'upstream-invalid', title: 'The payer response could not be read' },
  'format.parse-error': { kind: 'unprocessable', title: 'The payer document could not be parsed' },
  'format.unsupported': { kind: 'unprocessable', title: 'The payer document format is not supported' },
  'format.unrecognized': { kind: 'invalid-input', title: 'The document format could not be detected' },
  'plan.invalid': { kind: 'unprocessable', title: 'The treatment plan is not possible' },
  'pricing.missing-rate': { kind: 'unprocessable', title: 'No price is known for a billed code' },
  'estimate.invalid': { kind: 'unprocessable', title: 'The estimate cannot be computed from these inputs' },
  'sliding-scale.invalid': { kind: 'invalid-input', title: 'The sliding-scale inputs are not valid' },
  'sliding-scale.no-guideline': { kind: 'unprocessable', title: 'No poverty guideline applies to that date and region' },
  'prior-auth.invalid': { kind: 'invalid-input', title: 'The prior-authorization inputs are not valid' },
  'auth.missing-key': { kind: 'unauthenticated', title: 'An API key is required' },
  'auth.invalid-key': { kind: 'unauthenticated', title: 'The API key is not valid' },
  'auth.insufficient-scope': { kind: 'forbidden', title: 'The API key does not allow this' },
  'rate-limit.exceeded': { kind: 'rate-limited', title: 'Too many requests' },
  'service.unavailable': { kind: 'unavailable', title: 'The service cannot serve right now' },
  internal: { kind: 'internal', title: 'Internal error' },
} as const satisfies Record<string, { kind: ErrorKind; title: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOG;

/** One failing input field, as a JSON pointer and a message with no PHI in it. */
export interface FieldError {
  /** JSON pointer into the request, e.g. "/subscriber/dateOfBirth". */
  pointer: string;
  message: string;
}

/** A domain failure: a stable code, a PHI-free detail, optional field errors and metadata. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly kind: ErrorKind;
  readonly title: string;
  readonly errors: FieldError[];
  /** Non-PHI facts for callers (e.g. { payerId, aaaCode, retryAfterSeconds }). */
  readonly meta: Record<string, string | number | boolean>;

  constructor(
    code: ErrorCode,
    detail: string,
    options: { errors?: FieldError[]; meta?: Record<string, string | number | boolean>; cause?: unknown } = {},
  ) {
    super(detail, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DomainError';
    this.code = code;
    this.kind = ERROR_CATALOG[code].kind;
    this.title = ERROR_CATALOG[code].title;
    this.errors = options.errors ?? [];
    this.meta = options.meta ?? {};
  }
}

/** True when a value is a DomainError. */
export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}

/** A payer that ran past its deadline, said so a coordinator knows what to do next. */
export function payerDeadlineMessage(deadlineMs: number): string {
  const seconds = Math.round(deadlineMs / 100) / 10;
  return `The payer did not answer within ${seconds} s. Try again in a few minutes; if it keeps timing out, call the payer's provider line or check its status page.`;
}
