/**
 * A per-payer circuit breaker. After `failureThreshold` consecutive failed calls the circuit opens
 * and calls fail at once with payer.circuit-open (no socket, no queueing) for `openMs`; then one
 * trial call is let through (half-open). Its success closes the circuit, its failure reopens it.
 * This spares a payer that is down, and spares our callers a 15-second wait for a known outcome.
 */
import { DomainError, isDomainError } from '../../../core/errors.js';
import type { PayerCall } from './payer-call.js';

/** Circuit states, as exposed to readiness checks and metrics. */
export type CircuitState = 'closed' | 'open' | 'half-open';

/** Options for createCircuitBreaker. */
export interface CircuitBreakerOptions {
  failureThreshold: number;
  openMs: number;
  /** Milliseconds clock; injectable for tests. Default performance.now. */
  now?: () => number;
}

/** A circuit breaker's state machine, separate from any call so it can be shared and observed. */
export interface CircuitBreaker {
  state(): CircuitState;
  /** Asks to start a call: true when allowed (and, in half-open, claims the single trial). */
  tryAcquire(): boolean;
  recordSuccess(): void;
  recordFailure(): void;
  /** Ends a half-open trial without a verdict (the caller cancelled), so another trial may run. */
  releaseTrial(): void;
  /** Milliseconds until an open circuit lets a trial through (0 when not open). */
  msUntilHalfOpen(): number;
}

/** Creates a closed circuit breaker. */
export function createCircuitBreaker(options: CircuitBreakerOptions): CircuitBreaker {
  const now = options.now ?? (() => performance.now());
  let consecutiveFailures = 0;
  let openedAt: number | undefined;
  let trialInFlight = false;

  const state = (): CircuitState => {
    if (openedAt === undefined) return 'closed';
    return now() - openedAt >= options.openMs ? 'half-open' : 'open';
  };

  return {
    state,
    tryAcquire() {
      const current = state();
      if (current === 'closed') return true;
      if (current === 'open' || trialInFlight) return false;
      trialInFlight = true;
      return true;
    },
    recordSuccess() {
      consecutiveFailures = 0;
      openedAt = undefined;
      trialInFlight = false;
    },
    recordFailure() {
      consecutiveFailures += 1;
      if (trialInFlight || consecutiveFailures >= options.failureThreshold) openedAt = now();
      trialInFlight = false;
    },
    releaseTrial() {
      trialInFlight = false;
    },
    msUntilHalfOpen() {
      return openedAt === undefined ? 0 : Math.max(0, options.openMs - (now() - openedAt));
    },
  };
}

/**
 * What a failed call says about the payer's health: 'failure' (timeout, unreachable, unreadable),
 * 'answered' (a definitive rejection: the payer is up) or 'cancelled' (our caller gave up; no verdict).
 */
export function payerHealthVerdict(error: unknown): 'failure' | 'answered' | 'cancelled' {
  if (!isDomainError(error)) return 'failure';
  if (error.meta.reason === 'cancelled') return 'cancelled';
  if (error.code === 'payer.rejected' || error.code === 'payer.not-found') return 'answered';
  return 'failure';
}

/** Wraps a PayerCall with a circuit breaker. */
export function withCircuitBreaker(call: PayerCall, breaker: CircuitBreaker, payerId: string): PayerCall {
  return async (inquiry, context) => {
    if (!breaker.tryAcquire()) {
      throw new DomainError('payer.circuit-open', 'Calls to this payer are paused after repeated failures', {
        meta: { payerId, attempts: 0, retryAfterSeconds: Math.max(1, Math.ceil(breaker.msUntilHalfOpen() / 1000)) },
      });
    }
    let response;
    try {
      response = await call(inquiry, context);
    } catch (error) {
      const verdict = payerHealthVerdict(error);
      if (verdict === 'failure') breaker.recordFailure();
      else if (verdict === 'answered') breaker.recordSuccess();
      else breaker.releaseTrial();
      throw error;
    }
    breaker.recordSuccess();
    return response;
  };
}
