/**
 * Registers a handler for an operation of the contract: method, URL, validation and serialization
 * schemas all come from openapi.yaml by operationId, so a route cannot drift from the contract.
 */
import type { FastifyInstance, RouteHandlerMethod, RouteShorthandOptions } from 'fastify';
import { fastifySchemaFor, type Contract } from './contract.js';
import { scopesFromSecurity } from './plugins/api-key-auth.js';

/** Registers `handler` for the contract operation `operationId`. */
export function contractRoute(
  app: FastifyInstance,
  contract: Contract,
  operationId: string,
  handler: RouteHandlerMethod,
  options: Pick<RouteShorthandOptions, 'bodyLimit' | 'config'> = {},
): void {
  const op = contract.operation(operationId);
  app.route({
    method: op.method,
    url: op.url,
    schema: fastifySchemaFor(contract, operationId),
    handler,
    ...options,
    // Required scopes come from the operation's `security` (or the document's default).
    config: { ...(options.config ?? {}), operationId, scopes: scopesFromSecurity(op.spec.security ?? contract.document.security) },
  });
}
