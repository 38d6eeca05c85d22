/**
 * Builds the real application for tests, the way the composition root does, with the log stream
 * captured in memory. Tests use app.inject(), never a socket.
 */
import { PACKAGE_ROOT, createService } from '../../src/server.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { createLogCapture } from './log-capture.js';

/** Builds the app with embedded defaults plus `env` overrides; returns the app and its captured log. */
export async function buildTestApp(env: Record<string, string> = {}) {
  const log = createLogCapture();
  const audit = createLogCapture();
  // Tests hammer the API from one address: a generous limit unless a test sets its own.
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'info', RATE_LIMIT_PER_MINUTE: '1000000', ...env }, PACKAGE_ROOT);
  const logger = createLogger({ level: config.logLevel, pretty: false }, log.stream);
  const service = await createService(config, logger, { auditDestination: audit.stream });
  return { ...service, log, audit, config };
}
