/**
 * The storage a coverage cache needs: opaque string values with a TTL, and a short lock with an
 * owner token. Stores never see PHI: keys are HMACs and values are already encrypted.
 * Implementations: memory-store.ts (one process) and redis-store.ts (Redis or Redis Cluster).
 */

/** A key-value store with TTLs and owner-token locks; every method may reject when the backend is down. */
export interface CacheStore {
  readonly backend: 'redis' | 'redis-cluster' | 'memory';
  get(key: string): Promise<string | null>;
  set(key: string, value: string, ttlMs: number): Promise<void>;
  /** Takes the lock when nobody holds it; true when this token now owns it. */
  tryLock(lockKey: string, token: string, ttlMs: number): Promise<boolean>;
  /** Releases the lock only if this token still owns it (a late owner must not free a successor's lock). */
  unlock(lockKey: string, token: string): Promise<void>;
  /** Resolves when the backend answers; rejects with a PHI-free reason otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
