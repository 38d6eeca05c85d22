/** POST /v1/estimates and POST /v1/estimates/compare: whole-program out-of-pocket estimates. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { assertScope } from '../plugins/api-key-auth.js';
import { wantsFreshAnswer } from './eligibility.js';
import { contractRoute } from '../contract-route.js';
import { fastifySchemaFor, type Json } from '../contract.js';
import { estimateResponseSerializer } from '../presenters/estimate-json.js';
import type { AppDeps } from '../app.js';
import { compareCost, estimateCost, type CompareCostRequest, type EstimateCostRequest } from '../../use-cases/estimate-cost.js';
import type { components } from '../generated/openapi.js';

type EstimateResponse = components['schemas']['EstimateResponse'];
type CompareResponse = components['schemas']['CompareResponse'];

/** Registers the estimate routes. */
export function registerEstimateRoutes(app: FastifyInstance, deps: AppDeps): void {
  // Built on the first estimate, with the route's own serializer compiler (see presenters/estimate-json.ts).
  let serializeEstimate: ((payload: unknown) => string) | undefined;
  const responseSchema = (fastifySchemaFor(deps.contract, 'createEstimate').response as Record<string, Json> | undefined)?.['200'];

  contractRoute(app, deps.contract, 'createEstimate', async (request, reply): Promise<EstimateResponse> => {
    const body = request.body as EstimateCostRequest;
    request.audit = {
      event: 'estimate.create',
      payerId: body.payerId,
      levelsOfCare: [body.plan.levelOfCare],
      ...(body.eligibility ? { member: { payerId: body.eligibility.payerId, memberId: body.eligibility.subscriber.memberId } } : {}),
    };
    const result = await estimateCost(deps.estimates, liveCheckAllowed(request, reply, body));
    if (result.coverageSource) request.audit.cache = result.coverageSource.cache;
    serializeEstimate ??= estimateResponseSerializer(deps.contract, responseSchema, (schema) => {
      const serialize = reply.compileSerializationSchema(schema);
      return (value) => serialize(value as Record<string, unknown>);
    });
    const serialize = serializeEstimate;
    // The same bytes as the schema serializer, with the scenarios' shared lines written once. The
    // patient-key hook still runs first (preSerialization); an error reply is plain JSON, as
    // Fastify writes statuses the contract gives no schema for.
    reply.type('application/json; charset=utf-8').serializer((payload: unknown) => (reply.statusCode === 200 ? serialize(payload) : JSON.stringify(payload)));
    return result;
  });

  contractRoute(app, deps.contract, 'compareEstimates', async (request, reply): Promise<CompareResponse> => {
    const body = request.body as CompareCostRequest;
    request.audit = {
      event: 'estimate.create',
      payerId: body.payerId,
      levelsOfCare: body.levels.map((level) => level.levelOfCare),
      ...(body.eligibility ? { member: { payerId: body.eligibility.payerId, memberId: body.eligibility.subscriber.memberId } } : {}),
    };
    const result = await compareCost(deps.estimates, liveCheckAllowed(request, reply, body));
    if (result.coverageSource) request.audit.cache = result.coverageSource.cache;
    return result;
  });
}

/**
 * An estimate that asks the payer itself (`eligibility`) is an eligibility check too: it needs that
 * scope, and it honours the caller's Cache-Control: no-cache as the check route does.
 */
function liveCheckAllowed<T extends { eligibility?: unknown }>(request: FastifyRequest, reply: FastifyReply, body: T): T & { bypassCache?: boolean } {
  if (body.eligibility === undefined) return body;
  assertScope(request, reply, 'eligibility:check', 'an estimate with a live eligibility check');
  return wantsFreshAnswer(request.headers['cache-control']) ? { ...body, bypassCache: true } : body;
}
