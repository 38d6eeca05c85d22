/**
 * Per-caller rate limits with @fastify/rate-limit: one bucket per API key name (per client IP for
 * callers without a key), RATE_LIMIT_PER_MINUTE requests a minute. With a Redis client the buckets
 * live in Redis, so the limit holds across every instance behind the load balancer.
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Cluster, Redis } from 'ioredis';
import { DomainError } from '../../core/errors.js';

/** Options for registerRateLimits. */
export interface RateLimitsOptions {
  /** Requests per key per minute (RATE_LIMIT_PER_MINUTE). */
  perMinute: number;
  /** Shared store; without it each instance counts on its own. */
  redis?: Redis | Cluster;
  /** Window length; one minute unless a test shortens it. */
  windowMs?: number;
}

/** Routes never limited: probes must not be throttled into restarts, and scrapes are operator traffic. */
const UNLIMITED_ROUTE = /^\/(health\/|metrics$)/;

/** The bucket a request counts against: the key name when authenticated, else the client IP. */
export function rateLimitBucket(request: FastifyRequest): string {
  return request.apiKey ? `key:${request.apiKey.name}` : `ip:${request.ip}`;
}

/**
 * Registers the limiter on `app`. Register it after registerApiKeyAuth and before the routes: it
 * attaches to routes as they are added, and runs after the caller is identified (so it can key by
 * caller) but before a request without a valid key is refused (so those are counted too).
 * A 429 leaves through the app's error handler as problem+json `rate-limit.exceeded`, with
 * x-ratelimit-limit/-remaining/-reset and Retry-After headers.
 */
export async function registerRateLimits(app: FastifyInstance, options: RateLimitsOptions): Promise<void> {
  await app.register(rateLimit, {
    global: true,
    max: options.perMinute,
    timeWindow: options.windowMs ?? 60_000,
    hook: 'onRequest',
    keyGenerator: rateLimitBucket,
    allowList: (request) => UNLIMITED_ROUTE.test(request.routeOptions.url ?? ''),
    ...(options.redis ? { redis: options.redis, nameSpace: 'coverage-estimator:rate-limit:' } : {}),
    // If Redis is briefly unreachable, serve rather than fail every request: limits protect the
    // payers and us from floods, and a short unlimited window is less harmful than an outage.
    skipOnError: true,
    errorResponseBuilder: (request, context) =>
      new DomainError('rate-limit.exceeded', `${request.apiKey ? 'This API key' : 'This address, without a valid API key,'} made more than ${context.max} requests in a minute; retry in ${context.after}`, {
        meta: { limit: context.max, retryAfterSeconds: Math.max(1, Math.ceil(context.ttl / 1000)) },
      }),
  });
}
