import t from 'tap';
import { redisCli, requireRedis, REDIS_MISSING_NOTICE, startRedisServer, type TestLike } from './redis-server.js';

function recorder(): TestLike & { calls: string[] } {
  const calls: string[] = [];
  return { calls, teardown: () => {}, fail: (message) => calls.push(`fail: ${message}`), pass: (message, extra) => calls.push(`skip: ${extra.skip}`) };
}

t.test('a missing redis-server skips Redis tests with a notice on a laptop', async (t) => {
  const fake = recorder();
  t.equal(requireRedis(fake, false, {}), false);
  t.same(fake.calls, [`skip: ${REDIS_MISSING_NOTICE}`]);
});

t.test('a missing redis-server fails the run under CI=true', async (t) => {
  const fake = recorder();
  t.equal(requireRedis(fake, false, { CI: 'true' }), false);
  t.match(fake.calls, [/^fail: redis-server not found and CI=true/]);
});

t.test('a started redis-server answers, and is gone after teardown', async (t) => {
  if (!requireRedis(t)) return;
  let port = 0;
  await t.test('start', async (t) => {
    const server = await startRedisServer(t);
    port = server.port;
    t.equal((await redisCli(port, 'PING')).trim(), 'PONG');
    t.equal((await redisCli(port, 'CONFIG', 'GET', 'bind')).split('\n')[1], '127.0.0.1');
  });
  await t.rejects(redisCli(port, 'PING'), 'nothing listens on the port any more');
});
