/** GET /openapi.yaml, GET /openapi.json and GET /reference: the contract and its reference page. */
import type { FastifyInstance } from 'fastify';
import { stringify as toYaml } from 'yaml';
import { contractRoute } from '../contract-route.js';
import { renderReferencePage } from '../presenters/reference-page.js';
import type { AppDeps } from '../app.js';

/** Registers the contract and reference routes; the documents are rendered once. */
export function registerMetaRoutes(app: FastifyInstance, deps: AppDeps): void {
  const yamlText = toYaml(deps.contract.document, { aliasDuplicateObjects: false });
  const jsonText = JSON.stringify(deps.contract.document);
  const referenceHtml = renderReferencePage(deps.contract);
  contractRoute(app, deps.contract, 'getContract', async (_request, reply) =>
    reply.type('application/yaml; charset=utf-8').send(yamlText),
  );
  contractRoute(app, deps.contract, 'getContractJson', async (_request, reply) =>
    reply.type('application/json; charset=utf-8').serializer((payload) => payload as string).send(jsonText),
  );
  contractRoute(app, deps.contract, 'getReference', async (_request, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'")
      .send(referenceHtml),
  );
}
