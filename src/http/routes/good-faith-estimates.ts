/** POST /v1/good-faith-estimates: a Good Faith Estimate as JSON, or a printable HTML document. */
import type { FastifyInstance } from 'fastify';
import { contractRoute } from '../contract-route.js';
import { preferredOf } from '../accept.js';
import type { AppDeps } from '../app.js';
import { createGoodFaithEstimate, type GoodFaithEstimateRequest } from '../../use-cases/create-good-faith-estimate.js';
import { renderGoodFaithEstimateHtml } from '../presenters/good-faith-estimate-html.js';

/**
 * True when the client prefers HTML over JSON (a browser printing the estimate). Read as the 406
 * check reads Accept (q-values, wildcards), so a client that accepts only text/* gets the HTML and
 * one that refuses text/html (q=0) never does.
 */
export function prefersHtml(accept: string | undefined): boolean {
  if (!accept) return false;
  return preferredOf(accept, ['application/json', 'text/html']) === 'text/html';
}

/** The checklist element for the patient's name and date of birth (45 CFR 149.610(c)(1)(i)). */
const PATIENT_IDENTITY_CFR = '149.610(c)(1)(i)';

/** Registers the Good Faith Estimate route. */
export function registerGoodFaithEstimateRoutes(app: FastifyInstance, deps: AppDeps): void {
  contractRoute(app, deps.contract, 'createGoodFaithEstimate', async (request, reply) => {
    const body = request.body as GoodFaithEstimateRequest;
    // Self-pay: no payer and no member id; the audit records that a GFE was issued, and when.
    request.audit = { event: 'gfe.create', purpose: 'payment', levelsOfCare: [body.plan.levelOfCare] };
    const created = createGoodFaithEstimate(deps.estimates, body);
    // A patient-facing key's copy carries no name or date of birth (blank lines to write them in):
    // its checklist says so, rather than claiming what the copy does not hold.
    const forPatient = request.apiKey?.scopes.includes('patient') === true;
    const gfe = forPatient
      ? { ...created, contentChecklist: created.contentChecklist.map((c) => (c.cfr === PATIENT_IDENTITY_CFR ? { ...c, present: false } : c)) }
      : created;
    if (prefersHtml(request.headers.accept)) {
      // HTML is sent as a string, past the patient-key stripping of JSON answers: withhold here.
      return reply
        .type('text/html; charset=utf-8')
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'")
        .send(renderGoodFaithEstimateHtml(gfe, { withholdPatient: forPatient }));
    }
    return gfe;
  });
}
