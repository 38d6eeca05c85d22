/** POST /v1/estimates and POST /v1/estimates/compare: whole-program out-of-pocket estimates. */
import type { FastifyInstance } from 'fastify';
import { contractRoute } from '../contract-route.js';
import type { AppDeps } from '../app.js';
import { compareCost, estimateCost, type CompareCostRequest, type EstimateCostRequest } from '../../use-cases/estimate-cost.js';
import type { components } from '../generated/openapi.js';

type EstimateResponse = components['schemas']['EstimateResponse'];
type CompareResponse = components['schemas']['CompareResponse'];

/** Registers the estimate routes. */
export function registerEstimateRoutes(app: FastifyInstance, deps: AppDeps): void {
  contractRoute(app, deps.contract, 'createEstimate', async (request): Promise<EstimateResponse> => {
    const body = request.body as EstimateCostRequest;
    request.audit = {
      event: 'estimate.create',
      payerId: body.payerId,
      levelsOfCare: [body.plan.levelOfCare],
      ...(body.eligibility ? { member: { payerId: body.eligibility.payerId, memberId: body.eligibility.subscriber.memberId } } : {}),
    };
    const result = await estimateCost(deps.estimates, body);
    if (result.coverageSource) request.audit.cache = result.coverageSource.cache;
    return result;
  });

  contractRoute(app, deps.contract, 'compareEstimates', async (request): Promise<CompareResponse> => {
    const body = request.body as CompareCostRequest;
    request.audit = {
      event: 'estimate.create',
      payerId: body.payerId,
      levelsOfCare: body.levels.map((level) => level.levelOfCare),
      ...(body.eligibility ? { member: { payerId: body.eligibility.payerId, memberId: body.eligibility.subscriber.memberId } } : {}),
    };
    const result = await compareCost(deps.estimates, body);
    if (result.coverageSource) request.audit.cache = result.coverageSource.cache;
    return result;
  });
}
