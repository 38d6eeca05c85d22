/** GET /health/live and GET /health/ready. */
import type { FastifyInstance } from 'fastify';
import { contractRoute } from '../contract-route.js';
import type { AppDeps } from '../app.js';

/** One dependency readiness reports on. */
export interface ReadinessCheck {
  name: string;
  /** When true, 'down' makes the instance not ready (503). Optional dependencies only degrade it. */
  critical: boolean;
  check(): Promise<{ status: 'ok' | 'degraded' | 'down'; detail?: string }>;
}

const CHECK_TIMEOUT_MS = 1000;

async function runCheck(check: ReadinessCheck) {
  let timer: NodeJS.Timeout | undefined;
  try {
    const result = await Promise.race([
      check.check(),
      new Promise<{ status: 'down'; detail: string }>((resolve) => {
        timer = setTimeout(() => resolve({ status: 'down', detail: 'check timed out' }), CHECK_TIMEOUT_MS);
      }),
    ]);
    return { name: check.name, critical: check.critical, ...result };
  } catch {
    return { name: check.name, critical: check.critical, status: 'down' as const, detail: 'check failed' };
  } finally {
    clearTimeout(timer);
  }
}

/** Registers the health routes. */
export function registerHealthRoutes(app: FastifyInstance, deps: AppDeps): void {
  contractRoute(app, deps.contract, 'getLiveness', async () => ({ status: 'ok' }), { ignoreAccept: true });

  contractRoute(app, deps.contract, 'getReadiness', async (_request, reply) => {
    const checks = await Promise.all(deps.readinessChecks.map(runCheck));
    if (deps.lifecycle.shuttingDown) {
      checks.unshift({ name: 'shutdown', critical: true, status: 'down', detail: 'shutting down' });
    }
    const ready = !checks.some((c) => c.critical && c.status === 'down');
    reply.status(ready ? 200 : 503);
    return { status: ready ? 'ready' : 'not-ready', checks };
  }, { ignoreAccept: true });
}
