/**
 * The undici Agent payer calls are dispatched through (global fetch with `dispatcher`): one pooled,
 * keep-alive connection set per payer, with connect / headers / body timeouts from the directory.
 * Global fetch (not undici.request) is deliberate: it is what nock intercepts in tests.
 */
import { Agent, type Dispatcher } from 'undici';
import type { PayerConnection } from '../../data-files/payer-directory-file.js';

/** Creates the pooled Agent for one payer connection. */
export function createPayerAgent(connection: Pick<PayerConnection, 'timeouts' | 'maxConcurrent'>): Agent {
  return new Agent({
    connect: { timeout: connection.timeouts.connectMs },
    headersTimeout: connection.timeouts.headersMs,
    bodyTimeout: connection.timeouts.bodyMs,
    // No more sockets per origin than calls we allow in flight; idle sockets stay warm for the next inquiry.
    connections: connection.maxConcurrent,
    keepAliveTimeout: 30_000,
    keepAliveMaxTimeout: 120_000,
  });
}

/**
 * Global fetch through an npm-undici dispatcher. Node's bundled fetch accepts any Dispatcher at run
 * time; only the type packages differ (undici vs undici-types), hence the one cast, kept here.
 */
export function fetchVia(dispatcher: Dispatcher | undefined, url: string, init: RequestInit): Promise<Response> {
  return fetch(url, (dispatcher ? { ...init, dispatcher } : init) as unknown as RequestInit);
}
