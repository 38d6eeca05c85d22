/**
 * Registers a handler for an operation of the contract: method, URL, validation and serialization
 * schemas all come from openapi.yaml by operationId, so a route cannot drift from the contract.
 */
import type { FastifyInstance, FastifyRequest, RouteHandlerMethod, RouteShorthandOptions } from 'fastify';
import { fastifySchemaFor, resolveLocalRef, type Contract } from './contract.js';
import { acceptsAnyOf, notAcceptable } from './accept.js';
import { scopesFromSecurity } from './plugins/api-key-auth.js';

/** The media types an operation's successful (2xx) answers come in, from the contract. */
export function successMediaTypes(contract: Contract, operationId: string): string[] {
  const responses = contract.operation(operationId).spec.responses;
  const types = new Set<string>();
  if (responses !== null && typeof responses === 'object' && !Array.isArray(responses)) {
    for (const [status, response] of Object.entries(responses)) {
      if (!status.startsWith('2')) continue;
      const resolved = resolveLocalRef(contract.document, response);
      const content = resolved !== null && typeof resolved === 'object' && !Array.isArray(resolved) ? resolved.content : undefined;
      if (content !== null && typeof content === 'object' && !Array.isArray(content)) for (const type of Object.keys(content)) types.add(type);
    }
  }
  return [...types];
}

/** Registers `handler` for the contract operation `operationId`. */
export function contractRoute(
  app: FastifyInstance,
  contract: Contract,
  operationId: string,
  handler: RouteHandlerMethod,
  options: Pick<RouteShorthandOptions, 'bodyLimit' | 'config'> & {
    /** Answer whatever the Accept header says: probes and load balancers send what they send. */
    ignoreAccept?: boolean;
  } = {},
): void {
  const { ignoreAccept, ...routeOptions } = options;
  const op = contract.operation(operationId);
  const offered = ignoreAccept ? [] : successMediaTypes(contract, operationId);
  app.route({
    method: op.method,
    url: op.url,
    schema: fastifySchemaFor(contract, operationId),
    handler,
    // 406 before the body is read, when the caller can read none of what this route answers with.
    // preParsing, not onRequest: route hooks run after the app's, so a caller without a valid key
    // hears 401 first (authentication refuses in the app's preParsing hook).
    ...(offered.length > 0
      ? {
          preParsing: async (request: FastifyRequest) => {
            if (!acceptsAnyOf(request.headers.accept, offered)) throw notAcceptable(offered);
          },
        }
      : {}),
    ...routeOptions,
    // Required scopes come from the operation's `security` (or the document's default).
    config: { ...(routeOptions.config ?? {}), operationId, scopes: scopesFromSecurity(op.spec.security ?? contract.document.security) },
  });
}
