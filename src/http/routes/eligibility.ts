/** POST /v1/eligibility: a live coverage check against a payer, through the PHI-safe cache. */
import type { FastifyInstance } from 'fastify';
import { contractRoute } from '../contract-route.js';
import { abortWhenClientGone } from '../client-gone.js';
import type { AppDeps } from '../app.js';
import { verifyCoverage, type VerifyCoverageRequest } from '../../use-cases/verify-coverage.js';
import type { AuditContext } from '../audit-trail.js';
import { isDomainError } from '../../core/errors.js';
import type { components } from '../generated/openapi.js';

type EligibilityRequest = components['schemas']['EligibilityRequest'];
type EligibilityResponse = components['schemas']['EligibilityResponse'];

/** True when the caller asked to skip cached answers (Cache-Control: no-cache or no-store). */
export function wantsFreshAnswer(cacheControl: string | string[] | undefined): boolean {
  const value = Array.isArray(cacheControl) ? cacheControl.join(',') : (cacheControl ?? '');
  return /(^|,)\s*(no-cache|no-store|max-age=0)\s*(,|$)/i.test(value);
}

/** The use-case request for one contract EligibilityRequest (shared by single and batch checks). */
export function verifyRequestFrom(body: EligibilityRequest, options: { bypassCache?: boolean; signal?: AbortSignal } = {}): VerifyCoverageRequest {
  return {
    inquiry: {
      payerId: body.payerId,
      provider: body.provider,
      subscriber: body.subscriber,
      ...(body.dependent ? { dependent: body.dependent } : {}),
      dateOfService: body.dateOfService,
      ...(body.serviceTypes ? { serviceTypes: body.serviceTypes } : {}),
    },
    ...(body.levelOfCare ? { levelOfCare: body.levelOfCare } : {}),
    ...(options.bypassCache ? { bypassCache: true } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  };
}

/** What the audit trail records for a check: the member (hashed later) and the SUD facts for Part 2. */
export function auditContextFor(event: 'eligibility.check' | 'eligibility.batch', body: EligibilityRequest): AuditContext {
  return {
    event,
    payerId: body.payerId,
    member: { payerId: body.payerId, memberId: body.subscriber.memberId, ...(body.subscriber.dateOfBirth ? { dateOfBirth: body.subscriber.dateOfBirth } : {}) },
    ...(body.serviceTypes ? { serviceTypes: body.serviceTypes } : {}),
    ...(body.levelOfCare ? { levelsOfCare: [body.levelOfCare] } : {}),
  };
}

/** Registers the eligibility route. */
export function registerEligibilityRoutes(app: FastifyInstance, deps: AppDeps): void {
  contractRoute(app, deps.contract, 'checkEligibility', async (request, reply): Promise<EligibilityResponse> => {
    const body = request.body as EligibilityRequest;
    request.audit = auditContextFor('eligibility.check', body);
    // Stop asking the payer when the caller hangs up: the intake coordinator has moved on.
    const signal = abortWhenClientGone(reply);
    try {
      const result = await verifyCoverage(
        deps.verifyCoverage,
        verifyRequestFrom(body, { bypassCache: wantsFreshAnswer(request.headers['cache-control']), signal }),
      );
      request.audit.payerId = result.source.payerId;
      request.audit.cache = result.source.cache;
      if (result.source.stale) reply.header('warning', '110 - "Response is stale: the payer is not answering"');
      return result;
    } catch (error) {
      if (isDomainError(error) && typeof error.meta.cache === 'string' && ['hit', 'miss', 'stale', 'bypass'].includes(error.meta.cache)) {
        request.audit.cache = error.meta.cache as 'hit' | 'miss' | 'stale' | 'bypass';
      }
      if (isDomainError(error) && typeof error.meta.retryAfterSeconds === 'number') {
        reply.header('retry-after', String(Math.ceil(error.meta.retryAfterSeconds)));
      }
      throw error;
    }
  });
}
