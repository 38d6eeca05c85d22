/**
 * Security headers (helmet, computed once) and CORS (@fastify/cors). CORS is closed unless CORS_ORIGINS
 * lists the browser origins allowed to call the API (a patient portal, say); browsers then read
 * answers only from those origins.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import cors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * The Content-Security-Policy for our pages. They are self-contained (the reference page inlines
 * its CSS and loads nothing), so everything else is refused: no scripts, no frames, no forms.
 */
export const PAGE_CSP_DIRECTIVES = {
  defaultSrc: ["'none'"],
  styleSrc: ["'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  baseUri: ["'none'"],
  formAction: ["'none'"],
  frameAncestors: ["'none'"],
};

/** Parses CORS_ORIGINS ("https://a.example,https://b.example"); empty means closed. Throws on a non-origin. */
export function parseCorsOrigins(value: string | undefined): string[] {
  const origins = (value ?? '').split(',').map((o) => o.trim()).filter(Boolean);
  for (const origin of origins) {
    let url: URL | undefined;
    try {
      url = new URL(origin);
    } catch {
      url = undefined;
    }
    // An origin is scheme://host[:port] with nothing after it; "*" is refused on purpose (PHI API).
    if (!url || !/^https?:$/.test(url.protocol) || url.origin !== origin) {
      throw new Error(`CORS_ORIGINS: "${origin}" is not an origin like https://portal.example.org (no path, no trailing slash, no *)`);
    }
  }
  return origins;
}

/** Headers a browser client may read from our answers. */
const EXPOSED_HEADERS = ['x-request-id', 'retry-after', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'www-authenticate'];

const HELMET_OPTIONS: HelmetOptions = {
  contentSecurityPolicy: { useDefaults: false, directives: PAGE_CSP_DIRECTIVES },
  referrerPolicy: { policy: 'no-referrer' },
  crossOriginEmbedderPolicy: false,
  // The same answer as the CSP's frame-ancestors 'none', for browsers that read only this header.
  xFrameOptions: { action: 'deny' },
};

/**
 * The headers helmet sets for our options, computed once. Our options use no per-request nonce,
 * so the headers never change; @fastify/helmet would rebuild helmet's middleware on every request.
 */
export function helmetHeaders(options: HelmetOptions = HELMET_OPTIONS): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader() {},
  };
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error instanceof Error ? error : new Error(String(error));
  });
  return Object.freeze(headers);
}

/**
 * Adds helmet's headers and, when origins are given, CORS on `app`. Helmet's headers go on every
 * response: the CSP protects HTML pages, and nosniff / frame-ancestors / no-referrer cost nothing
 * on JSON while guarding against a browser rendering an answer as a page.
 */
export async function registerSecurity(app: FastifyInstance, options: { corsOrigins: readonly string[] }): Promise<void> {
  const headers = helmetHeaders();
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
  if (options.corsOrigins.length === 0) return;
  await app.register(cors, {
    origin: [...options.corsOrigins],
    methods: ['GET', 'POST'],
    allowedHeaders: ['authorization', 'x-api-key', 'content-type', 'x-request-id', 'cache-control'],
    exposedHeaders: EXPOSED_HEADERS,
    // Keys travel in headers, never cookies, so credentialed requests are not needed.
    credentials: false,
    maxAge: 600,
    strictPreflight: true,
  });
}
