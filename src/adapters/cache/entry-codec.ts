/**
 * Encryption at rest for cached payer answers (45 CFR 164.312(a)(2)(iv); facts.md 8.2): each
 * entry is AES-256-GCM sealed with a random 96-bit IV, its own cache key as additional data (so
 * a value copied under another key fails to open), and a key id in clear so keys can rotate.
 * Wire form: `ce1.<keyId>.<base64url(iv | ciphertext | tag)>`, deliberately not JSON.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { COVERAGE_FORMATS, type CoverageFormat } from '../../core/coverage/coverage-model.js';
import type { RawPayerResponse } from '../../core/ports.js';

/** One AES-256 key and the id written beside every value it sealed. */
export interface EncryptionKey {
  id: string;
  key: Buffer;
}

/** The current key (seals and opens) and older keys (open only) during a rotation. */
export interface EncryptionKeyring {
  current: EncryptionKey;
  previous?: EncryptionKey[];
}

/** What a cache entry holds once opened. */
export interface CacheEntry {
  kind: 'benefits' | 'rejection';
  /** ISO timestamp when the entry was written. */
  storedAt: string;
  /** ISO instant the entry stops being fresh, when earlier than the fresh window says. */
  freshUntil?: string;
  response: RawPayerResponse;
}

/** Why an entry could not be opened; reasons carry no PHI and are safe to log. */
export type OpenFailure = 'malformed' | 'unknown-key-id' | 'authentication-failed' | 'invalid-payload';

const WIRE_VERSION = 'ce1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

const formats = Object.keys(COVERAGE_FORMATS) as [CoverageFormat, ...CoverageFormat[]];
// Cache entries are input we do not fully own (another version, another service may write them).
const entrySchema = z.object({
  v: z.literal(1),
  kind: z.enum(['benefits', 'rejection']),
  storedAt: z.iso.datetime(),
  freshUntil: z.iso.datetime().optional(),
  response: z.object({ format: z.enum(formats), body: z.string(), receivedAt: z.string(), dateOfServiceAsked: z.iso.date().optional() }),
});

/** Checks a keyring at start-up and throws (without key material) when it cannot work. */
export function assertValidKeyring(keyring: EncryptionKeyring): void {
  const all = [keyring.current, ...(keyring.previous ?? [])];
  const seen = new Set<string>();
  for (const { id, key } of all) {
    if (!KEY_ID.test(id)) throw new Error(`cache encryption key id "${id}" must match ${KEY_ID.source}`);
    if (key.length !== 32) throw new Error(`cache encryption key "${id}" must be 32 bytes, got ${key.length}`);
    if (seen.has(id)) throw new Error(`cache encryption key id "${id}" is listed twice`);
    seen.add(id);
  }
}

/** Parses `id:base64,id:base64` (older keys, decrypt only) plus the current key from environment strings. */
export function parseKeyring(currentId: string, currentKeyBase64: string, previous = ''): EncryptionKeyring {
  const keyring: EncryptionKeyring = {
    current: { id: currentId, key: Buffer.from(currentKeyBase64, 'base64') },
    previous: previous
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== '')
      .map((part) => {
        const colon = part.indexOf(':');
        if (colon < 1) throw new Error('previous cache keys must be written as id:base64, comma separated');
        return { id: part.slice(0, colon), key: Buffer.from(part.slice(colon + 1), 'base64') };
      }),
  };
  assertValidKeyring(keyring);
  return keyring;
}

/** Seals an entry under the current key, bound to its cache key. */
export function sealEntry(entry: CacheEntry, cacheKey: string, keyring: EncryptionKeyring): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keyring.current.key, iv);
  cipher.setAAD(Buffer.from(cacheKey, 'utf8'));
  const plaintext = Buffer.from(JSON.stringify({ v: 1, ...entry }), 'utf8');
  const sealed = Buffer.concat([iv, cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  return `${WIRE_VERSION}.${keyring.current.id}.${sealed.toString('base64url')}`;
}

/** Opens a sealed entry; returns a PHI-free failure reason instead of throwing. */
export function openEntry(
  value: string,
  cacheKey: string,
  keyring: EncryptionKeyring,
): { ok: true; entry: CacheEntry } | { ok: false; reason: OpenFailure; keyId?: string } {
  const parts = value.split('.');
  if (parts.length !== 3 || parts[0] !== WIRE_VERSION) return { ok: false, reason: 'malformed' };
  const [, keyId = '', payload = ''] = parts;
  const key = [keyring.current, ...(keyring.previous ?? [])].find((candidate) => candidate.id === keyId);
  if (key === undefined) return { ok: false, reason: 'unknown-key-id', keyId: KEY_ID.test(keyId) ? keyId : 'invalid' };
  const sealed = Buffer.from(payload, 'base64url');
  if (sealed.length < IV_BYTES + TAG_BYTES) return { ok: false, reason: 'malformed', keyId };
  let plaintext: string;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key.key, sealed.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(cacheKey, 'utf8'));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    plaintext = Buffer.concat([decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    return { ok: false, reason: 'authentication-failed', keyId };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(plaintext);
  } catch {
    return { ok: false, reason: 'invalid-payload', keyId };
  }
  const result = entrySchema.safeParse(parsed);
  if (!result.success) return { ok: false, reason: 'invalid-payload', keyId };
  const { kind, storedAt, freshUntil, response } = result.data;
  return { ok: true, entry: { kind, storedAt, ...(freshUntil !== undefined ? { freshUntil } : {}), response } };
}
