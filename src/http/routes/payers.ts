/** GET /v1/payers and GET /v1/payers/{payerId}: the payer directory. */
import type { FastifyInstance } from 'fastify';
import { contractRoute } from '../contract-route.js';
import type { AppDeps } from '../app.js';
import { resolvePayer, type PayerEntry } from '../../adapters/data-files/payer-directory-file.js';
import type { components } from '../generated/openapi.js';

/** The public view of a payer: never its connection details or secret names. */
export function presentPayer(payer: PayerEntry): components['schemas']['Payer'] {
  return {
    id: payer.id,
    name: payer.name,
    aliases: payer.aliases,
    format: payer.format,
    transactions: payer.transactions,
    sandbox: payer.sandbox,
  };
}


/** Registers the payer directory routes. */
export function registerPayerRoutes(app: FastifyInstance, deps: AppDeps): void {
  contractRoute(app, deps.contract, 'listPayers', async (request): Promise<components['schemas']['PayerList']> => {
    const q = (request.query as { q?: string }).q?.trim().toLowerCase();
    const payers = q
      ? deps.payers.filter((p) => [p.id, p.name, ...p.aliases].some((s) => s.toLowerCase().includes(q)))
      : deps.payers;
    return { payers: payers.map(presentPayer) };
  });

  contractRoute(app, deps.contract, 'getPayer', async (request) => {
    const { payerId } = request.params as { payerId: string };
    return presentPayer(resolvePayer(deps.payers, payerId));
  });
}
