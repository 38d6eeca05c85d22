/**
 * An in-process store: an LRU map with per-entry expiry, for one instance or for tests. Its lock
 * is in-process too, which is enough because only one process can see the map.
 */
import type { CacheStore } from './cache-store.js';

/** Options for the in-memory store; `now` (epoch ms) lets tests move time. */
export interface MemoryStoreOptions {
  maxEntries: number;
  now?: () => number;
}

/** Creates an LRU store with TTLs, bounded to `maxEntries` values. */
export function createMemoryStore(options: MemoryStoreOptions): CacheStore & { size(): number } {
  if (!Number.isInteger(options.maxEntries) || options.maxEntries < 1) throw new Error('maxEntries must be a positive integer');
  const now = options.now ?? Date.now;
  // A Map iterates in insertion order; re-inserting on read keeps the least recently used first.
  const values = new Map<string, { value: string; expiresAt: number }>();
  const locks = new Map<string, { token: string; expiresAt: number }>();

  return {
    backend: 'memory',
    async get(key) {
      const found = values.get(key);
      if (found === undefined) return null;
      values.delete(key);
      if (found.expiresAt <= now()) return null;
      values.set(key, found);
      return found.value;
    },
    async set(key, value, ttlMs) {
      values.delete(key);
      values.set(key, { value, expiresAt: now() + ttlMs });
      for (const oldest of values.keys()) {
        if (values.size <= options.maxEntries) break;
        values.delete(oldest);
      }
    },
    async tryLock(lockKey, token, ttlMs) {
      const held = locks.get(lockKey);
      if (held !== undefined && held.expiresAt > now()) return false;
      locks.set(lockKey, { token, expiresAt: now() + ttlMs });
      return true;
    },
    async unlock(lockKey, token) {
      if (locks.get(lockKey)?.token === token) locks.delete(lockKey);
    },
    async ping() {},
    async close() {
      values.clear();
      locks.clear();
    },
    size: () => values.size,
  };
}
