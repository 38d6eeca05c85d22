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
    const result = await estimateCost(deps.estimates, request.body as EstimateCostRequest);
    return result;
  });

  contractRoute(app, deps.contract, 'compareEstimates', async (request): Promise<CompareResponse> => {
    const result = await compareCost(deps.estimates, request.body as CompareCostRequest);
    return result;
  });
}
