/**
 * The composition root's one stop for payer gateways: a sandbox gateway for `sandbox: true`
 * entries, a pooled HTTP gateway for everything else, looked up by id, alias or crosswalk id.
 * Built once at start-up, so missing secrets stop the service before it listens.
 */
import type { Clock, PayerGateway } from '../../../core/ports.js';
import { resolvePayer, type PayerEntry } from '../../data-files/payer-directory-file.js';
import { createSandboxGateway, loadSandboxFixtures } from '../sandbox/sandbox-gateway.js';
import type { CircuitState } from './circuit-breaker.js';
import { createHttpPayerGateway, type HttpPayerGateway } from './http-payer-gateway.js';
import type { PayerLogger } from './payer-call.js';
import { findMissingPayerSecrets, PayerConfigurationError } from './payer-credentials.js';

/** Options for createPayerGateways. */
export interface PayerGatewaysOptions {
  env: Readonly<Record<string, string | undefined>>;
  logger?: PayerLogger;
  clock?: Clock;
  /** How long the sandbox's "never answers" member waits before payer.timeout (SANDBOX_TIMEOUT_MS). */
  sandboxTimeoutMs: number;
  /** Deadline for payers whose entry sets no timeouts.overallMs (PAYER_DEADLINE_MS). */
  defaultDeadlineMs?: number;
  /** Folder with members.json and responses/; default fixtures/sandbox under the working directory. */
  sandboxFixturesDir?: string;
}

/** Looks up the gateway for a payer id, alias or crosswalk id; throws DomainError('payer.not-found'). */
export type PayerGatewayLookup = ((payerIdOrAlias: string) => PayerGateway) & {
  /** Circuit state per non-sandbox payer id, for readiness checks and metrics. */
  getCircuitStates(): Record<string, CircuitState>;
  /** Closes every pooled connection (graceful shutdown). */
  close(): Promise<void>;
};

/** Builds every payer's gateway; throws PayerConfigurationError listing every missing secret variable. */
export function createPayerGateways(directory: readonly PayerEntry[], options: PayerGatewaysOptions): PayerGatewayLookup {
  const missing = findMissingPayerSecrets(directory, options.env);
  if (missing.length > 0) throw new PayerConfigurationError(missing);
  const sandboxEntries = directory.filter((entry) => entry.sandbox);
  const fixtures = sandboxEntries.length > 0 ? loadSandboxFixtures(options.sandboxFixturesDir ?? 'fixtures/sandbox') : undefined;
  const gateways = new Map<string, PayerGateway>();
  const httpGateways = new Map<string, HttpPayerGateway>();
  for (const entry of directory) {
    if (entry.sandbox && fixtures) {
      gateways.set(entry.id, createSandboxGateway({ entry, fixtures, timeoutMs: options.sandboxTimeoutMs }));
      continue;
    }
    const gateway = createHttpPayerGateway(entry, {
      env: options.env,
      ...(options.logger ? { logger: options.logger } : {}),
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.defaultDeadlineMs ? { defaultDeadlineMs: options.defaultDeadlineMs } : {}),
    });
    gateways.set(entry.id, gateway);
    httpGateways.set(entry.id, gateway);
  }
  const lookup = (payerIdOrAlias: string): PayerGateway => {
    const gateway = gateways.get(resolvePayer(directory, payerIdOrAlias).id);
    if (!gateway) throw new Error('payer gateway missing for a directory entry');
    return gateway;
  };
  return Object.assign(lookup, {
    getCircuitStates: () => Object.fromEntries([...httpGateways].map(([id, gateway]) => [id, gateway.getCircuitState()])),
    close: async () => {
      await Promise.all([...httpGateways.values()].map((gateway) => gateway.close()));
    },
  });
}
