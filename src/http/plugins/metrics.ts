/**
 * Prometheus metrics on a registry of our own (never prom-client's global one, so two apps in one
 * process, as in tests, do not collide). Labels are route PATTERNS, methods, statuses, payer ids
 * and cache outcomes: bounded sets that carry no PHI. Raw URLs never become labels.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { isDomainError } from '../../core/errors.js';

/** A payer's circuit breaker state. */
export type CircuitState = 'closed' | 'open' | 'half-open';

/** How a payer call ended. 'cancelled': our caller gave up (a client hung up), not a payer timeout. */
export type PayerCallOutcome = 'success' | 'rejected' | 'timeout' | 'cancelled' | 'unavailable' | 'malformed' | 'circuit-open' | 'error';

/** The outcome label for a failed payer call, from its domain error code. */
export function payerCallOutcome(error: unknown): PayerCallOutcome {
  if (!isDomainError(error)) return 'error';
  switch (error.code) {
    // A call cancelled because the client left says nothing about the payer's speed.
    case 'payer.timeout': return error.meta['reason'] === 'cancelled' ? 'cancelled' : 'timeout';
    case 'payer.unavailable': return 'unavailable';
    case 'payer.circuit-open': return 'circuit-open';
    case 'payer.rejected': return 'rejected';
    case 'payer.malformed-response': return 'malformed';
    default: return 'error';
  }
}

/** How a cache lookup was served. */
export type CacheOutcome = 'hit' | 'miss' | 'stale' | 'bypass';

/** The service's metrics and the functions that feed them. */
export interface ServiceMetrics {
  registry: Registry;
  /** Records one payer call: its latency and how it ended. */
  observePayerCall(payerId: string, outcome: PayerCallOutcome, seconds: number): void;
  /** Counts one cache lookup outcome. */
  recordCacheOutcome(outcome: CacheOutcome): void;
  /** Records the number of items in one batch eligibility request. */
  observeBatchSize(size: number): void;
}

const PAYER_ID = /^[a-z0-9][a-z0-9-]{1,62}$/;
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
const CIRCUIT_STATES: readonly CircuitState[] = ['closed', 'half-open', 'open'];

/** A payer id fit for a label: directory ids only, anything else collapses to "other". */
function payerLabel(payerId: string): string {
  return PAYER_ID.test(payerId) ? payerId : 'other';
}

/**
 * Creates the registry and metrics. `circuitStates` is read at each scrape to publish one gauge per
 * payer and state (1 for the current state); `defaultMetrics` adds Node process metrics.
 */
export function createServiceMetrics(options: { circuitStates?: () => Record<string, CircuitState>; defaultMetrics?: boolean } = {}): ServiceMetrics {
  const registry = new Registry();
  if (options.defaultMetrics !== false) collectDefaultMetrics({ register: registry });

  new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by route pattern, method and status',
    labelNames: ['route', 'method', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20],
    registers: [registry],
  });
  const payerLatency = new Histogram({
    name: 'payer_call_duration_seconds',
    help: 'Payer eligibility call latency by payer and outcome',
    labelNames: ['payer_id', 'outcome'] as const,
    // CAQH CORE allows a payer 20 s; buckets resolve the slow tail up to that.
    buckets: [0.1, 0.25, 0.5, 1, 2, 4, 8, 12, 15, 20],
    registers: [registry],
  });
  const payerCalls = new Counter({
    name: 'payer_calls_total',
    help: 'Payer eligibility calls by payer and outcome',
    labelNames: ['payer_id', 'outcome'] as const,
    registers: [registry],
  });
  const cacheLookups = new Counter({
    name: 'coverage_cache_lookups_total',
    help: 'Coverage cache lookups by outcome (hit, miss, stale, bypass)',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  const batchSize = new Histogram({
    name: 'eligibility_batch_size',
    help: 'Inquiries per batch eligibility request',
    buckets: [1, 2, 5, 10, 25, 50, 100, 250, 500],
    registers: [registry],
  });
  const circuitStates = options.circuitStates;
  new Gauge({
    name: 'payer_circuit_state',
    help: 'Circuit breaker state per payer: 1 for the current state, 0 for the others',
    labelNames: ['payer_id', 'state'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const [payerId, current] of Object.entries(circuitStates?.() ?? {})) {
        for (const state of CIRCUIT_STATES) this.set({ payer_id: payerLabel(payerId), state }, state === current ? 1 : 0);
      }
    },
  });

  return {
    registry,
    observePayerCall(payerId, outcome, seconds) {
      const labels = { payer_id: payerLabel(payerId), outcome };
      payerLatency.observe(labels, seconds);
      payerCalls.inc(labels);
    },
    recordCacheOutcome(outcome) {
      cacheLookups.inc({ outcome });
    },
    observeBatchSize(size) {
      batchSize.observe(size);
    },
  };
}

async function scrape(metrics: ServiceMetrics): Promise<string> {
  return metrics.registry.metrics();
}

/**
 * Times every request on `app` and, unless `serveRoute` is false, serves GET /metrics there,
 * requiring the `admin` scope. Register after registerApiKeyAuth.
 */
export function registerMetrics(app: FastifyInstance, metrics: ServiceMetrics, options: { serveRoute?: boolean } = {}): void {
  const duration = metrics.registry.getSingleMetric('http_request_duration_seconds') as Histogram<'route' | 'method' | 'status'>;
  app.addHook('onResponse', async (request, reply) => {
    duration.observe(
      {
        // The matched pattern (/v1/payers/:payerId), never the URL a caller typed.
        route: request.routeOptions.url ?? '(unmatched)',
        method: METHODS.has(request.method) ? request.method : 'OTHER',
        status: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
  });
  if (options.serveRoute === false) return;
  app.get('/metrics', { config: { scopes: ['admin'] }, logLevel: 'warn' }, async (_request, reply) =>
    reply.type(metrics.registry.contentType).send(await scrape(metrics)),
  );
}

/**
 * A separate Fastify instance that serves only GET /metrics, for METRICS_PORT: the port stays inside
 * the cluster (scraped by Prometheus through a NetworkPolicy) and needs no API key. Call listen on it.
 */
export function createMetricsServer(metrics: ServiceMetrics): FastifyInstance {
  const server = Fastify({ logger: false });
  server.get('/metrics', async (_request, reply) => reply.type(metrics.registry.contentType).send(await scrape(metrics)));
  return server;
}
