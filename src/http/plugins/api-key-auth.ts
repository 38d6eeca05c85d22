/**
 * API-key authentication and per-route scopes. Keys arrive as `Authorization: Bearer <key>` or
 * `x-api-key: <key>`; a route's required scopes come from its `config.scopes` (set from the
 * contract's `security`), and routes without scopes are open. Failures leave as problem+json:
 * 401 auth.missing-key / auth.invalid-key (also expired keys) and 403 auth.insufficient-scope.
 */
// The namespace import (not named imports) lets the test watch timingSafeEqual being used.
import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../core/errors.js';
import { API_SCOPES, API_SCOPE_NAMES, type ApiKeyRecord, type ApiScope } from '../../adapters/data-files/api-keys-file.js';

/** Who is calling, as downstream code (audit, presenters, rate limits) sees it. Never the key itself. */
export interface AuthenticatedKey {
  name: string;
  scopes: readonly ApiScope[];
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The caller's key, once authenticated; null on open routes called without a key. */
    apiKey: AuthenticatedKey | null;
  }
  interface FastifyContextConfig {
    /** Scopes a key must hold (all of them) to call this route; absent or empty means open. */
    scopes?: readonly ApiScope[];
  }
}

/** Raised at start-up when authentication cannot be set up safely. */
export class ApiKeyAuthConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ApiKeyAuthConfigError';
  }
}

/** Options for registerApiKeyAuth. */
export interface ApiKeyAuthOptions {
  keys: readonly ApiKeyRecord[];
  env: 'development' | 'test' | 'production';
  /** Injectable for expiry tests. */
  now?: () => Date;
  /** Strip member identifiers from every answer to a `patient` key (default true). */
  stripForPatientKeys?: boolean;
}

/** The identity given to every request when no key is configured (development only). */
export const DEVELOPMENT_KEY: AuthenticatedKey = Object.freeze({
  name: 'development-no-auth',
  scopes: Object.freeze(API_SCOPE_NAMES.filter((s) => s !== 'patient')),
});

/** The warning logged once when no key is configured. */
export const NO_KEYS_WARNING =
  'API AUTHENTICATION IS OFF: no API_KEYS or API_KEYS_FILE is configured, so every request is allowed. Never run like this with real patient data.';

/** The key a request presents, from `Authorization: Bearer` first, then `x-api-key`; undefined when none. */
export function presentedKey(headers: FastifyRequest['headers']): string | undefined {
  const authorization = headers.authorization;
  if (typeof authorization === 'string') {
    const match = /^Bearer[ ]+(\S+)\s*$/i.exec(authorization);
    if (match?.[1]) return match[1];
  }
  const header = headers['x-api-key'];
  if (typeof header === 'string' && header.trim() !== '') return header.trim();
  return undefined;
}

/**
 * Finds the configured key matching `presented`. The key is hashed first, so every comparison is
 * between equal-length digests, and every configured key is compared (no early exit), so timing
 * says nothing about which key, or how much of one, matched.
 */
export function findApiKey(keys: readonly ApiKeyRecord[], presented: string): ApiKeyRecord | undefined {
  const digest = crypto.createHash('sha256').update(presented, 'utf8').digest();
  let found: ApiKeyRecord | undefined;
  for (const key of keys) {
    if (crypto.timingSafeEqual(digest, key.digest) && found === undefined) found = key;
  }
  return found;
}

/**
 * Required scopes from an OpenAPI `security` list, for `config.scopes`: the scopes named by every
 * requirement (our schemes, bearer and x-api-key, are alternatives carrying the same scopes).
 * Throws on a scope this service does not know, so a typo in the contract fails at start-up.
 */
export function scopesFromSecurity(security: unknown): ApiScope[] {
  if (!Array.isArray(security)) return [];
  const scopes = new Set<ApiScope>();
  for (const requirement of security) {
    if (typeof requirement !== 'object' || requirement === null) continue;
    for (const list of Object.values(requirement as Record<string, unknown>)) {
      for (const scope of Array.isArray(list) ? list : []) {
        if (!(typeof scope === 'string' && scope in API_SCOPES)) throw new ApiKeyAuthConfigError(`unknown scope in the contract: ${String(scope)}`);
        scopes.add(scope as ApiScope);
      }
    }
  }
  return [...scopes];
}

/** Keys whose values identify a member or a coverage; removed for patient-facing keys. */
export const PATIENT_HIDDEN_KEYS: ReadonlySet<string> = new Set([
  'phi', 'memberId', 'member_id', 'subscriberId', 'subscriber_id', 'groupNumber', 'group_number', 'otherIds',
  'policyNumber', 'medicaidId', 'medicareId', 'ssn', 'dateOfBirth', 'firstName', 'lastName', 'middleName',
]);

/**
 * A deep copy of `value` without any `phi` key or member/coverage identifier, at any depth. What the
 * value shares stays shared in the copy (an estimate's scenarios share their lines), so it is
 * copied, and later serialized, once.
 */
export function stripPhiForPatient<T>(value: T, copies = new Map<object, unknown>()): T {
  if (value === null || typeof value !== 'object' || value instanceof Date || Buffer.isBuffer(value)) return value;
  const known = copies.get(value);
  if (known !== undefined) return known as T;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    copies.set(value, out);
    for (const item of value as unknown[]) out.push(stripPhiForPatient(item, copies));
    return out as T;
  }
  const out: Record<string, unknown> = {};
  copies.set(value, out);
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    if (!PATIENT_HIDDEN_KEYS.has(key)) out[key] = stripPhiForPatient(item, copies);
  }
  return out as T;
}

/**
 * A scope a request needs for what its body asks, beyond its route's: an estimate that runs a live
 * payer check needs eligibility:check, or a patient-facing key could test member ids and dates of
 * birth against the payer through it. Throws auth.insufficient-scope (403).
 */
export function assertScope(request: FastifyRequest, reply: FastifyReply, scope: ApiScope, forWhat: string): void {
  if (request.apiKey?.scopes.includes(scope)) return;
  deny(request, reply, 'auth.insufficient-scope', `This key lacks the scope ${scope}, which ${forWhat} needs`, `Bearer realm="coverage-estimator", error="insufficient_scope", scope="${scope}"`);
}

/**
 * Refuses the request: thrown from the preParsing hook, so the app's error handler answers with
 * problem+json and no body is read; the challenge header is set first (RFC 6750 section 3: tell
 * the client how to authenticate).
 */
function deny(request: FastifyRequest, reply: FastifyReply, code: 'auth.missing-key' | 'auth.invalid-key' | 'auth.insufficient-scope', detail: string, challenge: string): never {
  reply.header('www-authenticate', challenge);
  request.log.info({ code, route: request.routeOptions.url, apiKey: request.apiKey?.name }, 'request not authorized');
  throw new DomainError(code, detail);
}

/**
 * Adds API-key authentication to `app` (hooks on the instance itself, so it covers every route
 * registered afterwards). With no keys it allows everything and warns once, except with
 * env 'production', where it throws: a production service never runs open.
 */
export function registerApiKeyAuth(app: FastifyInstance, options: ApiKeyAuthOptions): void {
  const keys = options.keys;
  const now = options.now ?? (() => new Date());
  const devMode = keys.length === 0;
  if (devMode && options.env === 'production') {
    throw new ApiKeyAuthConfigError('No API keys are configured and NODE_ENV=production: set API_KEYS or API_KEYS_FILE (see deploy/README.md)');
  }
  if (devMode) app.log.warn({ security: 'auth-disabled' }, NO_KEYS_WARNING);

  app.decorateRequest('apiKey', null);

  app.addHook('onRoute', (route) => {
    for (const scope of route.config?.scopes ?? []) {
      if (!(scope in API_SCOPES)) throw new ApiKeyAuthConfigError(`${String(route.method)} ${route.url}: unknown scope "${scope}" in config.scopes`);
    }
  });

  // Two steps. onRequest only identifies the caller, so the rate limiter (a route-level onRequest
  // hook, which runs after this) counts a known key by its name and everyone else by address.
  // preParsing then refuses, before any body is read: callers without a valid key are still counted,
  // so a flood of bad keys meets 429s like any other flood.
  app.addHook('onRequest', async (request) => {
    if (devMode) {
      request.apiKey = DEVELOPMENT_KEY;
      return;
    }
    const presented = presentedKey(request.headers);
    const key = presented === undefined ? undefined : findApiKey(keys, presented);
    if (key && (key.expiresAt === undefined || key.expiresAt.getTime() > now().getTime())) request.apiKey = { name: key.name, scopes: key.scopes };
  });

  app.addHook('preParsing', async (request, reply) => {
    const required = request.routeOptions.config?.scopes ?? [];
    // Open routes serve everyone; a key presented there only identifies the caller.
    if (devMode || required.length === 0) return;
    const presented = presentedKey(request.headers);
    const key = request.apiKey;
    if (presented === undefined) {
      deny(request, reply, 'auth.missing-key', 'Send an API key as "Authorization: Bearer <key>" or "x-api-key: <key>"', 'Bearer realm="coverage-estimator"');
    }
    if (!key) {
      // Expired and unknown keys get the same answer: the response must not confirm a key existed.
      deny(request, reply, 'auth.invalid-key', 'The API key is unknown, revoked or expired', 'Bearer realm="coverage-estimator", error="invalid_token"');
    }
    const missing = required.filter((scope) => !key.scopes.includes(scope));
    if (missing.length > 0) {
      deny(request, reply, 'auth.insufficient-scope', `This key lacks the scope ${missing.join(', ')}`, `Bearer realm="coverage-estimator", error="insufficient_scope", scope="${required.join(' ')}"`);
    }
  });

  if (options.stripForPatientKeys !== false) {
    // Defence in depth: whatever a route returns, a patient-facing key never sees member identifiers.
    app.addHook('preSerialization', async (request, _reply, payload) =>
      request.apiKey?.scopes.includes('patient') ? stripPhiForPatient(payload) : payload,
    );
  }
}
