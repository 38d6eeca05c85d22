/**
 * Security headers (@fastify/helmet) and CORS (@fastify/cors). CORS is closed unless CORS_ORIGINS
 * lists the browser origins allowed to call the API (a patient portal, say); browsers then read
 * answers only from those origins.
 */
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

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

/**
 * Registers helmet and, when origins are given, CORS on `app`. Helmet's headers go on every response:
 * the CSP below protects HTML pages, and nosniff / frame-ancestors / no-referrer cost nothing on
 * JSON while guarding against a browser rendering an answer as a page.
 */
export async function registerSecurity(app: FastifyInstance, options: { corsOrigins: readonly string[] }): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: PAGE_CSP_DIRECTIVES },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
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
