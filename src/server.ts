/**
 * The composition root: read the environment, load and validate every data file, build the real
 * adapters, hand them to buildApp, listen, and shut down gracefully. Nothing else reads process.env.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig, type Config } from './config.js';
import { createLogger } from './logger.js';
import { loadContract } from './http/contract.js';
import { buildApp } from './http/app.js';
import { loadPayerDirectoryFile } from './adapters/data-files/payer-directory-file.js';
import { DataFileError } from './adapters/data-files/read-data-file.js';
import type { ReadinessCheck } from './http/routes/health.js';

/** The package root: one level above this file, in src/ (tsx) and in dist/ (built) alike. */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Builds the app from a validated config (used by the server and the end-to-end tests). */
export async function createService(config: Config, logger = createLogger({ level: config.logLevel, pretty: config.logPretty })) {
  const contract = loadContract(PACKAGE_ROOT);
  const payers = loadPayerDirectoryFile(config.files.payerDirectory);
  const lifecycle = { shuttingDown: false };
  const readinessChecks: ReadinessCheck[] = [
    { name: 'payer-directory', critical: true, check: async () => ({ status: 'ok', detail: `${payers.length} payers` }) },
  ];
  const app = await buildApp(
    { contract, logger, payers, readinessChecks, lifecycle },
    {
      bodyLimitBytes: config.bodyLimitBytes,
      requestTimeoutMs: config.requestTimeoutMs,
      keepAliveTimeoutMs: config.keepAliveTimeoutMs,
      trustProxy: config.trustProxy,
    },
  );
  return { app, lifecycle, logger, close: async () => app.close() };
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
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    process.stderr.write(`coverage-estimator: failed to start: ${(error as Error).message}\n`);
    process.exit(1);
  });
}
