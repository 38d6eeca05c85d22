/**
 * The real-payer PayerGateway: builds the request for the payer's wire format, sends it with
 * global fetch through a pooled undici Agent, and turns every failure into a DomainError with a
 * stable code. Behaviour is layered by wrapping (outermost first):
 *
 *   deadline -> circuit breaker -> abort classification -> concurrency limit -> send with retries
 *
 * so a call never outlives its deadline (CAQH CORE 156: 20 s), an open circuit fails before
 * queueing, and queue time counts against the deadline like any other wait.
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Dispatcher } from 'undici';
import type { Clock, EligibilityInquiry, PayerGateway, RawPayerResponse } from '../../../core/ports.js';
import { DomainError, isDomainError, payerDeadlineMessage } from '../../../core/errors.js';
import type { PayerEntry } from '../../data-files/payer-directory-file.js';
import { createCircuitBreaker, withCircuitBreaker, type CircuitBreaker, type CircuitState } from './circuit-breaker.js';
import { withConcurrencyLimit } from './concurrency-limit.js';
import { createOAuth2TokenSource, type OAuth2TokenSource } from './oauth2-token-source.js';
import { createPayerAgent, fetchVia } from './payer-agent.js';
import { abortableSleep, remainingMs, silentPayerLogger, type PayerCall, type PayerCallContext, type PayerLogger } from './payer-call.js';
import { resolvePayerAuth, type ResolvedPayerAuth } from './payer-credentials.js';
import { buildPayerRequestBody } from './payer-request.js';
import { answersAnotherInquiry } from './answer-trace.js';
import { findRetryableAaaCode, fullJitterDelayMs, parseRetryAfterSeconds, RETRYABLE_STATUSES } from './retry-policy.js';
import { coreEnvelopeError, isCoreEnvelope, readCoreEnvelope, type CoreEnvelopeResult } from '../core-envelope.js';

/** The service-wide default deadline (PAYER_DEADLINE_MS) and the CORE 156 ceiling. */
export const DEFAULT_PAYER_DEADLINE_MS = 15_000;
export const MAX_PAYER_DEADLINE_MS = 20_000;

/** Largest response body we read; a 271 for one member is a few kilobytes. */
const MAX_RESPONSE_BYTES = 5 * 1024 * 1024;

/** Options for createHttpPayerGateway. */
export interface HttpPayerGatewayOptions {
  /** Where auth secrets are read from (the variable names come from the directory entry). */
  env: Readonly<Record<string, string | undefined>>;
  logger?: PayerLogger;
  clock?: Clock;
  /** Dispatcher to send through; default a new pooled Agent for this payer (closed by close()). */
  agent?: Dispatcher;
  /** Deadline when the entry sets no timeouts.overallMs; capped at 20 s. Default 15 s. */
  defaultDeadlineMs?: number;
  /** Random source for backoff jitter; injectable for tests. */
  random?: () => number;
  /** Wall-clock milliseconds for token expiry; injectable for tests. Default Date.now. */
  nowMs?: () => number;
  /** Shared breaker (e.g. to observe it); default one per gateway from the entry's settings. */
  circuitBreaker?: CircuitBreaker;
}

/** A PayerGateway for one configured payer, with its circuit state exposed for readiness and metrics. */
export interface HttpPayerGateway extends PayerGateway {
  getCircuitState(): CircuitState;
  /** Closes the gateway's own Agent (not one passed in). */
  close(): Promise<void>;
}

/** A failure that may be retried, and how long the payer asked us to wait. */
interface Retryable {
  retryable: true;
  error: (attempts: number) => DomainError;
  retryAfterSeconds?: number;
  reason: string;
}

/** Network error codes that mean "the request did not get a usable connection": safe to resend. */
const CONNECTION_ERROR_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED',
]);
/** undici's per-phase timeouts: the payer accepted the connection but went quiet. */
const PHASE_TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

/** Finds a network error code on an error or its cause chain (fetch wraps them as TypeError.cause). */
function networkErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current !== null && typeof current === 'object'; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code !== '') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Why a 2xx body cannot be what the format promises, or undefined when it looks right. */
function malformedReason(entry: PayerEntry, body: string, contentType: string): string | undefined {
  const text = body.replace(/^\uFEFF/, '').trim();
  if (text === '') return 'empty body';
  if (/text\/html/i.test(contentType) || /^<(!doctype|html)/i.test(text)) return 'html page instead of a payer document';
  if (entry.format === 'x12-271') {
    if (!text.startsWith('ISA') || text.length < 106) return 'not an X12 interchange';
    return undefined;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return 'not valid JSON';
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return 'JSON is not an object';
  if (entry.format === 'fhir-r4' && typeof (parsed as { resourceType?: unknown }).resourceType !== 'string') {
    return 'JSON is not a FHIR resource';
  }
  return undefined;
}

/** The `x12` string of a JSON answer from a raw-X12 endpoint; undefined when there is none. */
function unwrapJsonX12(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as unknown;
    const x12 = typeof parsed === 'object' && parsed !== null ? (parsed as { x12?: unknown }).x12 : undefined;
    return typeof x12 === 'string' && x12.trim() !== '' ? x12 : undefined;
  } catch {
    return undefined;
  }
}

/** True when an X12 answer is only a 999 acknowledgement rejecting our 270 (no 271 inside). */
function isX12RejectionAck(entry: PayerEntry, body: string): boolean {
  if (entry.format !== 'x12-271') return false;
  const text = body.replace(/^\uFEFF/, '').trimStart();
  const e = text.charAt(3);
  return text.includes(`ST${e}999${e}`) && !text.includes(`ST${e}271${e}`);
}

/**
 * Reads a CAQH CORE Connectivity envelope (SOAP or HTTP MIME multipart) around an X12 payer's
 * answer; undefined when the payer is not X12 or the body is not an envelope.
 */
function readX12CoreEnvelope(entry: PayerEntry, body: string, contentType: string): CoreEnvelopeResult | undefined {
  if (entry.format !== 'x12-271' || !isCoreEnvelope(body, contentType)) return undefined;
  return readCoreEnvelope(body, contentType);
}

function authHeaders(auth: ResolvedPayerAuth): Record<string, string> {
  switch (auth.type) {
    case 'api-key':
      return { [auth.header.toLowerCase()]: auth.key };
    case 'basic':
      return { authorization: `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}` };
    case 'oauth2-client-credentials':
    case 'none':
      return {};
  }
}

/** Creates the HTTP gateway for one non-sandbox payer; throws PayerConfigurationError for missing secrets. */
export function createHttpPayerGateway(entry: PayerEntry, options: HttpPayerGatewayOptions): HttpPayerGateway {
  const connection = entry.connection;
  if (!connection) throw new Error(`payer ${entry.id} has no connection settings`);
  const payerId = entry.id;
  const auth = resolvePayerAuth(entry, options.env);
  const logger = options.logger ?? silentPayerLogger;
  const clock = options.clock ?? { now: () => new Date() };
  const random = options.random ?? Math.random;
  const ownAgent = options.agent ? undefined : createPayerAgent(connection);
  const dispatcher: Dispatcher = options.agent ?? (ownAgent as Dispatcher);
  const deadlineMs = Math.min(MAX_PAYER_DEADLINE_MS, connection.timeouts.overallMs ?? options.defaultDeadlineMs ?? DEFAULT_PAYER_DEADLINE_MS);
  const tokens: OAuth2TokenSource | undefined =
    auth.type === 'oauth2-client-credentials'
      ? createOAuth2TokenSource({
          payerId,
          tokenUrl: auth.tokenUrl,
          clientId: auth.clientId,
          clientSecret: auth.clientSecret,
          ...(auth.scope ? { scope: auth.scope } : {}),
          ...(options.nowMs ? { now: options.nowMs } : {}),
          dispatcher,
        })
      : undefined;
  const staticAuthHeaders = authHeaders(auth);
  // Interchange / trace control numbers: unique per call within a process, random start so restarts do not collide.
  let controlNumber = 1 + Math.floor(random() * 900_000_000);
  const nextControlNumber = () => {
    controlNumber = controlNumber >= 999_999_999 ? 1 : controlNumber + 1;
    return controlNumber;
  };

  const meta = (attempts: number, extra: Record<string, string | number | boolean> = {}) => ({ payerId, attempts, ...extra });

  /** One HTTP exchange. Returns the raw response, a retryable failure, or 'unauthorized' for a 401 to a bearer token. */
  const sendOnce = async (
    context: PayerCallContext,
  ): Promise<RawPayerResponse | Retryable | { unauthorized: string }> => {
    const { request } = context;
    context.stats.attempts += 1;
    let status: number;
    let text: string;
    let contentType: string;
    let retryAfterHeader: string | null;
    let bearer: string | undefined;
    try {
      const headers: Record<string, string> = {
        'content-type': request.contentType,
        accept: request.accept,
        ...staticAuthHeaders,
      };
      if (tokens) {
        bearer = await tokens.getToken(context.signal);
        headers.authorization = `Bearer ${bearer}`;
      }
      const response = await fetchVia(dispatcher, connection.endpoint, {
        method: 'POST',
        headers,
        body: request.body,
        signal: context.signal,
        // A redirect would carry PHI to a host nobody configured; treat it as a rejection instead.
        redirect: 'manual',
      });
      status = response.status;
      contentType = response.headers.get('content-type') ?? '';
      retryAfterHeader = response.headers.get('retry-after');
      const declaredLength = Number(response.headers.get('content-length') ?? '0');
      if (declaredLength > MAX_RESPONSE_BYTES) {
        await response.body?.cancel();
        throw new DomainError('payer.malformed-response', 'The payer response is too large to be an eligibility answer', {
          meta: meta(context.stats.attempts, { httpStatus: status }),
        });
      }
      text = await response.text();
    } catch (error) {
      if (isDomainError(error)) {
        // Token endpoint trouble: an unavailable token server is as retryable as an unavailable payer.
        if (error.code === 'payer.unavailable') {
          return { retryable: true, reason: 'token-unavailable', error: (attempts) => new DomainError(error.code, error.message, { meta: { ...error.meta, attempts } }) };
        }
        throw error;
      }
      if (context.signal.aborted) throw error; // classified as payer.timeout by withAbortClassification
      const code = networkErrorCode(error) ?? 'unknown';
      if (PHASE_TIMEOUT_CODES.has(code)) {
        throw new DomainError('payer.timeout', 'The payer accepted the connection but stopped answering', {
          meta: meta(context.stats.attempts, { reason: code === 'UND_ERR_HEADERS_TIMEOUT' ? 'headers-timeout' : 'body-timeout' }),
        });
      }
      return {
        retryable: true,
        reason: CONNECTION_ERROR_CODES.has(code) ? code : 'network-error',
        error: (attempts) =>
          new DomainError('payer.unavailable', 'The payer could not be reached', { meta: meta(attempts, { networkError: code }) }),
      };
    }

    if (status === 401 && tokens && bearer !== undefined) return { unauthorized: bearer };
    if (RETRYABLE_STATUSES.has(status)) {
      const retryAfterSeconds = parseRetryAfterSeconds(retryAfterHeader, Date.now());
      return {
        retryable: true,
        reason: `http-${status}`,
        ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
        error: (attempts) =>
          new DomainError('payer.unavailable', status === 429 ? 'The payer is limiting our request rate' : 'The payer is temporarily unavailable', {
            meta: meta(attempts, { httpStatus: status, ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }) }),
          }),
      };
    }
    // A raw-X12 endpoint that answers in JSON ({ "x12": "ISA*..." }): the 271 is that field.
    if (entry.format === 'x12-271' && entry.connection?.x12?.wrapper === 'json' && status < 300) {
      const unwrapped = unwrapJsonX12(text);
      if (unwrapped === undefined) {
        throw new DomainError('payer.malformed-response', 'The payer answered with an unreadable document (JSON without an x12 field)', {
          meta: meta(context.stats.attempts, { httpStatus: status }),
        });
      }
      text = unwrapped;
      contentType = 'application/edi-x12';
    }
    // A CORE envelope error (ErrorCode, or a SOAP fault) may come with any status; its code is kept.
    const envelope = readX12CoreEnvelope(entry, text, contentType);
    const coreErrorCode = envelope && !envelope.ok && envelope.failure.kind === 'payer-error' ? envelope.failure.errorCode : undefined;
    const coreMeta: Record<string, string> = coreErrorCode === undefined ? {} : { coreErrorCode };
    if (status >= 500) {
      throw new DomainError('payer.unavailable', 'The payer failed to process the inquiry', {
        meta: meta(context.stats.attempts, { httpStatus: status, ...coreMeta }),
      });
    }
    if (status >= 300) {
      const detail =
        status === 401 || status === 403
          ? 'The payer refused our credentials'
          : status < 400
            ? 'The payer redirected the inquiry elsewhere'
            : 'The payer rejected the inquiry';
      throw new DomainError('payer.rejected', detail, { meta: meta(context.stats.attempts, { httpStatus: status, ...coreMeta }) });
    }
    // The document the format checks look at: the envelope's payload when the payer wrapped it.
    let payload = text;
    let body = text;
    if (envelope && !envelope.ok) {
      const failure = envelope.failure;
      if (failure.kind === 'payer-error' && failure.retryable) {
        return {
          retryable: true,
          reason: `core-${failure.errorCode}`,
          error: (attempts) =>
            new DomainError('payer.unavailable', 'The payer is busy or timed out (CAQH CORE envelope error)', {
              meta: meta(attempts, { httpStatus: status, envelope: 'caqh-core', coreErrorCode: failure.errorCode }),
            }),
        };
      }
      throw coreEnvelopeError(failure, 'payer-answer', meta(context.stats.attempts, { httpStatus: status }));
    }
    if (envelope?.ok) {
      payload = envelope.envelope.payload;
      // The envelope is kept as received (the reader notes the unwrap) unless it cannot be read
      // again without its content type (a multipart body with a preamble): then keep the payload.
      if (/^multipart\//i.test(contentType) && !readCoreEnvelope(text).ok) body = payload;
    }
    const malformed = malformedReason(entry, payload, contentType);
    if (malformed) {
      throw new DomainError('payer.malformed-response', `The payer answered with an unreadable document (${malformed})`, {
        meta: meta(context.stats.attempts, { httpStatus: status }),
      });
    }
    if (isX12RejectionAck(entry, payload)) {
      throw new DomainError('payer.rejected', 'The payer rejected the 270 with a 999 acknowledgement', {
        meta: meta(context.stats.attempts, { httpStatus: status }),
      });
    }
    if (request.x12Trace !== undefined && answersAnotherInquiry(payload, request.x12Trace)) {
      // Another member's answer: not retried (the same route may misroute again), never cached.
      throw new DomainError('payer.malformed-response', "The payer's answer is for another inquiry (its trace number is not the one we sent)", {
        meta: meta(context.stats.attempts, { httpStatus: status, reason: 'trace-mismatch' }),
      });
    }
    const aaaCode = findRetryableAaaCode(payload, entry.format);
    if (aaaCode) {
      return {
        retryable: true,
        reason: `aaa-${aaaCode}`,
        error: (attempts) =>
          new DomainError('payer.unavailable', 'The payer was unable to respond at this time', { meta: meta(attempts, { httpStatus: status, aaaCode }) }),
      };
    }
    return { format: entry.format, body, receivedAt: clock.now().toISOString() };
  };

  /** Sends with retries: full-jitter backoff or Retry-After, never past the deadline, one token refresh on 401. */
  const sendWithRetries: PayerCall = async (_inquiry, context) => {
    const { attempts: maxAttempts, baseDelayMs, maxDelayMs } = connection.retry;
    let retries = 0;
    let refreshedToken = false;
    for (;;) {
      const outcome = await sendOnce(context);
      if ('unauthorized' in outcome) {
        tokens?.invalidate(outcome.unauthorized);
        if (refreshedToken) {
          throw new DomainError('payer.rejected', 'The payer refused our credentials', { meta: meta(context.stats.attempts, { httpStatus: 401 }) });
        }
        refreshedToken = true;
        logger.info({ payerId, attempt: context.stats.attempts }, 'payer rejected the access token; refreshing it once');
        continue;
      }
      if (!('retryable' in outcome)) return outcome;
      const delayMs =
        outcome.retryAfterSeconds !== undefined
          ? outcome.retryAfterSeconds * 1000
          : fullJitterDelayMs(retries, baseDelayMs, maxDelayMs, random);
      if (retries + 1 >= maxAttempts || delayMs >= remainingMs(context)) throw outcome.error(context.stats.attempts);
      logger.warn({ payerId, attempt: context.stats.attempts, reason: outcome.reason, delayMs }, 'payer call failed; retrying');
      retries += 1;
      await abortableSleep(delayMs, context.signal);
    }
  };

  /** Turns raw aborts (deadline or caller) into payer.timeout, inside the breaker so it can tell them apart. */
  const withAbortClassification =
    (call: PayerCall): PayerCall =>
    async (inquiry, context) => {
      try {
        return await call(inquiry, context);
      } catch (error) {
        if (isDomainError(error)) throw error;
        if (context.signal.aborted) {
          const cancelled = !context.deadlineSignal.aborted;
          throw new DomainError(
            'payer.timeout',
            cancelled ? 'The inquiry was cancelled before the payer answered' : payerDeadlineMessage(deadlineMs),
            { meta: meta(context.stats.attempts, { reason: cancelled ? 'cancelled' : 'deadline', deadlineMs, retryable: !cancelled }) },
          );
        }
        // Anything else is unexpected: keep the class, lose the message (it may quote the payload).
        throw new DomainError('payer.unavailable', 'The payer call failed unexpectedly', { meta: meta(context.stats.attempts, { reason: 'unexpected' }) });
      }
    };

  const breaker = options.circuitBreaker ?? createCircuitBreaker(connection.circuitBreaker);
  const layered = withCircuitBreaker(
    withAbortClassification(withConcurrencyLimit(sendWithRetries, { payerId, maxConcurrent: connection.maxConcurrent })),
    breaker,
    payerId,
  );

  return {
    async fetchEligibility(inquiry: EligibilityInquiry, callOptions?: { signal?: AbortSignal }) {
      const started = performance.now();
      const request = buildPayerRequestBody(entry, inquiry, { controlNumber: nextControlNumber(), now: clock.now() });
      const deadlineSignal = AbortSignal.timeout(deadlineMs);
      const signal = callOptions?.signal ? AbortSignal.any([callOptions.signal, deadlineSignal]) : deadlineSignal;
      const context: PayerCallContext = { signal, deadlineSignal, deadlineAt: started + deadlineMs, request, stats: { attempts: 0 } };
      try {
        const response = await layered(inquiry, context);
        // The answer is in and its concurrency slot is handed on. Parsing and caching it is CPU work:
        // yield once so other payers' answers already waiting on their sockets are read (and their
        // slots handed on) first. Otherwise, when 20 answers land together, the 20th waits behind
        // 19 parses, and so does the payer call its slot would have started.
        await yieldToEventLoop();
        logger.info({ payerId, attempts: context.stats.attempts, durationMs: Math.round(performance.now() - started), outcome: 'ok' }, 'payer answered');
        return response;
      } catch (error) {
        const fields = isDomainError(error) ? { code: error.code, ...error.meta } : { code: 'unexpected' };
        logger.warn({ ...fields, payerId, durationMs: Math.round(performance.now() - started) }, 'payer call failed');
        throw error;
      }
    },
    getCircuitState: () => breaker.state(),
    close: async () => {
      await ownAgent?.close();
    },
  };
}
