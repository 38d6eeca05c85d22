/** GET /v1/payers and GET /v1/payers/{payerId}: the payer directory. */
import type { FastifyInstance } from 'fastify';
import { DomainError } from '../../core/errors.js';
import { contractRoute } from '../contract-route.js';
import type { AppDeps } from '../app.js';
import type { PayerEntry } from '../../adapters/data-files/payer-directory-file.js';
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

/** Finds a payer by id or alias, case-insensitively. */
export function findPayer(payers: readonly PayerEntry[], idOrAlias: string): PayerEntry | undefined {
  const wanted = idOrAlias.trim().toLowerCase();
  return payers.find((p) => p.id === wanted || p.aliases.some((a) => a.toLowerCase() === wanted));
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
    const payer = findPayer(deps.payers, payerId);
    if (!payer) throw new DomainError('payer.not-found', 'No payer with that id or alias is in the directory');
    return presentPayer(payer);
  });
}
