/**
 * API keys as configured: a name, scopes, the SHA-256 of the key and an optional expiry. The
 * service never stores a key itself, only its digest, read from API_KEYS (env) or API_KEYS_FILE.
 *
 * Why SHA-256 and not scrypt: keys are 256-bit random values we issue (`openssl rand -base64 32`),
 * so a stolen digest cannot be brute-forced whatever the hash speed; a slow KDF only helps
 * low-entropy passwords, and running one on every request would hand attackers a CPU amplifier.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { formatZodIssues, readDataFile } from './read-data-file.js';

/** Every scope a key can hold. */
export const API_SCOPES = {
  /** POST eligibility checks (single and batch). */
  'eligibility:check': 'check eligibility with a payer',
  /** Create cost estimates. */
  'estimates:create': 'create out-of-pocket estimates',
  /** Normalize a payer document someone already has. */
  'coverage:normalize': 'normalize payer documents',
  /** Evaluate prior-authorization rules. */
  'rules:evaluate': 'evaluate prior-authorization rules',
  /** Create Good Faith Estimates (No Surprises Act). */
  'gfe:create': 'create good faith estimates',
  /** Read the payer directory. */
  'payers:read': 'read the payer directory',
  /** Operations endpoints such as /metrics. Does not imply the other scopes. */
  admin: 'operate the service (metrics)',
  /** A patient-facing key: answers are stripped of raw coverage identifiers. */
  patient: 'patient-facing: answers carry no member identifiers',
} as const;

/** One scope name. */
export type ApiScope = keyof typeof API_SCOPES;

/** All scope names. */
export const API_SCOPE_NAMES = Object.keys(API_SCOPES) as ApiScope[];

/** A configured key: the digest is all we keep of the key. */
export interface ApiKeyRecord {
  name: string;
  scopes: readonly ApiScope[];
  /** SHA-256 of the key, 32 bytes. */
  digest: Buffer;
  expiresAt?: Date;
}

/** SHA-256 hex of a key, the form API_KEYS and API_KEYS_FILE hold (`printf %s "$KEY" | sha256sum`). */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

const scope = z.enum(API_SCOPE_NAMES as [ApiScope, ...ApiScope[]]);

const keyEntrySchema = z
  .object({
    name: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'must be 1-64 letters, digits, ".", "_" or "-"'),
    scopes: z.array(scope).min(1, 'must list at least one scope'),
    sha256: z.string().regex(/^[0-9a-f]{64}$/i, 'must be the 64-hex-digit SHA-256 of the key (never the key itself)'),
    expiresAt: z
      .union([z.iso.datetime({ offset: true }), z.iso.date()], { error: 'must be an ISO date (2026-12-31) or date-time with offset' })
      .optional(),
  })
  .strict()
  .superRefine((entry, ctx) => {
    // A patient-facing key ends up in apps and browsers; it must never operate the service.
    if (entry.scopes.includes('patient') && entry.scopes.includes('admin')) {
      ctx.addIssue({ code: 'custom', path: ['scopes'], message: 'a patient key cannot also hold the admin scope' });
    }
  });

const keyListSchema = z.array(keyEntrySchema).superRefine((entries, ctx) => {
  const names = new Map<string, number>();
  const digests = new Map<string, number>();
  entries.forEach((entry, index) => {
    const digest = entry.sha256.toLowerCase();
    if (names.has(entry.name)) ctx.addIssue({ code: 'custom', path: [index, 'name'], message: `"${entry.name}" is already used by entry ${names.get(entry.name)}` });
    if (digests.has(digest)) ctx.addIssue({ code: 'custom', path: [index, 'sha256'], message: `is the same key as entry ${digests.get(digest)}` });
    names.set(entry.name, index);
    digests.set(digest, index);
  });
});

/** The API_KEYS_FILE document (JSON or YAML): `{ keys: [{ name, scopes, sha256, expiresAt? }] }`. */
export const apiKeysFileSchema = z.object({ $comment: z.string().optional(), keys: keyListSchema }).strict();

/** Raised when API_KEYS is malformed; names the entry and field, never echoes a digest. */
export class ApiKeysConfigError extends Error {
  readonly issues: string[];
  constructor(source: string, issues: string[]) {
    super(`Invalid ${source}:\n${issues.map((i) => `  - ${i}`).join('\n')}`);
    this.name = 'ApiKeysConfigError';
    this.issues = issues;
  }
}

function toRecords(entries: z.output<typeof keyListSchema>): ApiKeyRecord[] {
  return entries.map((entry) => ({
    name: entry.name,
    scopes: [...new Set(entry.scopes)],
    digest: Buffer.from(entry.sha256, 'hex'),
    ...(entry.expiresAt ? { expiresAt: new Date(entry.expiresAt) } : {}),
  }));
}

/**
 * Parses API_KEYS: either a JSON array of `{ name, scopes, sha256, expiresAt? }`, or the compact
 * `name/scope1+scope2/sha256hex[/expiresAt]` entries separated by commas. Slashes, because scope
 * names and ISO date-times contain colons.
 */
export function parseApiKeysEnv(value: string, source = 'API_KEYS'): ApiKeyRecord[] {
  const text = value.trim();
  let data: unknown;
  if (text.startsWith('[')) {
    try {
      data = JSON.parse(text);
    } catch {
      throw new ApiKeysConfigError(source, ['is not valid JSON']);
    }
  } else {
    data = text
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const [name = '', scopes = '', sha256 = '', expiresAt = '', ...extra] = part.split('/');
        if (extra.length > 0) return { name, scopes: [], sha256: '', extra: true };
        return { name, scopes: scopes.split('+').filter(Boolean), sha256, ...(expiresAt ? { expiresAt } : {}) };
      });
  }
  const parsed = keyListSchema.safeParse(data);
  if (!parsed.success) throw new ApiKeysConfigError(source, formatZodIssues(parsed.error.issues).map((i) => `entry ${i}`));
  return toRecords(parsed.data);
}

/** Loads API_KEYS_FILE; throws DataFileError naming the file and field. */
export function loadApiKeysFile(file: string): ApiKeyRecord[] {
  return toRecords(readDataFile(file, apiKeysFileSchema).keys);
}

/** Reads keys from API_KEYS and/or API_KEYS_FILE; names and keys must be unique across both. */
export function loadApiKeys(settings: { apiKeys?: string | undefined; apiKeysFile?: string | undefined }): ApiKeyRecord[] {
  const keys = [
    ...(settings.apiKeys ? parseApiKeysEnv(settings.apiKeys) : []),
    ...(settings.apiKeysFile ? loadApiKeysFile(settings.apiKeysFile) : []),
  ];
  const clashes: string[] = [];
  keys.forEach((key, index) => {
    const first = keys.findIndex((other) => other.name === key.name || other.digest.equals(key.digest));
    if (first !== index) clashes.push(`key "${key.name}" clashes with "${keys[first]?.name}" (same name or same key in API_KEYS and API_KEYS_FILE)`);
  });
  if (clashes.length > 0) throw new ApiKeysConfigError('API_KEYS / API_KEYS_FILE', clashes);
  return keys;
}
