import t from 'tap';
import { cacheContract } from '../../../test/support/cache-contract.js';
import { countingPayer, identity, movableClock, newKey } from '../../../test/support/cache-fixtures.js';
import { createCoverageCache } from './coverage-cache.js';
import { createMemoryStore } from './memory-store.js';

t.test('the in-memory cache', async (t) => {
  cacheContract(t, async (t, options) => {
    const cache = createCoverageCache({ keySecret: newKey(), encryptionKeys: { current: { id: 'k1', key: newKey() } }, ...options });
    t.teardown(() => cache.close());
    t.equal(cache.backend, 'memory');
    return cache;
  });
});

t.test('the in-memory cache forgets the least recently used member when full', async (t) => {
  const clock = movableClock();
  const store = createMemoryStore({ maxEntries: 2, now: () => clock.now().getTime() });
  const cache = createCoverageCache({ store, clock, keySecret: newKey(), encryptionKeys: { current: { id: 'k1', key: newKey() } } });
  const payer = countingPayer();
  const a = identity({ memberId: 'A1' });
  const b = identity({ memberId: 'B2' });
  const c = identity({ memberId: 'C3' });
  await cache.getOrFetch(a, payer.fetch);
  await cache.getOrFetch(b, payer.fetch);
  t.equal((await cache.getOrFetch(a, payer.fetch)).cache, 'hit', 'reading a makes b the oldest');
  await cache.getOrFetch(c, payer.fetch);
  t.equal(store.size(), 2);
  t.equal((await cache.getOrFetch(a, payer.fetch)).cache, 'hit');
  t.equal((await cache.getOrFetch(b, payer.fetch)).cache, 'miss', 'b was evicted');
  t.equal(payer.calls, 4);
});

t.test('the in-memory store drops entries and locks when their TTL ends', async (t) => {
  let now = 0;
  const store = createMemoryStore({ maxEntries: 10, now: () => now });
  await store.set('k', 'v', 1000);
  t.equal(await store.get('k'), 'v');
  t.equal(await store.tryLock('l', 'one', 1000), true);
  t.equal(await store.tryLock('l', 'two', 1000), false);
  await store.unlock('l', 'two');
  t.equal(await store.tryLock('l', 'two', 1000), false, 'a non-owner cannot release the lock');
  now = 1000;
  t.equal(await store.get('k'), null);
  t.equal(await store.tryLock('l', 'two', 1000), true, 'an expired lock can be taken');
});

t.test('the cache refuses to start with a short key secret or a bad encryption key', async (t) => {
  t.throws(() => createCoverageCache({ keySecret: Buffer.alloc(16), encryptionKeys: { current: { id: 'k1', key: newKey() } } }), /at least 32 bytes/);
  t.throws(() => createCoverageCache({ keySecret: newKey(), encryptionKeys: { current: { id: 'k1', key: Buffer.alloc(16) } } }), /32 bytes/);
  t.throws(() => createCoverageCache({ keySecret: newKey(), encryptionKeys: { current: { id: 'bad id!', key: newKey() } } }), /key id/);
});

t.test('repeat reads of one entry open it once; an entry rewritten by another instance is opened again', async (t) => {
  const store = createMemoryStore({ maxEntries: 10, now: () => Date.now() });
  const secrets = { keySecret: newKey(), encryptionKeys: { current: { id: 'k1', key: newKey() } } };
  const writer = createCoverageCache({ store, ...secrets });
  const reader = createCoverageCache({ store, ...secrets });
  const payer = countingPayer();
  await writer.getOrFetch(identity(), payer.fetch);
  const first = await reader.getOrFetch(identity(), payer.fetch);
  const second = await reader.getOrFetch(identity(), payer.fetch);
  t.equal(first.cache, 'hit');
  t.equal(second.response, first.response, 'the same answer object, so what was read from it can be reused');

  await writer.getOrFetch(identity(), payer.fetch, { bypass: true });
  const third = await reader.getOrFetch(identity(), payer.fetch);
  t.not(third.response, first.response);
  t.match(third.response.body, 'call-2', 'the rewritten entry is read, not the remembered one');

  const unremembering = createCoverageCache({ store, ...secrets, openedEntriesMemo: 0 });
  const a = await unremembering.getOrFetch(identity(), payer.fetch);
  const b = await unremembering.getOrFetch(identity(), payer.fetch);
  t.not(a.response, b.response, 'with the memo off every read is opened afresh');
  t.same(a.response, b.response);
  t.equal(payer.calls, 2);
});
