/**
 * A store on Redis or Redis Cluster (ioredis). It is built to fail fast rather than queue: no
 * offline queue, a short command timeout and one retry, so when Redis is down a request costs a
 * few fast errors (swallowed by the cache) and goes straight to the payer. ioredis keeps
 * reconnecting with capped backoff in the background.
 */
import { Redis, Cluster } from 'ioredis';
import type { CacheStore } from './cache-store.js';

/** Where Redis is: one URL, or seed nodes (`host:port`) of a cluster. */
export type RedisTarget = { url: string } | { clusterNodes: string[] };

/** Tuning for the Redis store. */
export interface RedisStoreOptions {
  /** Per-command deadline; a cache slower than this is worse than no cache. Default 400 ms. */
  commandTimeoutMs?: number;
  /** Longest pause between reconnect attempts. Default 2000 ms. */
  maxReconnectDelayMs?: number;
  logger?: { warn(obj: object, msg: string): void };
}

// Deletes the lock only when the caller's token still holds it, atomically.
const RELEASE_LOCK = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

function parseNode(node: string): { host: string; port: number } {
  const match = /^\[?([^\]]+?)\]?:(\d{1,5})$/.exec(node.trim());
  if (match === null) throw new Error(`redis cluster node "${node}" must be host:port`);
  return { host: match[1] ?? '', port: Number(match[2]) };
}

/** Creates a store on one Redis server or a Redis Cluster. */
export function createRedisStore(target: RedisTarget, options: RedisStoreOptions = {}): CacheStore {
  const commandTimeout = options.commandTimeoutMs ?? 400;
  const maxDelay = options.maxReconnectDelayMs ?? 2000;
  const backoff = (times: number): number => Math.min(50 * 2 ** Math.min(times, 10), maxDelay);
  const common = {
    enableOfflineQueue: false,
    commandTimeout,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    retryStrategy: backoff,
  };
  const client: Redis | Cluster =
    'url' in target
      ? new Redis(target.url, common)
      : new Cluster(target.clusterNodes.map(parseNode), {
          enableOfflineQueue: false,
          clusterRetryStrategy: backoff,
          slotsRefreshTimeout: 2000,
          redisOptions: common,
        });

  // Without a listener ioredis reports every failed reconnect as an unhandled error event.
  // Connection errors carry host/port and a reason, never keys or values; log them sparingly.
  let lastLogged = 0;
  client.on('error', (error: Error) => {
    const at = Date.now();
    if (at - lastLogged < 10_000) return;
    lastLogged = at;
    options.logger?.warn({ event: 'cache.redis-error', error: { name: error.name, message: error.message } }, 'redis cache connection error');
  });

  const backend = 'url' in target ? 'redis' : 'redis-cluster';
  return {
    backend,
    async get(key) {
      return client.get(key);
    },
    async set(key, value, ttlMs) {
      await client.set(key, value, 'PX', Math.max(1, Math.ceil(ttlMs)));
    },
    async tryLock(lockKey, token, ttlMs) {
      return (await client.set(lockKey, token, 'PX', Math.max(1, Math.ceil(ttlMs)), 'NX')) === 'OK';
    },
    async unlock(lockKey, token) {
      await client.eval(RELEASE_LOCK, 1, lockKey, token);
    },
    async ping() {
      if (client.status !== 'ready') throw new Error(`${backend} connection is ${client.status}`);
      await client.ping();
    },
    async close() {
      try {
        await client.quit();
      } catch {
        client.disconnect();
      }
    },
  };
}
