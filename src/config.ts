/**
 * The environment, validated once at start-up into a frozen Config. Every variable has an
 * embedded default so `npm start` works with none set; defaults that are unsafe in production
 * (per-process random cache secrets, no API keys) produce warnings, and with NODE_ENV=production
 * the service refuses to start until they are set.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';

/** Raised when one or more environment variables are invalid; the message lists every one. */
export class ConfigError extends Error {
  readonly issues: string[];
  constructor(issues: string[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  - ${i}`).join('\n')}`);
    this.name = 'ConfigError';
    this.issues = issues;
  }
}

/** True for a time zone name the runtime knows (IANA names, and UTC). */
function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const integer = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .refine((n) => n >= min && n <= max, `must be between ${min} and ${max}`);

/** A 32-byte key given as base64 (44 chars) or hex (64 chars). */
const key32 = z.string().transform((value, ctx) => {
  const bytes = /^[0-9a-f]{64}$/i.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
  if (bytes.length !== 32) {
    ctx.addIssue({ code: 'custom', message: 'must be 32 bytes, base64 or hex encoded (e.g. `openssl rand -base64 32`)' });
    return z.NEVER;
  }
  return bytes;
});

/** "id:base64key,id:base64key" for keys kept only to read older cache entries. */
const previousKeys = z.string().transform((value, ctx) => {
  const keys: { id: string; key: Buffer }[] = [];
  for (const part of value.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [id, encoded] = part.split(':', 2);
    const key = encoded ? Buffer.from(encoded, /^[0-9a-f]{64}$/i.test(encoded) ? 'hex' : 'base64') : Buffer.alloc(0);
    if (!id || !/^[A-Za-z0-9_-]{1,32}$/.test(id) || key.length !== 32) {
      ctx.addIssue({ code: 'custom', message: 'each entry must be "keyId:<32-byte base64 key>"' });
      return z.NEVER;
    }
    keys.push({ id, key });
  }
  return keys;
});

/** The environment schema: every variable the service reads, with its default. */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: integer(0, 65535).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_PRETTY: z.enum(['auto', 'true', 'false']).default('auto'),
  TRUST_PROXY: z.string().default('false'),
  BODY_LIMIT_BYTES: integer(1024, 50 * 1024 * 1024).default(1024 * 1024),
  REQUEST_TIMEOUT_MS: integer(1000, 600_000).default(30_000),
  KEEP_ALIVE_TIMEOUT_MS: integer(1000, 600_000).default(72_000),
  SHUTDOWN_GRACE_MS: integer(0, 120_000).default(10_000),
  REDIS_URL: z.url({ protocol: /^rediss?$/, message: 'must be a redis:// or rediss:// URL' }).optional(),
  REDIS_CLUSTER_NODES: z
    .string()
    .regex(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, 'must be a comma-separated list of host:port')
    .optional(),
  CACHE_KEY_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  CACHE_ENCRYPTION_KEY: key32.optional(),
  CACHE_ENCRYPTION_KEY_ID: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, 'must be 1-32 letters, digits, - or _').default('k1'),
  CACHE_PREVIOUS_ENCRYPTION_KEYS: previousKeys.optional(),
  CACHE_FRESH_SECONDS_ACCUMULATORS: integer(1, 7 * 86_400).default(4 * 3600),
  CACHE_FRESH_SECONDS_ELIGIBILITY: integer(1, 7 * 86_400).default(24 * 3600),
  CACHE_STALE_IF_ERROR_SECONDS: integer(1, 30 * 86_400).default(72 * 3600),
  CACHE_NEGATIVE_TTL_SECONDS: integer(1, 86_400).default(300),
  CACHE_LOCK_TIMEOUT_MS: integer(100, 60_000).default(25_000),
  CACHE_MEMORY_MAX_ENTRIES: integer(1, 10_000_000).default(10_000),
  CACHE_REDIS_COMMAND_TIMEOUT_MS: integer(10, 10_000).default(400),
  PAYER_DEADLINE_MS: integer(1000, 20_000).default(15_000),
  SANDBOX_TIMEOUT_MS: integer(10, 60_000).default(15_000),
  API_KEYS: z.string().min(1).optional(),
  API_KEYS_FILE: z.string().min(1).optional(),
  RATE_LIMIT_PER_MINUTE: integer(1, 1_000_000).default(600),
  CORS_ORIGINS: z.string().default(''),
  METRICS_PORT: integer(1, 65535).optional(),
  AUDIT_LOG_FILE: z.string().min(1).optional(),
  AUDIT_HASH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  BATCH_MAX_CONCURRENCY: integer(1, 1000).default(50),
  /** IANA time zone the clinic works in: "today" for estimates, Good Faith Estimates and authorization dates. */
  CLINIC_TIME_ZONE: z
    .string()
    .default('UTC')
    .refine(isTimeZone, 'must be an IANA time zone such as America/Los_Angeles'),
  PAYER_DIRECTORY_FILE: z.string().min(1).default('fixtures/payers/payers.json'),
  FEE_SCHEDULE_FILE: z.string().min(1).default('fixtures/pricing/fee-schedule.json'),
  POVERTY_GUIDELINES_FILES: z
    .string()
    .min(1)
    .default('fixtures/rules/poverty-guidelines-2025.json,fixtures/rules/poverty-guidelines-2026.json'),
  SLIDING_FEE_SCHEDULE_FILE: z.string().min(1).default('fixtures/rules/sliding-fee-schedule.json'),
  PRIOR_AUTH_RULES_FILE: z.string().min(1).default('fixtures/rules/prior-auth-rules.json'),
});

/** Where a cache secret came from: configured, or generated for this process only. */
export type SecretOrigin = 'configured' | 'generated';

/** The validated, frozen configuration the composition root reads. */
export interface Config {
  env: 'development' | 'test' | 'production';
  host: string;
  port: number;
  logLevel: string;
  logPretty: boolean;
  trustProxy: boolean | number | string[];
  bodyLimitBytes: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  shutdownGraceMs: number;
  redis: { url?: string; clusterNodes?: string[] };
  cache: {
    keySecret: Buffer;
    keySecretOrigin: SecretOrigin;
    encryptionKey: { id: string; key: Buffer };
    encryptionKeyOrigin: SecretOrigin;
    previousEncryptionKeys: { id: string; key: Buffer }[];
    freshSeconds: { accumulators: number; eligibility: number };
    staleIfErrorSeconds: number;
    negativeTtlSeconds: number;
    lockTimeoutMs: number;
    memoryMaxEntries: number;
    redisCommandTimeoutMs: number;
  };
  payerDeadlineMs: number;
  sandboxTimeoutMs: number;
  security: {
    apiKeys?: string;
    apiKeysFile?: string;
    rateLimitPerMinute: number;
    corsOrigins: string;
    metricsPort?: number;
  };
  audit: { file?: string; hashSecret: Buffer; hashSecretOrigin: SecretOrigin };
  batchMaxConcurrency: number;
  clinicTimeZone: string;
  files: {
    payerDirectory: string;
    feeSchedule: string;
    povertyGuidelines: string[];
    slidingFeeSchedule: string;
    priorAuthRules: string;
  };
  /** Start-up warnings about unsafe defaults, logged by the composition root. */
  warnings: string[];
}

function parseTrustProxy(value: string): boolean | number | string[] {
  if (value === 'true') return true;
  if (value === 'false' || value === '') return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(',').map((s) => s.trim()).filter(Boolean);
}

/**
 * Validates the environment and returns a frozen Config. `rootDir` anchors relative data-file
 * paths (the package root). Throws ConfigError listing every invalid variable at once.
 */
export function loadConfig(env: NodeJS.ProcessEnv, rootDir: string): Config {
  // Empty strings count as "not set", as shells and compose files often export them that way.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || '(environment)'}: ${issue.message}`),
    );
  }
  const e = parsed.data;
  const warnings: string[] = [];
  const production = e.NODE_ENV === 'production';
  const missing: string[] = [];
  if (!e.CACHE_KEY_SECRET) {
    if (production) missing.push('CACHE_KEY_SECRET: required when NODE_ENV=production (at least 32 random characters)');
    else warnings.push('CACHE_KEY_SECRET is not set: using a random per-process secret, so cache entries are not shared between instances or restarts');
  }
  if (!e.CACHE_ENCRYPTION_KEY) {
    if (production) missing.push('CACHE_ENCRYPTION_KEY: required when NODE_ENV=production (32 bytes, base64)');
    else warnings.push('CACHE_ENCRYPTION_KEY is not set: using a random per-process key, so cached payer responses cannot be read after a restart');
  }
  if (!e.AUDIT_HASH_SECRET) {
    if (production) missing.push('AUDIT_HASH_SECRET: required when NODE_ENV=production (at least 32 random characters)');
    else warnings.push('AUDIT_HASH_SECRET is not set: audit member hashes use a random per-process secret and cannot be correlated across restarts');
  }
  if (e.REDIS_URL && e.REDIS_CLUSTER_NODES) missing.push('REDIS_URL and REDIS_CLUSTER_NODES: set one, not both');
  if (missing.length > 0) throw new ConfigError(missing);

  const resolve = (file: string) => (path.isAbsolute(file) ? file : path.join(rootDir, file));
  const config: Config = {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    logPretty: e.LOG_PRETTY === 'auto' ? Boolean(process.stdout.isTTY) : e.LOG_PRETTY === 'true',
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
    keepAliveTimeoutMs: e.KEEP_ALIVE_TIMEOUT_MS,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    redis: {
      ...(e.REDIS_URL ? { url: e.REDIS_URL } : {}),
      ...(e.REDIS_CLUSTER_NODES ? { clusterNodes: e.REDIS_CLUSTER_NODES.split(',') } : {}),
    },
    cache: {
      keySecret: e.CACHE_KEY_SECRET ? Buffer.from(e.CACHE_KEY_SECRET, 'utf8') : randomBytes(32),
      keySecretOrigin: e.CACHE_KEY_SECRET ? 'configured' : 'generated',
      encryptionKey: { id: e.CACHE_ENCRYPTION_KEY_ID, key: e.CACHE_ENCRYPTION_KEY ?? randomBytes(32) },
      encryptionKeyOrigin: e.CACHE_ENCRYPTION_KEY ? 'configured' : 'generated',
      previousEncryptionKeys: e.CACHE_PREVIOUS_ENCRYPTION_KEYS ?? [],
      freshSeconds: { accumulators: e.CACHE_FRESH_SECONDS_ACCUMULATORS, eligibility: e.CACHE_FRESH_SECONDS_ELIGIBILITY },
      staleIfErrorSeconds: e.CACHE_STALE_IF_ERROR_SECONDS,
      negativeTtlSeconds: e.CACHE_NEGATIVE_TTL_SECONDS,
      lockTimeoutMs: e.CACHE_LOCK_TIMEOUT_MS,
      memoryMaxEntries: e.CACHE_MEMORY_MAX_ENTRIES,
      redisCommandTimeoutMs: e.CACHE_REDIS_COMMAND_TIMEOUT_MS,
    },
    payerDeadlineMs: e.PAYER_DEADLINE_MS,
    sandboxTimeoutMs: e.SANDBOX_TIMEOUT_MS,
    security: {
      ...(e.API_KEYS ? { apiKeys: e.API_KEYS } : {}),
      ...(e.API_KEYS_FILE ? { apiKeysFile: resolve(e.API_KEYS_FILE) } : {}),
      rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
      corsOrigins: e.CORS_ORIGINS,
      ...(e.METRICS_PORT ? { metricsPort: e.METRICS_PORT } : {}),
    },
    audit: {
      ...(e.AUDIT_LOG_FILE ? { file: resolve(e.AUDIT_LOG_FILE) } : {}),
      hashSecret: e.AUDIT_HASH_SECRET ? Buffer.from(e.AUDIT_HASH_SECRET, 'utf8') : randomBytes(32),
      hashSecretOrigin: e.AUDIT_HASH_SECRET ? 'configured' : 'generated',
    },
    batchMaxConcurrency: e.BATCH_MAX_CONCURRENCY,
    clinicTimeZone: e.CLINIC_TIME_ZONE,
    files: {
      payerDirectory: resolve(e.PAYER_DIRECTORY_FILE),
      feeSchedule: resolve(e.FEE_SCHEDULE_FILE),
      povertyGuidelines: e.POVERTY_GUIDELINES_FILES.split(',').map((f) => resolve(f.trim())).filter(Boolean),
      slidingFeeSchedule: resolve(e.SLIDING_FEE_SCHEDULE_FILE),
      priorAuthRules: resolve(e.PRIOR_AUTH_RULES_FILE),
    },
    warnings,
  };
  return Object.freeze(config);
}
