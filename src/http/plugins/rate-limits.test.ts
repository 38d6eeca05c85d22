import t from 'tap';
import Fastify from 'fastify';
import { Redis } from 'ioredis';
import { sendProblem } from '../app.js';
import { problemFromError } from '../problem.js';
import { hashApiKey, parseApiKeysEnv } from '../../adapters/data-files/api-keys-file.js';
import { requireRedis, startRedisServer } from '../../../test/support/redis-server.js';
import { registerApiKeyAuth } from './api-key-auth.js';
import { registerRateLimits, type RateLimitsOptions } from './rate-limits.js';

const KEY_A = `a-${'1'.repeat(40)}`;
const KEY_B = `b-${'2'.repeat(40)}`;
const KEYS = parseApiKeysEnv(`clinic-a/payers:read/${hashApiKey(KEY_A)},clinic-b/payers:read/${hashApiKey(KEY_B)}`);

async function build(t: { teardown(fn: () => unknown): void }, options: RateLimitsOptions) {
  const app = Fastify();
  // The same mapping buildApp uses, so the 429 is the real problem+json.
  app.setErrorHandler((error, request, reply) => sendProblem(reply, problemFromError(error, request)));
  registerApiKeyAuth(app, { keys: KEYS, env: 'test' });
  await registerRateLimits(app, options);
  app.get('/v1/payers', { config: { scopes: ['payers:read'] } }, async () => ({ items: [] }));
  app.get('/health/live', async () => ({ status: 'ok' }));
  await app.ready();
  t.teardown(() => app.close());
  return app;
}

const as = (key: string) => ({ url: '/v1/payers', headers: { 'x-api-key': key } });

t.test('a key used past its limit gets 429 rate-limit.exceeded with Retry-After, other keys are unaffected', async (t) => {
  const app = await build(t, { perMinute: 3 });
  for (let i = 0; i < 3; i += 1) {
    const ok = await app.inject(as(KEY_A));
    t.equal(ok.statusCode, 200);
    t.equal(ok.headers['x-ratelimit-limit'], '3');
    t.equal(ok.headers['x-ratelimit-remaining'], String(2 - i));
    t.ok(Number(ok.headers['x-ratelimit-reset']) > 0);
  }
  const limited = await app.inject(as(KEY_A));
  t.equal(limited.statusCode, 429);
  t.match(limited.headers['content-type'], 'application/problem+json');
  t.match(limited.json(), { code: 'rate-limit.exceeded', status: 429, meta: { limit: 3 } });
  const retryAfter = Number(limited.headers['retry-after']);
  t.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After ${retryAfter} is within the minute`);
  t.equal(limited.headers['x-ratelimit-remaining'], '0');
  t.equal((await app.inject(as(KEY_B))).statusCode, 200, 'another key has its own bucket');
});

t.test('health probes are never rate limited', async (t) => {
  const app = await build(t, { perMinute: 1 });
  for (let i = 0; i < 3; i += 1) t.equal((await app.inject({ url: '/health/live' })).statusCode, 200);
});

t.test('with Redis, two instances share one limit per key', async (t) => {
  if (!requireRedis(t)) return;
  const server = await startRedisServer(t);
  const clients = [new Redis(server.url), new Redis(server.url)];
  t.teardown(() => Promise.all(clients.map((c) => c.quit())));
  const [one, two] = await Promise.all(clients.map((redis) => build(t, { perMinute: 4, redis })));
  const codes: number[] = [];
  for (let i = 0; i < 5; i += 1) codes.push((await (i % 2 === 0 ? one! : two!).inject(as(KEY_A))).statusCode);
  t.same(codes, [200, 200, 200, 200, 429], 'the fifth request overall is refused, whichever instance gets it');
  t.equal((await two!.inject(as(KEY_B))).statusCode, 200);
});
