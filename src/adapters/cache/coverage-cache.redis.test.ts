import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import t, { type Test } from 'tap';
import { cacheContract } from '../../../test/support/cache-contract.js';
import { countingPayer, identity, MEMBER_PHI, movableClock, newKey } from '../../../test/support/cache-fixtures.js';
import { requireRedis, startRedisServer } from '../../../test/support/redis-server.js';
import { cacheKeysFor } from './cache-key.js';
import { createCoverageCache, type CoverageCacheOptions } from './coverage-cache.js';

async function rawClient(t: Test, url: string): Promise<Redis> {
  const client = new Redis(url, { maxRetriesPerRequest: 1 });
  t.teardown(() => client.quit().then(() => undefined, () => client.disconnect()));
  return client;
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(50);
  }
  throw new Error(`timed out waiting for ${what}`);
}

t.test('the Redis cache', async (t) => {
  if (!requireRedis(t)) return;
  const server = await startRedisServer(t);

  function cacheOn(t: Test, options: Partial<CoverageCacheOptions> = {}) {
    const cache = createCoverageCache({
      redisUrl: server.url,
      keySecret: options.keySecret ?? newKey(),
      encryptionKeys: options.encryptionKeys ?? { current: { id: 'k1', key: newKey() } },
      ...options,
    });
    t.teardown(() => cache.close());
    return cache;
  }
  async function ready(cache: ReturnType<typeof cacheOn>): Promise<void> {
    await waitFor('redis ready', async () => (await cache.health()).status === 'ok', 5000);
  }

  t.test('behaves like every cache', async (t) => {
    cacheContract(t, async (t, options) => {
      const cache = cacheOn(t, options);
      t.equal(cache.backend, 'redis');
      await ready(cache);
      return cache;
    });
  });

  t.test('stores only hashed keys and encrypted values, with no PHI in either', async (t) => {
    const keySecret = newKey();
    const cache = cacheOn(t, { keySecret });
    await ready(cache);
    const raw = await rawClient(t, server.url);
    await raw.flushall();
    await cache.getOrFetch(identity(), countingPayer().fetch);
    await cache.getOrFetch(identity({ memberId: 'SECOND777' }), countingPayer({ kind: 'rejection' }).fetch);
    const keys = await raw.keys('*');
    t.equal(keys.length, 2, 'two entries, no leftover locks');
    t.ok(keys.includes(cacheKeysFor(identity(), keySecret).valueKey));
    for (const key of keys) {
      t.match(key, /^ce:v1:elig:\{[A-Za-z0-9_-]{43}\}$/);
      const value = (await raw.get(key)) ?? '';
      t.match(value, /^ce1\.k1\.[A-Za-z0-9_-]+$/, 'sealed with key id k1');
      t.throws(() => JSON.parse(value), 'the value is not JSON');
      for (const phi of [...Object.values(MEMBER_PHI), 'SECOND777', '19830719', 'ISA*', 'AAA']) {
        t.notOk(key.toUpperCase().includes(phi.toUpperCase()), 'no PHI in the key');
        t.notOk(value.toUpperCase().includes(phi.toUpperCase()), 'no PHI in the value');
        t.notOk(Buffer.from(value.split('.')[2] ?? '', 'base64url').toString('latin1').includes(phi), 'no PHI in the decoded bytes');
      }
    }
  });

  t.test('sets the Redis TTL to the fresh plus stale window, and a short one for rejections', async (t) => {
    const keySecret = newKey();
    const cache = cacheOn(t, { keySecret, freshSeconds: { eligibility: 600, accumulators: 60 }, staleIfErrorSeconds: 3600, negativeTtlSeconds: 30 });
    await ready(cache);
    const raw = await rawClient(t, server.url);
    await cache.getOrFetch(identity(), countingPayer().fetch);
    await cache.getOrFetch(identity({ memberId: 'REJECTED1' }), countingPayer({ kind: 'rejection' }).fetch);
    const benefitsTtl = await raw.pttl(cacheKeysFor(identity(), keySecret).valueKey);
    const rejectionTtl = await raw.pttl(cacheKeysFor(identity({ memberId: 'REJECTED1' }), keySecret).valueKey);
    t.ok(benefitsTtl > 4_195_000 && benefitsTtl <= 4_200_000, `benefits TTL ${benefitsTtl} ms is 600 s + 3600 s`);
    t.ok(rejectionTtl > 25_000 && rejectionTtl <= 30_000, `rejection TTL ${rejectionTtl} ms is 30 s`);
  });

  t.test('lets Redis expire entries by itself', async (t) => {
    const cache = cacheOn(t, { freshSeconds: { eligibility: 0.2, accumulators: 0.2 }, staleIfErrorSeconds: 0.2, negativeTtlSeconds: 0.2 });
    await ready(cache);
    const payer = countingPayer();
    await cache.getOrFetch(identity(), payer.fetch);
    await sleep(500);
    t.equal((await cache.getOrFetch(identity(), payer.fetch)).cache, 'miss');
    t.equal(payer.calls, 2);
  });

  t.test('still opens entries sealed with the previous key after a key rotation', async (t) => {
    const keySecret = newKey();
    const oldKey = { id: 'k2025', key: newKey() };
    const before = cacheOn(t, { keySecret, encryptionKeys: { current: oldKey } });
    await ready(before);
    await before.getOrFetch(identity(), countingPayer().fetch);
    const after = cacheOn(t, { keySecret, encryptionKeys: { current: { id: 'k2026', key: newKey() }, previous: [oldKey] } });
    await ready(after);
    const payer = countingPayer();
    t.equal((await after.getOrFetch(identity(), payer.fetch)).cache, 'hit');
    t.equal(payer.calls, 0);
  });

  t.test('treats an entry sealed with an unknown key id as a miss and logs no PHI', async (t) => {
    const keySecret = newKey();
    const writer = cacheOn(t, { keySecret, encryptionKeys: { current: { id: 'retired', key: newKey() } } });
    await ready(writer);
    await writer.getOrFetch(identity(), countingPayer().fetch);
    const warnings: { obj: object; msg: string }[] = [];
    const reader = cacheOn(t, { keySecret, logger: { warn: (obj, msg) => warnings.push({ obj, msg }) } });
    await ready(reader);
    const payer = countingPayer();
    const answer = await reader.getOrFetch(identity(), payer.fetch);
    t.equal(answer.cache, 'miss');
    t.equal(payer.calls, 1);
    t.ok(reader.stats().unreadableEntries >= 1, 'counted as unreadable');
    t.ok(warnings.length >= 1, 'logged');
    for (const warning of warnings) t.match(warning, { obj: { event: 'cache.entry-unreadable', reason: 'unknown-key-id', keyId: 'retired' } });
    const logged = JSON.stringify(warnings);
    for (const phi of Object.values(MEMBER_PHI)) t.notOk(logged.includes(phi), 'no PHI in the log line');
    t.equal((await reader.getOrFetch(identity(), payer.fetch)).cache, 'hit', 'the entry was rewritten with the current key');
  });

  t.test('refuses a value moved under another key', async (t) => {
    const keySecret = newKey();
    const encryptionKeys = { current: { id: 'k1', key: newKey() } };
    const cache = cacheOn(t, { keySecret, encryptionKeys });
    await ready(cache);
    const raw = await rawClient(t, server.url);
    await cache.getOrFetch(identity(), countingPayer().fetch);
    const victim = cacheKeysFor(identity({ memberId: 'VICTIM42' }), keySecret).valueKey;
    await raw.set(victim, (await raw.get(cacheKeysFor(identity(), keySecret).valueKey)) ?? '', 'PX', 60_000);
    const payer = countingPayer();
    t.equal((await cache.getOrFetch(identity({ memberId: 'VICTIM42' }), payer.fetch)).cache, 'miss');
    t.equal(payer.calls, 1);
  });

  t.test('makes one payer call for two service instances with 250 concurrent checks each', async (t) => {
    const shared = { keySecret: newKey(), encryptionKeys: { current: { id: 'k1', key: newKey() } } };
    const a = cacheOn(t, shared);
    const b = cacheOn(t, shared);
    await Promise.all([ready(a), ready(b)]);
    const payer = countingPayer({ latencyMs: 200 });
    const answers = await Promise.all(
      Array.from({ length: 500 }, (_, index) => (index % 2 === 0 ? a : b).getOrFetch(identity(), payer.fetch)),
    );
    t.equal(payer.calls, 1);
    t.equal(new Set(answers.map((answer) => answer.response.body)).size, 1);
    t.equal(a.stats().lockWaits + b.stats().lockWaits, 1, 'one instance waited on the other');
  });

  t.test('fetches itself when the lock holder dies without writing', async (t) => {
    const keySecret = newKey();
    const cache = cacheOn(t, { keySecret });
    await ready(cache);
    const raw = await rawClient(t, server.url);
    // Another instance took the lock and crashed: the lock expires after its TTL.
    await raw.set(cacheKeysFor(identity(), keySecret).lockKey, 'dead-instance', 'PX', 400);
    const payer = countingPayer();
    const started = Date.now();
    const answer = await cache.getOrFetch(identity(), payer.fetch);
    const elapsed = Date.now() - started;
    t.equal(answer.cache, 'miss');
    t.equal(payer.calls, 1);
    t.ok(elapsed >= 350 && elapsed < 2000, `waited for the lock to expire (${elapsed} ms)`);
  });

  t.test('stops waiting for a stuck lock after the lock timeout and fetches', async (t) => {
    const keySecret = newKey();
    const cache = cacheOn(t, { keySecret, lockTimeoutMs: 300 });
    await ready(cache);
    const raw = await rawClient(t, server.url);
    await raw.set(cacheKeysFor(identity(), keySecret).lockKey, 'stuck', 'PX', 60_000);
    const payer = countingPayer();
    const started = Date.now();
    await cache.getOrFetch(identity(), payer.fetch);
    t.equal(payer.calls, 1);
    t.ok(Date.now() - started < 1500, 'bounded by the lock timeout');
    t.equal(cache.stats().lockWaitTimeouts, 1);
    t.equal(await raw.get(cacheKeysFor(identity(), keySecret).lockKey), 'stuck', 'it did not release a lock it does not own');
  });

  t.test('keeps answering from the payer while Redis is down, and resumes caching after it restarts', async (t) => {
    const own = await startRedisServer(t);
    const cache = createCoverageCache({ redisUrl: own.url, keySecret: newKey(), encryptionKeys: { current: { id: 'k1', key: newKey() } }, clock: movableClock() });
    t.teardown(() => cache.close());
    await waitFor('redis ready', async () => (await cache.health()).status === 'ok', 5000);
    const payer = countingPayer();
    await cache.getOrFetch(identity(), payer.fetch);
    t.equal((await cache.getOrFetch(identity(), payer.fetch)).cache, 'hit');

    // Redis dies while a payer call is in flight: the write fails, the caller still gets its answer.
    const slowPayer = countingPayer({ latencyMs: 300 });
    const inFlight = cache.getOrFetch(identity({ memberId: 'INFLIGHT1' }), slowPayer.fetch);
    await sleep(100);
    await own.kill();
    t.equal((await inFlight).cache, 'miss', 'the in-flight call succeeds');
    t.equal(slowPayer.calls, 1);
    const started = Date.now();
    for (let index = 0; index < 5; index += 1) {
      const answer = await cache.getOrFetch(identity(), payer.fetch);
      t.equal(answer.cache, 'miss', `call ${index + 1} is answered by the payer`);
    }
    t.ok(Date.now() - started < 3000, 'the dead cache does not stall requests');
    t.equal(payer.calls, 6);
    t.ok(cache.stats().storeErrors > 0, 'store errors are counted');
    t.match(await cache.health(), { backend: 'redis', status: 'degraded', detail: String });

    await own.restart();
    await waitFor('reconnect', async () => (await cache.health()).status === 'ok', 10_000);
    t.equal((await cache.getOrFetch(identity(), payer.fetch)).cache, 'miss');
    t.equal((await cache.getOrFetch(identity(), payer.fetch)).cache, 'hit', 'caching resumed');
    t.equal(payer.calls, 7);
  });
});
