import t from 'tap';
import Fastify from 'fastify';
import { hashApiKey, parseApiKeysEnv } from '../../adapters/data-files/api-keys-file.js';
import { registerApiKeyAuth } from './api-key-auth.js';
import { sendProblem } from '../app.js';
import { problemFromError } from '../problem.js';
import { DomainError } from '../../core/errors.js';
import { createMetricsServer, createServiceMetrics, payerCallOutcome, registerMetrics, type CircuitState } from './metrics.js';

const ADMIN = `admin-${'a'.repeat(40)}`;
const CLINIC = `clinic-${'c'.repeat(40)}`;
const KEYS = parseApiKeysEnv(`ops/admin/${hashApiKey(ADMIN)},clinic/payers:read/${hashApiKey(CLINIC)}`);

async function build(t: { teardown(fn: () => unknown): void }, states: Record<string, CircuitState> = {}) {
  const metrics = createServiceMetrics({ circuitStates: () => states, defaultMetrics: false });
  const app = Fastify();
  app.setErrorHandler((error, request, reply) => sendProblem(reply, problemFromError(error, request)));
  registerApiKeyAuth(app, { keys: KEYS, env: 'test' });
  registerMetrics(app, metrics);
  app.get('/v1/payers/:payerId', { config: { scopes: ['payers:read'] } }, async () => ({ ok: true }));
  await app.ready();
  t.teardown(() => app.close());
  return { app, metrics };
}

t.test('a scrape after requests shows route patterns, never the raw URL or its query', async (t) => {
  const { app } = await build(t);
  await app.inject({ url: '/v1/payers/W123456789?memberId=W123456789&dob=1990-01-01', headers: { 'x-api-key': CLINIC } });
  await app.inject({ url: '/v1/payers/acme', headers: { 'x-api-key': CLINIC } });
  await app.inject({ url: '/no/such/W123456789' });
  const res = await app.inject({ url: '/metrics', headers: { authorization: `Bearer ${ADMIN}` } });
  t.equal(res.statusCode, 200);
  t.match(res.headers['content-type'], 'text/plain');
  t.match(res.body, 'http_request_duration_seconds_count{route="/v1/payers/:payerId",method="GET",status="200"} 2');
  t.match(res.body, 'http_request_duration_seconds_count{route="(unmatched)",method="GET",status="404"} 1');
  t.notMatch(res.body, /W123456789|1990-01-01|acme/);
});

t.test('GET /metrics needs a key with the admin scope', async (t) => {
  const { app } = await build(t);
  t.equal((await app.inject({ url: '/metrics' })).statusCode, 401);
  t.equal((await app.inject({ url: '/metrics', headers: { 'x-api-key': CLINIC } })).statusCode, 403);
});

t.test('payer calls, cache outcomes, batch sizes and circuit states are published by payer id', async (t) => {
  const states: Record<string, CircuitState> = { 'acme-health': 'open', 'blue-plan': 'closed' };
  const { app, metrics } = await build(t, states);
  metrics.observePayerCall('acme-health', 'timeout', 15.2);
  metrics.observePayerCall('acme-health', 'success', 0.4);
  metrics.observePayerCall('Not A Payer Id / W123456789', 'error', 0.1);
  metrics.recordCacheOutcome('hit');
  metrics.recordCacheOutcome('hit');
  metrics.recordCacheOutcome('stale');
  metrics.observeBatchSize(30);
  const body = (await app.inject({ url: '/metrics', headers: { 'x-api-key': ADMIN } })).body;
  t.match(body, 'payer_calls_total{payer_id="acme-health",outcome="timeout"} 1');
  t.match(body, 'payer_call_duration_seconds_bucket{le="20",payer_id="acme-health",outcome="timeout"} 1');
  t.match(body, 'payer_calls_total{payer_id="other",outcome="error"} 1', 'an unknown id is not a label');
  t.match(body, 'coverage_cache_lookups_total{outcome="hit"} 2');
  t.match(body, 'coverage_cache_lookups_total{outcome="stale"} 1');
  t.match(body, 'eligibility_batch_size_bucket{le="50"} 1');
  t.match(body, 'payer_circuit_state{payer_id="acme-health",state="open"} 1');
  t.match(body, 'payer_circuit_state{payer_id="acme-health",state="closed"} 0');
  t.match(body, 'payer_circuit_state{payer_id="blue-plan",state="closed"} 1');
  t.notMatch(body, 'W123456789');
  states['acme-health'] = 'half-open';
  const later = (await app.inject({ url: '/metrics', headers: { 'x-api-key': ADMIN } })).body;
  t.match(later, 'payer_circuit_state{payer_id="acme-health",state="half-open"} 1', 'states are read at each scrape');
});

t.test('with METRICS_PORT the metrics server answers on its own loopback port without a key', async (t) => {
  const metrics = createServiceMetrics({ defaultMetrics: true });
  metrics.recordCacheOutcome('miss');
  const server = createMetricsServer(metrics);
  t.teardown(() => server.close());
  const address = await server.listen({ host: '127.0.0.1', port: 0 });
  const res = await fetch(`${address}/metrics`);
  t.equal(res.status, 200);
  const body = await res.text();
  t.match(body, 'coverage_cache_lookups_total{outcome="miss"} 1');
  t.match(body, 'process_cpu_user_seconds_total');
});

t.test('a payer call cancelled because the client left is counted as cancelled, not as a payer timeout', async (t) => {
  const timeout = (reason: string) => new DomainError('payer.timeout', 'x', { meta: { reason } });
  t.equal(payerCallOutcome(timeout('cancelled')), 'cancelled');
  t.equal(payerCallOutcome(timeout('deadline')), 'timeout');
  t.equal(payerCallOutcome(new DomainError('payer.malformed-response', 'x')), 'malformed');
  t.equal(payerCallOutcome(new Error('boom')), 'error');
});
