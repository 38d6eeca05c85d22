import { setTimeout as sleep } from 'node:timers/promises';
import t from 'tap';
import { countingPayer, identity, newKey } from '../../../test/support/cache-fixtures.js';
import { redisCli, requireRedis, startRedisCluster } from '../../../test/support/redis-server.js';
import { cacheKeysFor } from './cache-key.js';
import { createCoverageCache } from './coverage-cache.js';
import { createRedisStore } from './redis-store.js';

t.test('the cache on a 3-node Redis Cluster', async (t) => {
  if (!requireRedis(t)) return;
  const cluster = await startRedisCluster(t, 3);
  const shared = { redisClusterNodes: cluster.seeds, keySecret: newKey(), encryptionKeys: { current: { id: 'k1', key: newKey() } } };
  const a = createCoverageCache(shared);
  const b = createCoverageCache(shared);
  t.teardown(() => Promise.all([a.close(), b.close()]));
  for (const cache of [a, b]) {
    const deadline = Date.now() + 10_000;
    while ((await cache.health()).status !== 'ok' && Date.now() < deadline) await sleep(50);
  }

  t.test('reports the cluster as healthy', async (t) => {
    t.same(await a.health(), { backend: 'redis-cluster', status: 'ok' });
  });

  t.test('stores and reads members whose keys live on different nodes', async (t) => {
    const payer = countingPayer();
    const members = Array.from({ length: 12 }, (_, index) => identity({ memberId: `CLUSTER${index}` }));
    for (const member of members) await a.getOrFetch(member, payer.fetch);
    for (const member of members) t.equal((await b.getOrFetch(member, payer.fetch)).cache, 'hit');
    t.equal(payer.calls, 12);
    const owners = new Set<number>();
    for (const member of members) {
      const { valueKey, lockKey } = cacheKeysFor(member, shared.keySecret);
      const slot = Number(await redisCli(cluster.nodes[0]?.port ?? 0, 'CLUSTER', 'KEYSLOT', valueKey));
      t.equal(Number(await redisCli(cluster.nodes[0]?.port ?? 0, 'CLUSTER', 'KEYSLOT', lockKey)), slot, 'lock and value share a slot');
      for (const node of cluster.nodes) {
        if (Number(await redisCli(node.port, 'CLUSTER', 'COUNTKEYSINSLOT', String(slot))) > 0) owners.add(node.port);
      }
    }
    t.ok(owners.size >= 2, `entries spread over ${owners.size} nodes`);
  });

  t.test('locks across the cluster so two instances make one payer call', async (t) => {
    const payer = countingPayer({ latencyMs: 200 });
    const member = identity({ memberId: 'STAMPEDE1' });
    await Promise.all(Array.from({ length: 200 }, (_, index) => (index % 2 === 0 ? a : b).getOrFetch(member, payer.fetch)));
    t.equal(payer.calls, 1);
  });

  t.test('gives the lock to one owner only and lets only that owner release it', async (t) => {
    const store = createRedisStore({ clusterNodes: cluster.seeds });
    t.teardown(() => store.close());
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && !(await store.ping().then(() => true, () => false))) await sleep(50);
    const { lockKey, valueKey } = cacheKeysFor(identity({ memberId: 'LOCKS1' }), shared.keySecret);
    t.equal(await store.tryLock(lockKey, 'one', 5000), true);
    t.equal(await store.tryLock(lockKey, 'two', 5000), false);
    await store.unlock(lockKey, 'two');
    t.equal(await store.tryLock(lockKey, 'two', 5000), false, 'a non-owner cannot release it');
    await store.unlock(lockKey, 'one');
    t.equal(await store.tryLock(lockKey, 'two', 5000), true);
    await store.set(valueKey, 'sealed', 5000);
    t.equal(await store.get(valueKey), 'sealed');
  });
});
