/**
 * buildApp(deps): the whole HTTP service as a Fastify instance that never listens. Tests call
 * `app.inject()`; src/server.ts adds the socket, timeouts and graceful shutdown.
 */
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyServerOptions, type RouteOptions } from 'fastify';
import type { Logger } from 'pino';
import { addContractFormats, CONTRACT_SCHEMA_ID, requestMediaTypes, type Contract } from './contract.js';
import { problemFromCode, problemFromError, type Problem } from './problem.js';
import { DomainError } from '../core/errors.js';
import { registerHealthRoutes, type ReadinessCheck } from './routes/health.js';
import { registerMetaRoutes } from './routes/meta.js';
import { registerPayerRoutes } from './routes/payers.js';
import { registerCoverageRoutes } from './routes/coverage.js';
import type { PayerEntry } from '../adapters/data-files/payer-directory-file.js';
import type { VerifyCoverageDeps } from '../use-cases/verify-coverage.js';
import { registerEligibilityRoutes } from './routes/eligibility.js';
import { registerEligibilityBatchRoutes } from './routes/eligibility-batch.js';
import { registerRulesRoutes } from './routes/rules.js';
import { registerEstimateRoutes } from './routes/estimates.js';
import { registerGoodFaithEstimateRoutes } from './routes/good-faith-estimates.js';
import { registerPageRoutes } from './routes/pages.js';
import type { EstimateCostDeps } from '../use-cases/estimate-cost.js';
import type { Cluster, Redis } from 'ioredis';
import type { ApiKeyRecord } from '../adapters/data-files/api-keys-file.js';
import type { AuditLog } from '../adapters/audit/audit-log.js';
import { registerApiKeyAuth } from './plugins/api-key-auth.js';
import { registerRateLimits } from './plugins/rate-limits.js';
import { registerMetrics, type ServiceMetrics } from './plugins/metrics.js';
import { helmetHeaders, registerSecurity } from './plugins/security.js';
import { registerAuditTrail } from './audit-trail.js';
import type { PovertyGuideline } from '../core/rules/poverty-guidelines.js';
import type { SlidingFeeSchedule } from '../core/rules/sliding-fee-schedule.js';
import type { PriorAuthRule } from '../core/rules/prior-auth.js';

/** Everything the HTTP layer needs, built by the composition root (or a test). */
export interface AppDeps {
  contract: Contract;
  logger: Logger;
  payers: readonly PayerEntry[];
  readinessChecks: readonly ReadinessCheck[];
  /** Flipped by the server when shutdown starts, so readiness fails and load balancers drain us. */
  lifecycle: { shuttingDown: boolean };
  /** Ports for live eligibility checks. */
  verifyCoverage: VerifyCoverageDeps;
  /** Ports and data for estimates. */
  estimates: EstimateCostDeps;
  /** Authentication, rate limits and browser security. */
  security: {
    apiKeys: readonly ApiKeyRecord[];
    env: 'development' | 'test' | 'production';
    corsOrigins: readonly string[];
    rateLimitPerMinute: number;
    redis?: Redis | Cluster;
    metricsOnSeparatePort: boolean;
  };
  metrics: ServiceMetrics;
  audit: { log: AuditLog; hashSecret: Buffer };
  /** Largest number of batch items checked at once, across payers (each payer has its own limit too). */
  batchMaxConcurrency: number;
  /** The clinic's rules, validated at start-up. */
  rules: {
    povertyGuidelines: readonly PovertyGuideline[];
    slidingFeeSchedule: SlidingFeeSchedule;
    priorAuthRules: readonly PriorAuthRule[];
  };
}

/** Server-level options the composition root sets (timeouts, limits, proxies). */
export interface AppOptions {
  bodyLimitBytes?: number;
  requestTimeoutMs?: number;
  keepAliveTimeoutMs?: number;
  connectionTimeoutMs?: number;
  trustProxy?: boolean | number | string[];
}

/** A route as registered, for the contract test. */
export interface RegisteredRoute {
  method: string;
  url: string;
  operationId: string | undefined;
  methodNotAllowed: boolean;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The contract operation a route serves. */
    operationId?: string;
    /** Marks the generated 405 routes. */
    methodNotAllowed?: boolean;
  }
  interface FastifyInstance {
    /** Every route registered, in order (including HEAD and 405 routes). */
    registeredRoutes: RegisteredRoute[];
  }
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Router errors skip the onRequest hooks, so they get the security headers here. */
const ROUTER_ERROR_HEADERS = helmetHeaders();

/** Sends a problem+json reply. */
export function sendProblem(reply: FastifyReply, problem: Problem) {
  return reply.status(problem.status).type('application/problem+json').send(problem);
}

/** Builds the application. It registers every route from the contract and never listens. */
export async function buildApp(deps: AppDeps, options: AppOptions = {}): Promise<FastifyInstance> {
  const serverOptions: FastifyServerOptions = {
    loggerInstance: deps.logger,
    bodyLimit: options.bodyLimitBytes ?? 1024 * 1024,
    requestTimeout: options.requestTimeoutMs ?? 30_000,
    keepAliveTimeout: options.keepAliveTimeoutMs ?? 72_000,
    connectionTimeout: options.connectionTimeoutMs ?? 60_000,
    trustProxy: (options.trustProxy ?? false) as FastifyServerOptions["trustProxy"],
    return503OnClosing: true,
    requestIdHeader: false,
    // Accept a caller's x-request-id when it is safe to log; otherwise mint one.
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    ajv: {
      customOptions: {
        // Unknown properties are rejected, never silently dropped; types are never coerced in bodies.
        removeAdditional: false,
        coerceTypes: false,
        useDefaults: true,
        allErrors: false,
        strict: false,
      },
      plugins: [addContractFormats],
    },
    routerOptions: { ignoreTrailingSlash: false, maxParamLength: 200 },
    // Errors the router raises before any route or hook runs (a malformed percent-encoding, an
    // over-long path parameter) leave as problem+json too, never Fastify's own JSON echoing the path.
    frameworkErrors: (error, request, reply) => {
      reply.header('x-request-id', request.id);
      reply.headers(ROUTER_ERROR_HEADERS);
      const problem = problemFromError(error, request);
      // The path could not be read (or is absurdly long): it is not echoed back.
      delete problem.instance;
      request.log.info({ code: problem.code, status: problem.status }, 'request rejected');
      void sendProblem(reply, problem);
    },
  };
  const app = Fastify(serverOptions) as unknown as FastifyInstance;

  app.addSchema({ $id: CONTRACT_SCHEMA_ID, components: deps.contract.document.components });
  // Operations take JSON unless the contract says otherwise; the routes that take text (normalize)
  // add their own parsers. Without this, text/plain reached JSON operations as a string (a
  // confusing 400 "must be object") instead of the 415 the contract promises.
  app.removeContentTypeParser('text/plain');

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    // API answers can carry PHI: no shared cache (proxy, CDN, browser) may keep them.
    if (request.url.startsWith('/v1/')) reply.header('cache-control', 'no-store');
  });

  app.setErrorHandler((error, request, reply) => {
    const problem = problemFromError(error, request);
    if ((error as { code?: unknown }).code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      // Fastify found no parser for the body: name what this operation takes (normalize takes X12,
      // FHIR, XML and multipart, not just JSON).
      const operationId = (request.routeOptions.config as { operationId?: string } | undefined)?.operationId;
      const types = operationId === undefined ? [] : requestMediaTypes(deps.contract, operationId);
      if (types.length > 0) problem.detail = `Send the request body as ${types.length === 1 ? types[0] : `one of: ${types.join(', ')}`}`;
    }
    request.problemCode = problem.code;
    if (problem.status >= 500) request.log.error({ err: error, code: problem.code }, 'request failed');
    else request.log.info({ code: problem.code, status: problem.status }, 'request rejected');
    return sendProblem(reply, problem);
  });

  // Collect every route so unknown methods on known paths answer 405 with an Allow header.
  const methodsByUrl = new Map<string, Set<string>>();
  const registeredRoutes: RegisteredRoute[] = [];
  app.decorate('registeredRoutes', registeredRoutes);
  app.addHook('onRoute', (route: RouteOptions) => {
    // CORS answers OPTIONS on every path ('*'): not a resource, so no 405 siblings for it.
    if (route.url === '*') return;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const config = (route.config ?? {}) as { operationId?: string; methodNotAllowed?: boolean };
    for (const m of methods) {
      registeredRoutes.push({ method: m, url: route.url, operationId: config.operationId, methodNotAllowed: config.methodNotAllowed === true });
    }
    if (config.methodNotAllowed) return;
    const set = methodsByUrl.get(route.url) ?? new Set<string>();
    for (const m of methods) set.add(m);
    methodsByUrl.set(route.url, set);
  });

  await registerSecurity(app, { corsOrigins: deps.security.corsOrigins });
  registerApiKeyAuth(app, { keys: deps.security.apiKeys, env: deps.security.env });
  // Bodies are read as sent: a compressed one would otherwise fail as "not valid JSON". After
  // authentication (a caller without a key hears 401 first), and only when there is a body.
  app.addHook('preParsing', async (request) => {
    const encoding = request.headers['content-encoding'];
    const hasBody = request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;
    if (hasBody && encoding !== undefined && encoding.trim().toLowerCase() !== 'identity') {
      throw new DomainError('request.unsupported-media-type', 'Send the request body uncompressed: Content-Encoding is not supported');
    }
  });
  await registerRateLimits(app, {
    perMinute: deps.security.rateLimitPerMinute,
    ...(deps.security.redis ? { redis: deps.security.redis } : {}),
  });
  registerMetrics(app, deps.metrics, { serveRoute: !deps.security.metricsOnSeparatePort });
  registerAuditTrail(app, deps.audit);

  registerHealthRoutes(app, deps);
  registerMetaRoutes(app, deps);
  registerPayerRoutes(app, deps);
  registerCoverageRoutes(app, deps);
  registerEligibilityRoutes(app, deps);
  registerEligibilityBatchRoutes(app, deps);
  registerRulesRoutes(app, deps);
  registerEstimateRoutes(app, deps);
  registerGoodFaithEstimateRoutes(app, deps);
  registerPageRoutes(app, deps);

  await app.after();
  // OPTIONS too when CORS is closed (RFC 9110 9.3.7: 204 with Allow). When CORS is open, its
  // preflight route answers OPTIONS on every path, and a route here would shadow it.
  const corsClosed = deps.security.corsOrigins.length === 0;
  const allMethods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', ...(corsClosed ? ['OPTIONS'] : [])];
  for (const [url, methods] of [...methodsByUrl]) {
    const others = allMethods.filter((m) => !methods.has(m));
    if (others.length === 0) continue;
    const allow = [...methods].sort().join(', ');
    app.route({
      method: others,
      url,
      config: { methodNotAllowed: true },
      handler: async (request, reply) => {
        if (request.method === 'OPTIONS') return reply.code(204).header('allow', `${allow}, OPTIONS`).send();
        reply.header('allow', allow);
        return sendProblem(
          reply,
          problemFromCode('route.method-not-allowed', `${request.method} is not allowed here; use ${allow}`, {
            instance: request.url.split('?')[0] ?? request.url,
            requestId: request.id,
          }),
        );
      },
    });
  }

  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      reply,
      problemFromCode('route.not-found', 'No resource at this path; see /reference for the API', {
        instance: request.url.split('?')[0] ?? request.url,
        requestId: request.id,
      }),
    ),
  );

  return app;
}
