/**
 * The payer-answer cache (issue 6, items 5-7). Keys are HMACs of the request identity
 * (cache-key.ts), values are AES-256-GCM sealed (entry-codec.ts), so the store never holds PHI
 * in the clear. Freshness is decided when reading, from the entry's own `storedAt`, so one entry
 * can serve a status check for a day and a deductible check for a few hours.
 *
 * One payer call per stampede: identical concurrent calls share one promise in the process, and
 * processes share a store lock (SET NX PX + token); the others poll for the value, and fetch
 * themselves only when the holder dies or the lock wait runs out.
 *
 * The cache never fails a request for its own sake: store errors are counted and swallowed and
 * the answer comes straight from the payer.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { isDomainError, type ErrorCode } from '../../core/errors.js';
import type {
  CacheableResponse,
  CacheCallOptions,
  CacheDataKind,
  CachedPayerResponse,
  CacheHealth,
  CacheIdentity,
  Clock,
  CoverageCache,
} from '../../core/ports.js';
import { cacheKeysFor, type CacheKeys } from './cache-key.js';
import type { CacheStore } from './cache-store.js';
import { assertValidKeyring, openEntry, sealEntry, type CacheEntry, type EncryptionKeyring } from './entry-codec.js';
import { createMemoryStore } from './memory-store.js';
import { createRedisStore } from './redis-store.js';

/** Defaults: accumulators move as claims post, status rarely does; serve stale for 72 h only when the payer is down. */
export const CACHE_DEFAULTS = {
  freshSeconds: { eligibility: 24 * 3600, accumulators: 4 * 3600 },
  staleIfErrorSeconds: 72 * 3600,
  negativeTtlSeconds: 5 * 60,
  // Matches the payer deadline: a lock holder still waiting on its payer is not dead.
  lockTimeoutMs: 25_000,
  memoryMaxEntries: 10_000,
  redisCommandTimeoutMs: 400,
  openedEntriesMemo: 128,
} as const;

/** Payer failures worth answering with a stale entry: the payer may be fine later, the data was fine before. */
export const STALE_IF_ERROR_CODES: readonly ErrorCode[] = ['payer.timeout', 'payer.unavailable', 'payer.circuit-open'];

/** Everything the cache needs; Redis is used when a URL or cluster nodes are given, memory otherwise. */
export interface CoverageCacheOptions {
  redisUrl?: string;
  redisClusterNodes?: string[];
  /** A ready store (tests, or a shared memory store); wins over redisUrl/redisClusterNodes. */
  store?: CacheStore;
  memoryMaxEntries?: number;
  /** How many recently opened entries to keep decrypted in this process (0 turns it off). */
  openedEntriesMemo?: number;
  redisCommandTimeoutMs?: number;
  /** HMAC secret for keys, at least 32 bytes. */
  keySecret: Buffer;
  encryptionKeys: EncryptionKeyring;
  freshSeconds?: Partial<Record<CacheDataKind, number>>;
  staleIfErrorSeconds?: number;
  negativeTtlSeconds?: number;
  lockTimeoutMs?: number;
  logger?: { warn(obj: object, msg: string): void };
  clock?: Clock;
}

/** Counters since start, for metrics; no PHI. */
export interface CacheStats {
  hits: number;
  misses: number;
  bypasses: number;
  staleServed: number;
  /** Calls to the fetch function, i.e. payer calls made through the cache. */
  fetches: number;
  /** Calls that joined an identical in-flight call in this process. */
  coalesced: number;
  /** Times this process waited for another process's lock. */
  lockWaits: number;
  /** Lock waits that ran out and fetched anyway. */
  lockWaitTimeouts: number;
  /** Store commands that failed (Redis down, timeouts); each was swallowed. */
  storeErrors: number;
  /** Entries that could not be opened (unknown key id, tampering) and were treated as misses. */
  unreadableEntries: number;
}

/** The cache port plus counters for metrics. */
export type CoverageCacheAdapter = CoverageCache & { stats(): CacheStats; readonly backend: CacheStore['backend'] };

function positive(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) throw new Error(`cache option ${name} must be a positive number`);
  return value;
}

/** Creates the coverage cache on Redis, Redis Cluster or memory. Throws at start-up on bad keys or options. */
export function createCoverageCache(options: CoverageCacheOptions): CoverageCacheAdapter {
  if (options.keySecret.length < 32) throw new Error('cache key secret must be at least 32 bytes');
  assertValidKeyring(options.encryptionKeys);
  const clock = options.clock ?? { now: () => new Date() };
  const logger = options.logger;
  const fresh = {
    eligibility: positive('freshSeconds.eligibility', options.freshSeconds?.eligibility ?? CACHE_DEFAULTS.freshSeconds.eligibility),
    accumulators: positive('freshSeconds.accumulators', options.freshSeconds?.accumulators ?? CACHE_DEFAULTS.freshSeconds.accumulators),
  };
  const staleWindow = positive('staleIfErrorSeconds', options.staleIfErrorSeconds ?? CACHE_DEFAULTS.staleIfErrorSeconds);
  const negativeTtl = positive('negativeTtlSeconds', options.negativeTtlSeconds ?? CACHE_DEFAULTS.negativeTtlSeconds);
  const lockTimeoutMs = positive('lockTimeoutMs', options.lockTimeoutMs ?? CACHE_DEFAULTS.lockTimeoutMs);

  const store: CacheStore =
    options.store ??
    (options.redisClusterNodes !== undefined && options.redisClusterNodes.length > 0
      ? createRedisStore({ clusterNodes: options.redisClusterNodes }, { commandTimeoutMs: options.redisCommandTimeoutMs, logger })
      : options.redisUrl !== undefined && options.redisUrl !== ''
        ? createRedisStore({ url: options.redisUrl }, { commandTimeoutMs: options.redisCommandTimeoutMs, logger })
        : createMemoryStore({ maxEntries: options.memoryMaxEntries ?? CACHE_DEFAULTS.memoryMaxEntries, now: () => clock.now().getTime() }));

  const stats: CacheStats = {
    hits: 0,
    misses: 0,
    bypasses: 0,
    staleServed: 0,
    fetches: 0,
    coalesced: 0,
    lockWaits: 0,
    lockWaitTimeouts: 0,
    storeErrors: 0,
    unreadableEntries: 0,
  };
  const inflight = new Map<string, Promise<CachedPayerResponse>>();

  // Store errors come in bursts while Redis is down; one line per 10 s says it without flooding.
  let lastStoreErrorLog = 0;
  function storeFailed(operation: string, error: unknown): void {
    stats.storeErrors += 1;
    const at = Date.now();
    if (at - lastStoreErrorLog < 10_000) return;
    lastStoreErrorLog = at;
    const message = error instanceof Error ? error.message : 'unknown error';
    logger?.warn({ event: 'cache.store-error', backend: store.backend, operation, error: message }, 'cache store failed; serving from the payer');
  }

  interface Policy {
    freshSeconds: number;
    staleIfErrorSeconds: number;
  }
  function policyFor(call: CacheCallOptions): Policy {
    return {
      freshSeconds: call.freshSeconds ?? fresh[call.dataKind ?? 'accumulators'],
      staleIfErrorSeconds: call.staleIfErrorSeconds ?? staleWindow,
    };
  }
  function ageMs(entry: CacheEntry): number {
    return Math.max(0, clock.now().getTime() - Date.parse(entry.storedAt));
  }
  function isFresh(entry: CacheEntry, policy: Policy): boolean {
    if (entry.freshUntil !== undefined && clock.now().getTime() >= Date.parse(entry.freshUntil)) return false;
    return ageMs(entry) < (entry.kind === 'rejection' ? negativeTtl : policy.freshSeconds) * 1000;
  }
  function canServeStale(entry: CacheEntry, policy: Policy): boolean {
    // A rejection is never served stale: a member who was invalid five minutes ago may be fixed now.
    return entry.kind === 'benefits' && ageMs(entry) < (policy.freshSeconds + policy.staleIfErrorSeconds) * 1000;
  }
  function answer(entry: CacheEntry, cache: CachedPayerResponse['cache']): CachedPayerResponse {
    return {
      response: entry.response,
      kind: entry.kind,
      cache,
      asOf: entry.storedAt,
      stale: cache === 'stale',
      ageSeconds: Math.floor(ageMs(entry) / 1000),
    };
  }

  // The entries opened most recently, by key, with the sealed value they came from. A member is
  // usually read several times within minutes (check, estimate, compare); a repeat read of the same
  // sealed value skips decryption and validation and returns the same entry object, which lets the
  // caller reuse what it derived from it. Bounded, and only ever filled from this process's reads.
  const recentlyOpened = new Map<string, { sealed: string; entry: CacheEntry }>();
  const recentlyOpenedMax = options.openedEntriesMemo ?? CACHE_DEFAULTS.openedEntriesMemo;
  function remember(valueKey: string, sealed: string, entry: CacheEntry): void {
    if (recentlyOpenedMax === 0) return;
    recentlyOpened.delete(valueKey);
    recentlyOpened.set(valueKey, { sealed, entry });
    if (recentlyOpened.size > recentlyOpenedMax) recentlyOpened.delete(recentlyOpened.keys().next().value as string);
  }

  async function read(keys: CacheKeys): Promise<CacheEntry | null> {
    let value: string | null;
    try {
      value = await store.get(keys.valueKey);
    } catch (error) {
      storeFailed('get', error);
      return null;
    }
    if (value === null) return null;
    const remembered = recentlyOpened.get(keys.valueKey);
    if (remembered !== undefined && remembered.sealed === value) {
      // Same sealed bytes as last time: the same entry, already authenticated and validated.
      recentlyOpened.delete(keys.valueKey);
      recentlyOpened.set(keys.valueKey, remembered);
      return remembered.entry;
    }
    const opened = openEntry(value, keys.valueKey, options.encryptionKeys);
    if (opened.ok) {
      remember(keys.valueKey, value, opened.entry);
      return opened.entry;
    }
    stats.unreadableEntries += 1;
    logger?.warn({ event: 'cache.entry-unreadable', reason: opened.reason, keyId: opened.keyId }, 'cache entry could not be opened; treated as a miss');
    return null;
  }

  async function write(keys: CacheKeys, entry: CacheEntry, policy: Policy): Promise<void> {
    const ttlSeconds =
      entry.kind === 'rejection'
        ? negativeTtl
        : Math.max(fresh.eligibility, fresh.accumulators, policy.freshSeconds) + Math.max(staleWindow, policy.staleIfErrorSeconds);
    try {
      await store.set(keys.valueKey, sealEntry(entry, keys.valueKey, options.encryptionKeys), ttlSeconds * 1000);
    } catch (error) {
      storeFailed('set', error);
    }
  }

  async function fetchAndStore(
    keys: CacheKeys,
    fetch: () => Promise<CacheableResponse>,
    policy: Policy,
    label: 'miss' | 'bypass',
    fallback: CacheEntry | null,
  ): Promise<CachedPayerResponse> {
    stats.fetches += 1;
    let result: CacheableResponse;
    try {
      result = await fetch();
    } catch (error) {
      if (fallback !== null && isDomainError(error) && STALE_IF_ERROR_CODES.includes(error.code) && canServeStale(fallback, policy)) {
        stats.staleServed += 1;
        return answer(fallback, 'stale');
      }
      throw error;
    }
    const entry: CacheEntry = {
      kind: result.kind,
      storedAt: clock.now().toISOString(),
      ...(result.freshUntil !== undefined ? { freshUntil: result.freshUntil } : {}),
      response: result.response,
    };
    await write(keys, entry, policy);
    if (label === 'miss') stats.misses += 1;
    return answer(entry, label);
  }

  /** 'acquired' | 'held' by someone else | 'unavailable' (store down: fetch without a lock). */
  async function lock(keys: CacheKeys, token: string): Promise<'acquired' | 'held' | 'unavailable'> {
    try {
      return (await store.tryLock(keys.lockKey, token, lockTimeoutMs)) ? 'acquired' : 'held';
    } catch (error) {
      storeFailed('lock', error);
      return 'unavailable';
    }
  }
  async function unlock(keys: CacheKeys, token: string): Promise<void> {
    try {
      await store.unlock(keys.lockKey, token);
    } catch (error) {
      storeFailed('unlock', error);
    }
  }

  async function lookup(keys: CacheKeys, fetch: () => Promise<CacheableResponse>, policy: Policy): Promise<CachedPayerResponse> {
    let known = await read(keys);
    if (known !== null && isFresh(known, policy)) {
      stats.hits += 1;
      return answer(known, 'hit');
    }
    const token = randomUUID();
    // Waiting is real time even when freshness runs on an injected clock.
    const deadline = Date.now() + lockTimeoutMs;
    let delayMs = 10;
    let waited = false;
    for (;;) {
      const state = await lock(keys, token);
      if (state === 'unavailable') return fetchAndStore(keys, fetch, policy, 'miss', known);
      if (state === 'acquired') {
        try {
          // The previous holder writes before it releases, so a value may have landed just now.
          const latest = await read(keys);
          if (latest !== null) known = latest;
          if (latest !== null && isFresh(latest, policy)) {
            stats.hits += 1;
            return answer(latest, 'hit');
          }
          return await fetchAndStore(keys, fetch, policy, 'miss', known);
        } finally {
          await unlock(keys, token);
        }
      }
      if (!waited) {
        waited = true;
        stats.lockWaits += 1;
      }
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        stats.lockWaitTimeouts += 1;
        return fetchAndStore(keys, fetch, policy, 'miss', known);
      }
      await sleep(Math.min(delayMs, remaining));
      delayMs = Math.min(delayMs * 2, 200);
      const latest = await read(keys);
      if (latest !== null) {
        known = latest;
        if (isFresh(latest, policy)) {
          stats.hits += 1;
          return answer(latest, 'hit');
        }
      }
    }
  }

  return {
    backend: store.backend,
    async getOrFetch(identity: CacheIdentity, fetch: () => Promise<CacheableResponse>, call: CacheCallOptions = {}): Promise<CachedPayerResponse> {
      const keys = cacheKeysFor(identity, options.keySecret);
      const policy = policyFor(call);
      if (call.bypass === true) {
        stats.bypasses += 1;
        return fetchAndStore(keys, fetch, policy, 'bypass', null);
      }
      const running = inflight.get(keys.valueKey);
      if (running !== undefined) {
        stats.coalesced += 1;
        return running;
      }
      const started = lookup(keys, fetch, policy).finally(() => {
        inflight.delete(keys.valueKey);
      });
      inflight.set(keys.valueKey, started);
      return started;
    },
    async health(): Promise<CacheHealth> {
      try {
        await Promise.race([
          store.ping(),
          sleep(1000, undefined, { ref: false }).then(() => {
            throw new Error('ping timed out');
          }),
        ]);
        return { backend: store.backend, status: 'ok' };
      } catch (error) {
        return { backend: store.backend, status: 'degraded', detail: error instanceof Error ? error.message : 'unknown error' };
      }
    },
    async close() {
      await store.close();
    },
    stats: () => ({ ...stats }),
  };
}
