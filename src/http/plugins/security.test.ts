import t from 'tap';
import Fastify from 'fastify';
import { parseCorsOrigins, registerSecurity } from './security.js';

async function build(t: { teardown(fn: () => unknown): void }, corsOrigins: string[] = []) {
  const app = Fastify();
  await registerSecurity(app, { corsOrigins });
  app.get('/reference', async (_request, reply) => reply.type('text/html; charset=utf-8').send('<!doctype html><style>p{}</style><p>hi</p>'));
  app.post('/v1/estimates', async () => ({ totalCents: 1 }));
  await app.ready();
  t.teardown(() => app.close());
  return app;
}

t.test('HTML pages get a strict CSP and the other helmet headers', async (t) => {
  const app = await build(t);
  const res = await app.inject({ url: '/reference' });
  const csp = String(res.headers['content-security-policy']);
  t.match(csp, "default-src 'none'");
  t.match(csp, "style-src 'unsafe-inline'");
  t.match(csp, "frame-ancestors 'none'");
  t.notMatch(csp, 'script-src', 'no script source is allowed at all');
  t.equal(res.headers['x-content-type-options'], 'nosniff');
  t.equal(res.headers['x-frame-options'], 'DENY', "as the CSP's frame-ancestors 'none' says");
  t.equal(res.headers['referrer-policy'], 'no-referrer');
  t.match(res.headers['strict-transport-security'], 'max-age=');
});

t.test('JSON answers carry nosniff too', async (t) => {
  const app = await build(t);
  const res = await app.inject({ method: 'POST', url: '/v1/estimates', payload: {} });
  t.equal(res.headers['x-content-type-options'], 'nosniff');
});

t.test('CORS is closed by default: no browser origin is allowed', async (t) => {
  const app = await build(t);
  const res = await app.inject({ method: 'POST', url: '/v1/estimates', payload: {}, headers: { origin: 'https://portal.example.org' } });
  t.equal(res.headers['access-control-allow-origin'], undefined);
  const preflight = await app.inject({
    method: 'OPTIONS',
    url: '/v1/estimates',
    headers: { origin: 'https://portal.example.org', 'access-control-request-method': 'POST' },
  });
  t.equal(preflight.headers['access-control-allow-origin'], undefined);
});

t.test('listed origins may call the API from a browser, others may not', async (t) => {
  const app = await build(t, parseCorsOrigins('https://portal.example.org, http://localhost:5173'));
  const preflight = await app.inject({
    method: 'OPTIONS',
    url: '/v1/estimates',
    headers: { origin: 'https://portal.example.org', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
  });
  t.equal(preflight.statusCode, 204);
  t.equal(preflight.headers['access-control-allow-origin'], 'https://portal.example.org');
  t.match(preflight.headers['access-control-allow-headers'], 'authorization');
  t.match(preflight.headers['access-control-allow-headers'], 'x-api-key');
  const allowed = await app.inject({ method: 'POST', url: '/v1/estimates', payload: {}, headers: { origin: 'http://localhost:5173' } });
  t.equal(allowed.headers['access-control-allow-origin'], 'http://localhost:5173');
  t.match(allowed.headers['access-control-expose-headers'], 'retry-after');
  const other = await app.inject({ method: 'POST', url: '/v1/estimates', payload: {}, headers: { origin: 'https://evil.example' } });
  t.equal(other.headers['access-control-allow-origin'], undefined);
});

t.test('CORS_ORIGINS refuses wildcards, paths and non-http schemes', async (t) => {
  t.same(parseCorsOrigins(undefined), []);
  t.same(parseCorsOrigins(' '), []);
  for (const bad of ['*', 'https://a.example/', 'https://a.example/app', 'ftp://a.example', 'portal.example.org']) {
    t.throws(() => parseCorsOrigins(bad), /CORS_ORIGINS/, bad);
  }
});
