/**
 * The internal shape every transport layer shares: one call to one payer under a deadline.
 * Layers (deadline, circuit breaker, concurrency limit, retries) wrap a PayerCall and return a
 * PayerCall, the way undici interceptors wrap a dispatcher, so each behaviour is testable alone.
 */
import type { EligibilityInquiry, RawPayerResponse } from '../../../core/ports.js';
import type { PayerRequestBody } from './payer-request.js';

/** What every layer knows about the call in flight. */
export interface PayerCallContext {
  /** Aborts when the overall deadline passes or the caller gives up. */
  signal: AbortSignal;
  /** performance.now() value after which no new attempt or wait may start. */
  deadlineAt: number;
  /** Aborts only when the overall deadline passes (tells a timeout from a caller's cancellation). */
  deadlineSignal: AbortSignal;
  /** The request body, built once before any layer runs so a bad inquiry never counts against the payer. */
  request: PayerRequestBody;
  /** Counters the layers update, reported in error metadata and logs. */
  stats: { attempts: number };
}

/** One call to one payer; resolves with its raw answer or rejects with a DomainError (payer.*). */
export type PayerCall = (inquiry: EligibilityInquiry, context: PayerCallContext) => Promise<RawPayerResponse>;

/** Minimal structured logger (pino-compatible). Callers pass only PHI-free fields. */
export interface PayerLogger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
}

/** A logger that drops everything, for callers that pass none. */
export const silentPayerLogger: PayerLogger = { info: () => {}, warn: () => {} };

/** Milliseconds left before the deadline (never negative). */
export function remainingMs(context: PayerCallContext): number {
  return Math.max(0, context.deadlineAt - performance.now());
}

/**
 * Resolves after `ms`, or rejects with the signal's reason as soon as it aborts, so waits
 * (backoff, queueing, the sandbox's "never answers" member) never outlive a deadline.
 */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  // signal.reason is the abort reason: the deadline's TimeoutError or the caller's Error.
  // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the abort reason is an Error
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
