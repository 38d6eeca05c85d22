/**
 * The batch route's worker pool and stream backpressure, kept apart so their waiting behaviour can
 * be tested without sockets (kernel buffers on loopback are too large to show it reliably).
 */
import { once } from 'node:events';

/**
 * Runs `work` over `items` with at most `limit` in flight, calling `onResult` as each finishes.
 * Once `signal` aborts (the client went away), no further item is started: items in flight finish
 * (their payer calls see the same signal), and the rest are never checked, so never audited.
 */
export async function runPool<T, R>(
  items: readonly T[],
  limit: number,
  signal: AbortSignal,
  work: (item: T, index: number) => Promise<R>,
  onResult: (result: R, index: number) => void | Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length && !signal.aborted) {
      const index = next++;
      // Awaited: a stream writer that waits for a slow reader holds this worker back too.
      await onResult(await work(items[index]!, index), index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Resolves when `stream` drains, or when the client goes away (then nothing more is written). */
export async function drained(stream: NodeJS.EventEmitter, signal: AbortSignal): Promise<void> {
  try {
    await once(stream, 'drain', { signal });
  } catch {
    // Aborted: the client is gone; the caller stops writing.
  }
}

