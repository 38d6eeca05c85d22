/**
 * The composition root: read the environment, load and validate every data file, build the real
 * adapters, hand them to buildApp, listen, and shut down gracefully. Nothing else reads process.env.
 */
import path from 'node:path';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig, type Config } from './config.js';
import { createLogger } from './logger.js';
import { loadContract } from './http/contract.js';
import { buildApp } from './http/app.js';
import { loadPayerDirectoryFile, resolvePayer } from './adapters/data-files/payer-directory-file.js';
import { DataFileError } from './adapters/data-files/read-data-file.js';
import { loadPovertyGuidelineFiles } from './adapters/data-files/poverty-guidelines-file.js';
import { loadSlidingFeeScheduleFile } from './adapters/data-files/sliding-fee-schedule-file.js';
import { loadPriorAuthRulesFile } from './adapters/data-files/prior-auth-rules-file.js';
import { loadFeeScheduleFile } from './adapters/data-files/fee-schedule-file.js';
import type { ReadinessCheck } from './http/routes/health.js';
import { createCoverageCache } from './adapters/cache/coverage-cache.js';
import { createPayerGateways } from './adapters/payers/transport/payer-gateways.js';
import { PayerConfigurationError } from './adapters/payers/transport/payer-credentials.js';
import { normalizePayerDocument } from './adapters/payers/normalize-payer-document.js';
import { latestDateEveryUsPayerHasReached, type VerifyCoverageDeps } from './use-cases/verify-coverage.js';
import { Redis, Cluster } from 'ioredis';
import { pino, type DestinationStream } from 'pino';
import { ApiKeysConfigError, loadApiKeys } from './adapters/data-files/api-keys-file.js';
import { ApiKeyAuthConfigError } from './http/plugins/api-key-auth.js';
import { createAuditLog } from './adapters/audit/audit-log.js';
import { createServiceMetrics, createMetricsServer, payerCallOutcome } from './http/plugins/metrics.js';
import { parseCorsOrigins } from './http/plugins/security.js';
import type { PayerGateway } from './core/ports.js';
import { calendarDateIn } from './core/clinic-date.js';

/** The package root: one level above this file, in src/ (tsx) and in dist/ (built) alike. */
/** The folder holding package.json: above src/ under tsx, dist/ when built, dist-bench/src/ for the benchmarks. */
export const PACKAGE_ROOT = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)));

function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(from, '..');
  }
}

/** Builds the app from a validated config (used by the server and the end-to-end tests). */
export async function createService(
  config: Config,
  logger = createLogger({ level: config.logLevel, pretty: config.logPretty }),
  options: { auditDestination?: DestinationStream } = {},
) {
  const contract = loadContract(PACKAGE_ROOT);
  const payers = loadPayerDirectoryFile(config.files.payerDirectory);
  const rules = {
    povertyGuidelines: loadPovertyGuidelineFiles(config.files.povertyGuidelines),
    slidingFeeSchedule: loadSlidingFeeScheduleFile(config.files.slidingFeeSchedule),
    priorAuthRules: loadPriorAuthRulesFile(config.files.priorAuthRules),
  };
  const feeSchedule = loadFeeScheduleFile(config.files.feeSchedule);
  const clock = { now: () => new Date(), today: () => calendarDateIn(new Date(), config.clinicTimeZone) };
  const gateways = createPayerGateways(payers, {
    env: process.env,
    logger,
    sandboxTimeoutMs: config.sandboxTimeoutMs,
    defaultDeadlineMs: config.payerDeadlineMs,
    sandboxFixturesDir: path.join(PACKAGE_ROOT, 'fixtures/sandbox'),
  });
  const cache = createCoverageCache({
    ...(config.redis.url ? { redisUrl: config.redis.url } : {}),
    ...(config.redis.clusterNodes ? { redisClusterNodes: config.redis.clusterNodes } : {}),
    memoryMaxEntries: config.cache.memoryMaxEntries,
    redisCommandTimeoutMs: config.cache.redisCommandTimeoutMs,
    keySecret: config.cache.keySecret,
    encryptionKeys: { current: config.cache.encryptionKey, previous: config.cache.previousEncryptionKeys },
    freshSeconds: config.cache.freshSeconds,
    staleIfErrorSeconds: config.cache.staleIfErrorSeconds,
    negativeTtlSeconds: config.cache.negativeTtlSeconds,
    lockTimeoutMs: config.cache.lockTimeoutMs,
    logger,
  });
  const metrics = createServiceMetrics({ circuitStates: () => gateways.getCircuitStates() });
  // Payer calls are timed where they happen, so cache hits never count as payer latency.
  const instrumented = (payerId: string, gateway: PayerGateway): PayerGateway => ({
    async fetchEligibility(inquiry, options) {
      const started = performance.now();
      try {
        const answer = await gateway.fetchEligibility(inquiry, options);
        metrics.observePayerCall(payerId, 'success', (performance.now() - started) / 1000);
        return answer;
      } catch (error) {
        metrics.observePayerCall(payerId, payerCallOutcome(error), (performance.now() - started) / 1000);
        throw error;
      }
    },
  });
  const verifyDeps: VerifyCoverageDeps = {
    findPayer: (idOrAlias) => {
      try {
        const payer = resolvePayer(payers, idOrAlias);
        return {
          id: payer.id,
          ...(payer.connection?.cache ? { cache: payer.connection.cache } : {}),
          ...(payer.connection?.serviceTypesPerInquiry !== undefined ? { serviceTypesPerInquiry: payer.connection.serviceTypesPerInquiry } : {}),
        };
      } catch {
        return undefined;
      }
    },
    gatewayFor: (payerId) => instrumented(payerId, gateways(payerId)),
    cache: {
      getOrFetch: async (identity, fetch, options) => {
        const answer = await cache.getOrFetch(identity, fetch, options);
        metrics.recordCacheOutcome(answer.cache);
        return answer;
      },
      health: () => cache.health(),
      close: () => cache.close(),
    },
    normalize: (raw) => normalizePayerDocument(raw.body, raw.format).coverages,
    today: () => latestDateEveryUsPayerHasReached(clock.now()),
  };
  const lifecycle = { shuttingDown: false };
  const readinessChecks: ReadinessCheck[] = [
    { name: 'payer-directory', critical: true, check: async () => ({ status: 'ok', detail: `${payers.length} payers` }) },
    {
      name: 'cache',
      // The cache is optional: when Redis is down, checks go straight to payers.
      critical: false,
      check: async () => {
        const health = await cache.health();
        return { status: health.status, detail: health.detail ? `${health.backend}: ${health.detail}` : health.backend };
      },
    },
    {
      name: 'payer-circuits',
      critical: false,
      check: async () => {
        const open = Object.entries(gateways.getCircuitStates()).filter(([, state]) => state !== 'closed');
        return open.length === 0
          ? { status: 'ok', detail: 'all payer circuits closed' }
          : { status: 'degraded', detail: `open: ${open.map(([id, state]) => `${id} (${state})`).join(', ')}` };
      },
    },
  ];
  const apiKeys = loadApiKeys({ apiKeys: config.security.apiKeys, apiKeysFile: config.security.apiKeysFile });
  // The rate limiter shares Redis with the cache (its own connection) so limits hold across instances.
  const rateLimitRedis = config.redis.clusterNodes
    ? new Cluster(config.redis.clusterNodes.map((node) => ({ host: node.split(':')[0], port: Number(node.split(':')[1]) })), { enableOfflineQueue: false })
    : config.redis.url
      ? new Redis(config.redis.url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: config.cache.redisCommandTimeoutMs })
      : undefined;
  rateLimitRedis?.on('error', () => undefined); // the limiter skips on error; the cache reports Redis health
  const audit = { log: createAuditLog(options.auditDestination ?? config.audit.file ?? pino.destination({ dest: 2, sync: false })), hashSecret: config.audit.hashSecret };
  const metricsServer = config.security.metricsPort !== undefined ? createMetricsServer(metrics) : undefined;
  const app = await buildApp(
    { contract, logger, payers, readinessChecks, lifecycle, verifyCoverage: verifyDeps, rules, estimates: { feeSchedule, rules, verify: verifyDeps, clock },
      security: {
        apiKeys,
        env: config.env,
        corsOrigins: parseCorsOrigins(config.security.corsOrigins),
        rateLimitPerMinute: config.security.rateLimitPerMinute,
        ...(rateLimitRedis ? { redis: rateLimitRedis } : {}),
        metricsOnSeparatePort: metricsServer !== undefined,
      },
      metrics,
      audit,
      batchMaxConcurrency: config.batchMaxConcurrency,
    },
    {
      bodyLimitBytes: config.bodyLimitBytes,
      requestTimeoutMs: config.requestTimeoutMs,
      keepAliveTimeoutMs: config.keepAliveTimeoutMs,
      trustProxy: config.trustProxy,
    },
  );
  const close = async () => {
    await app.close();
    await Promise.allSettled([cache.close(), gateways.close(), metricsServer?.close(), rateLimitRedis?.quit()]);
    audit.log.flush();
  };
  return { app, lifecycle, logger, cache, metrics, metricsServer, close };
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env, PACKAGE_ROOT);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`coverage-estimator: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger({ level: config.logLevel, pretty: config.logPretty });
  for (const warning of config.warnings) logger.warn({ config: 'unsafe-default' }, warning);

  let service: Awaited<ReturnType<typeof createService>>;
  try {
    service = await createService(config, logger);
  } catch (error) {
    if (error instanceof DataFileError) {
      logger.fatal({ file: error.file, issues: error.issues }, 'a data file is invalid; fix it and start again');
      process.stderr.write(`coverage-estimator: ${error.message}\n`);
      process.exit(1);
    }
    if (error instanceof ApiKeysConfigError || error instanceof ApiKeyAuthConfigError) {
      logger.fatal({ reason: error.name }, 'API key configuration is not safe to start with');
      process.stderr.write(`coverage-estimator: ${error.message}\n`);
      process.exit(1);
    }
    if (error instanceof PayerConfigurationError) {
      logger.fatal({ issues: error.issues }, 'payer configuration is incomplete');
      process.stderr.write(`coverage-estimator: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    service.lifecycle.shuttingDown = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    const force = setTimeout(() => {
      logger.error('shutdown grace period elapsed; exiting');
      process.exit(1);
    }, config.shutdownGraceMs);
    force.unref();
    try {
      await service.close();
      logger.info('stopped');
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));

  await service.app.listen({ host: config.host, port: config.port });
  if (service.metricsServer && config.security.metricsPort !== undefined) {
    await service.metricsServer.listen({ host: config.host, port: config.security.metricsPort });
    logger.info({ port: config.security.metricsPort }, 'metrics served on a separate port');
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    process.stderr.write(`coverage-estimator: failed to start: ${(error as Error).message}\n`);
    process.exit(1);
  });
}
