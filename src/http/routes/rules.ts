/** POST /v1/sliding-scale/evaluate and POST /v1/prior-auth/evaluate: the clinic's financial rules. */
import type { FastifyInstance } from 'fastify';
import { contractRoute } from '../contract-route.js';
import type { AppDeps } from '../app.js';
import { evaluateSlidingScale } from '../../core/rules/sliding-scale.js';
import { evaluatePriorAuth, type PriorAuthInput } from '../../core/rules/prior-auth.js';
import type { components } from '../generated/openapi.js';

type SlidingScaleRequest = components['schemas']['SlidingScaleRequest'];
type SlidingScaleEvaluation = components['schemas']['SlidingScaleEvaluation'];
type PriorAuthRequest = components['schemas']['PriorAuthRequest'];
type PriorAuthEvaluation = components['schemas']['PriorAuthEvaluation'];

/** Registers the rules routes. */
export function registerRulesRoutes(app: FastifyInstance, deps: AppDeps): void {
  contractRoute(app, deps.contract, 'evaluateSlidingScale', async (request): Promise<SlidingScaleEvaluation> => {
    const body = request.body as SlidingScaleRequest;
    return evaluateSlidingScale(body, deps.rules.povertyGuidelines, deps.rules.slidingFeeSchedule);
  });

  contractRoute(app, deps.contract, 'evaluatePriorAuth', async (request): Promise<PriorAuthEvaluation> => {
    const body = request.body as PriorAuthRequest;
    const input: PriorAuthInput = {
      ...body,
      ...(body.payerSaid
        ? { payerSaid: { notes: [], sources: [], ...body.payerSaid } }
        : {}),
    } as PriorAuthInput;
    return evaluatePriorAuth(input, deps.rules.priorAuthRules);
  });
}
