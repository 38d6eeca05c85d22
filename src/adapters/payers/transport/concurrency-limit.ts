/**
 * Per-payer concurrency limit: at most `maxConcurrent` calls in flight, the rest wait in a FIFO
 * queue. Payers throttle or drop connections when a clinic's morning batch floods them; queueing
 * here keeps us polite. Queued calls still obey their deadline: a wait that outlives it becomes
 * payer.timeout, and a full queue fails fast with payer.unavailable.
 */
import { DomainError } from '../../../core/errors.js';
import type { PayerCall } from './payer-call.js';

/** Options for withConcurrencyLimit. */
export interface ConcurrencyLimitOptions {
  payerId: string;
  maxConcurrent: number;
  /** Calls allowed to wait; beyond this, new calls fail at once. Default 20 x maxConcurrent. */
  maxQueued?: number;
}

/** A PayerCall with a concurrency limit in front, plus a view of its occupancy for metrics. */
export type LimitedPayerCall = PayerCall & { readonly inFlight: () => number; readonly queued: () => number };

/** Wraps a PayerCall so no more than `maxConcurrent` run at once for this payer. */
export function withConcurrencyLimit(call: PayerCall, options: ConcurrencyLimitOptions): LimitedPayerCall {
  const maxQueued = options.maxQueued ?? options.maxConcurrent * 20;
  let active = 0;
  const waiting: Array<() => void> = [];

  const acquire = (signal: AbortSignal): Promise<void> => {
    if (active < options.maxConcurrent) {
      active += 1;
      return Promise.resolve();
    }
    if (waiting.length >= maxQueued) {
      return Promise.reject(
        new DomainError('payer.unavailable', 'Too many inquiries are waiting for this payer', {
          meta: { payerId: options.payerId, attempts: 0, reason: 'queue-full' },
        }),
      );
    }
    return new Promise<void>((resolve, reject) => {
      const grant = () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = () => {
        const index = waiting.indexOf(grant);
        if (index >= 0) waiting.splice(index, 1);
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the abort reason is an Error
        reject(signal.reason);
      };
      waiting.push(grant);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  };

  const release = () => {
    const next = waiting.shift();
    // Hand the slot straight to the next waiter so `active` never dips and lets a newcomer jump the queue.
    if (next) next();
    else active -= 1;
  };

  const limited = async (...args: Parameters<PayerCall>) => {
    await acquire(args[1].signal);
    try {
      return await call(...args);
    } finally {
      release();
    }
  };
  return Object.assign(limited, { inFlight: () => active, queued: () => waiting.length });
}
