/**
 * The one place where failures become HTTP: domain error kinds map to status codes, and every
 * error leaves as RFC 9457 application/problem+json. 5xx details never leave the process.
 */
import type { FastifyError } from 'fastify';
import { DomainError, ERROR_CATALOG, type ErrorCode, type ErrorKind, type FieldError } from '../core/errors.js';

/** RFC 9457 problem details as this service sends them. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
  meta?: Record<string, string | number | boolean>;
}

/** HTTP status for each domain error kind. */
export const STATUS_BY_KIND: Record<ErrorKind, number> = {
  'invalid-input': 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  'method-not-allowed': 405,
  'not-acceptable': 406,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  unprocessable: 422,
  'rate-limited': 429,
  internal: 500,
  'upstream-invalid': 502,
  'upstream-rejected': 422,
  'upstream-unavailable': 503,
  unavailable: 503,
  'upstream-timeout': 504,
};

/** The documentation anchor for a problem code, on the reference page. */
export function problemType(code: string): string {
  return `/reference#problem-${code}`;
}

/** Builds a problem from a catalog code. */
export function problemFromCode(
  code: ErrorCode,
  detail: string,
  extra: { instance?: string; requestId?: string; errors?: FieldError[]; meta?: Record<string, string | number | boolean> } = {},
): Problem {
  const entry = ERROR_CATALOG[code];
  const problem: Problem = {
    type: problemType(code),
    title: entry.title,
    status: STATUS_BY_KIND[entry.kind],
    code,
    detail,
  };
  if (extra.instance) problem.instance = extra.instance;
  if (extra.requestId) problem.requestId = extra.requestId;
  if (extra.errors && extra.errors.length > 0) problem.errors = extra.errors;
  if (extra.meta && Object.keys(extra.meta).length > 0) problem.meta = extra.meta;
  return problem;
}

/** AJV-style validation error as Fastify reports it. */
interface ValidationItem {
  instancePath?: string;
  keyword?: string;
  message?: string;
  params?: Record<string, unknown>;
}

function escapePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** What a format failure means, in the words a person fixing the field needs. */
const FORMAT_MESSAGES: Readonly<Record<string, string>> = {
  date: 'must be a calendar date written YYYY-MM-DD',
  'date-time': 'must be a date and time (RFC 3339, e.g. 2026-12-07T09:30:00Z)',
  npi: 'must be a valid NPI: 10 digits whose last is the check digit (this one does not match; check for a typo)',
  email: 'must be an email address',
  uri: 'must be a URL',
};

/** Turns Fastify/AJV validation errors into field errors with JSON pointers and no input values. */
export function fieldErrorsFromValidation(items: readonly ValidationItem[], context: string | undefined): FieldError[] {
  const prefix = context === 'querystring' ? '/query' : context === 'params' ? '/path' : context === 'headers' ? '/headers' : '';
  return items.map((item) => {
    let pointer = `${prefix}${item.instancePath ?? ''}`;
    let message = item.message ?? 'is not valid';
    const params = item.params ?? {};
    if (item.keyword === 'required' && typeof params.missingProperty === 'string') {
      pointer = `${pointer}/${escapePointerToken(params.missingProperty)}`;
      message = 'is required';
    } else if (item.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
      pointer = `${pointer}/${escapePointerToken(params.additionalProperty)}`;
      message = 'is not an allowed property';
    } else if (item.keyword === 'enum' && Array.isArray(params.allowedValues)) {
      message = `must be one of: ${params.allowedValues.map(String).join(', ')}`;
    } else if (item.keyword === 'format' && typeof params.format === 'string') {
      message = FORMAT_MESSAGES[params.format] ?? message;
    }
    return { pointer: pointer || '/', message };
  });
}

/** Maps any thrown error to a problem. Unknown errors become an opaque 500. */
export function problemFromError(error: unknown, request: { url: string; id: string }): Problem {
  const instance = request.url.split('?')[0] ?? request.url;
  const base = { instance, requestId: request.id };
  if (error instanceof DomainError) {
    return problemFromCode(error.code, error.message, { ...base, errors: error.errors, meta: error.meta });
  }
  const fastifyError = error as Partial<FastifyError> & { validation?: ValidationItem[]; validationContext?: string };
  if (Array.isArray(fastifyError.validation)) {
    const errors = fieldErrorsFromValidation(fastifyError.validation, fastifyError.validationContext);
    return problemFromCode('request.invalid', `${errors.length} field${errors.length === 1 ? ' is' : 's are'} not valid`, {
      ...base,
      errors,
    });
  }
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return problemFromCode('request.malformed-json', 'The request body could not be parsed as JSON', base);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problemFromCode('request.body-too-large', 'The request body exceeds the size limit for this endpoint', base);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return problemFromCode('request.unsupported-media-type', 'Send the request body as application/json', base);
    default:
      break;
  }
  if (error instanceof SyntaxError && typeof fastifyError.statusCode === 'number' && fastifyError.statusCode === 400) {
    return problemFromCode('request.malformed-json', 'The request body could not be parsed as JSON', base);
  }
  const status = typeof fastifyError.statusCode === 'number' ? fastifyError.statusCode : 500;
  if (status >= 400 && status < 500) {
    // A client error Fastify raised that has no catalog entry: keep the status, give a generic code.
    return { ...problemFromCode('request.invalid', 'The request could not be processed', base), status };
  }
  return problemFromCode('internal', 'An unexpected error occurred. Quote the request id when reporting it.', base);
}
