/**
 * Payer secrets come only from environment variables named in the payer directory. They are
 * resolved once at start-up so a missing one stops the service with a message naming the
 * variable (never printing any value), instead of failing the first patient's inquiry.
 */
import type { PayerEntry } from '../../data-files/payer-directory-file.js';

/** Raised at start-up when payer connections cannot be configured; lists every problem at once. */
export class PayerConfigurationError extends Error {
  readonly issues: string[];
  constructor(issues: string[]) {
    super(`Invalid payer configuration:\n${issues.map((i) => `  - ${i}`).join('\n')}`);
    this.name = 'PayerConfigurationError';
    this.issues = issues;
  }
}

/** Authentication with its secret values resolved. Never log this object. */
export type ResolvedPayerAuth =
  | { type: 'oauth2-client-credentials'; tokenUrl: string; clientId: string; clientSecret: string; scope?: string }
  | { type: 'api-key'; header: string; key: string }
  | { type: 'basic'; username: string; password: string }
  | { type: 'none' };

/** Environment variable names a payer's auth needs. */
function secretEnvNames(entry: PayerEntry): string[] {
  const auth = entry.connection?.auth;
  if (!auth) return [];
  switch (auth.type) {
    case 'oauth2-client-credentials':
      return [auth.clientIdEnv, auth.clientSecretEnv];
    case 'api-key':
      return [auth.keyEnv];
    case 'basic':
      return [auth.usernameEnv, auth.passwordEnv];
    case 'none':
      return [];
  }
}

/** Lists "payer <id>: environment variable <NAME> is not set" for every missing secret of non-sandbox payers. */
export function findMissingPayerSecrets(directory: readonly PayerEntry[], env: Readonly<Record<string, string | undefined>>): string[] {
  return directory
    .filter((entry) => !entry.sandbox && entry.connection)
    .flatMap((entry) =>
      secretEnvNames(entry)
        .filter((name) => (env[name] ?? '') === '')
        .map((name) => `payer ${entry.id}: environment variable ${name} is not set`),
    );
}

/** Resolves a payer's auth secrets from the environment; throws PayerConfigurationError naming any missing variable. */
export function resolvePayerAuth(entry: PayerEntry, env: Readonly<Record<string, string | undefined>>): ResolvedPayerAuth {
  const missing = findMissingPayerSecrets([{ ...entry, sandbox: false }], env);
  if (missing.length > 0) throw new PayerConfigurationError(missing);
  const auth = entry.connection?.auth ?? { type: 'none' as const };
  const read = (name: string) => env[name] ?? '';
  switch (auth.type) {
    case 'oauth2-client-credentials':
      return {
        type: auth.type,
        tokenUrl: auth.tokenUrl,
        clientId: read(auth.clientIdEnv),
        clientSecret: read(auth.clientSecretEnv),
        ...(auth.scope ? { scope: auth.scope } : {}),
      };
    case 'api-key':
      return { type: auth.type, header: auth.header, key: read(auth.keyEnv) };
    case 'basic':
      return { type: auth.type, username: read(auth.usernameEnv), password: read(auth.passwordEnv) };
    case 'none':
      return { type: 'none' };
  }
}
