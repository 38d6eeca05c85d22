/**
 * OAuth 2.0 client-credentials tokens (RFC 6749 4.4) for payers that require them. The token is
 * cached until shortly before it expires, concurrent callers share one token request, and a 401
 * from the payer invalidates it so the gateway can retry once with a fresh one.
 */
import type { Dispatcher } from 'undici';
import { DomainError } from '../../../core/errors.js';
import { fetchVia } from './payer-agent.js';

/** Options for createOAuth2TokenSource. Secrets are values already read from the environment. */
export interface OAuth2TokenSourceOptions {
  payerId: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  scope?: string;
  dispatcher?: Dispatcher;
  /** Refresh this long before `expires_in` runs out. Default 30 s. */
  refreshSkewMs?: number;
  /** Milliseconds clock; injectable for tests. Default Date.now. */
  now?: () => number;
}

/** Hands out bearer tokens for one payer. */
export interface OAuth2TokenSource {
  /** A valid access token, fetched only when none is cached or it is about to expire. */
  getToken(signal: AbortSignal): Promise<string>;
  /** Drops `token` if it is still the cached one (the payer answered 401 to it). */
  invalidate(token: string): void;
}

/** Creates a token source; no request is made until the first getToken. */
export function createOAuth2TokenSource(options: OAuth2TokenSourceOptions): OAuth2TokenSource {
  const now = options.now ?? Date.now;
  const skew = options.refreshSkewMs ?? 30_000;
  let cached: { token: string; expiresAt: number } | undefined;
  let pending: Promise<string> | undefined;

  const fail = (code: 'payer.unavailable' | 'payer.rejected' | 'payer.malformed-response', detail: string, httpStatus?: number) =>
    new DomainError(code, detail, {
      meta: { payerId: options.payerId, attempts: 1, stage: 'token', ...(httpStatus === undefined ? {} : { httpStatus }) },
    });

  const fetchToken = async (signal: AbortSignal): Promise<string> => {
    const form = new URLSearchParams({ grant_type: 'client_credentials' });
    if (options.scope) form.set('scope', options.scope);
    // RFC 6749 2.3.1: client_secret_basic, with both parts form-urlencoded before base64.
    const basic = Buffer.from(
      `${encodeURIComponent(options.clientId)}:${encodeURIComponent(options.clientSecret)}`,
    ).toString('base64');
    const response = await fetchVia(options.dispatcher, options.tokenUrl, {
      method: 'POST',
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: form.toString(),
      signal,
      redirect: 'manual',
    });
    const text = await response.text();
    if (response.status >= 500 || response.status === 429) throw fail('payer.unavailable', 'The payer token endpoint is unavailable', response.status);
    if (response.status !== 200) throw fail('payer.rejected', 'The payer token endpoint refused our client credentials', response.status);
    let body: { access_token?: unknown; expires_in?: unknown; token_type?: unknown };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      throw fail('payer.malformed-response', 'The payer token endpoint answered with something other than JSON', 200);
    }
    if (typeof body.access_token !== 'string' || body.access_token === '') {
      throw fail('payer.malformed-response', 'The payer token endpoint answered without an access token', 200);
    }
    // expires_in is RECOMMENDED, not required; without it assume a short life rather than forever.
    const lifetimeSeconds = typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 300;
    cached = { token: body.access_token, expiresAt: now() + Math.max(0, lifetimeSeconds * 1000 - skew) };
    return body.access_token;
  };

  return {
    async getToken(signal) {
      if (cached && now() < cached.expiresAt) return cached.token;
      pending ??= fetchToken(signal).finally(() => {
        pending = undefined;
      });
      return pending;
    },
    invalidate(token) {
      if (cached?.token === token) cached = undefined;
    },
  };
}
