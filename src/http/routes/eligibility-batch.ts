/**
 * POST /v1/eligibility/batch: up to 1,000 eligibility checks in one request, for a billing system's
 * nightly list. Each item is validated and checked on its own, through the same cache and stampede
 * protection as single checks; a failed item never fails the batch. Results come back as one JSON
 * document, or streamed as NDJSON (one line per item as it finishes, then a summary line).
 */
import type { OutgoingHttpHeaders } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { contractRoute } from '../contract-route.js';
import { drained, runPool } from '../batch-pool.js';
import { abortWhenClientGone } from '../client-gone.js';
import type { AppDeps } from '../app.js';
import { verifyCoverage } from '../../use-cases/verify-coverage.js';
import { fieldErrorsFromValidation, problemFromCode, problemFromError, type Problem } from '../problem.js';
import { CONTRACT_SCHEMA_ID } from '../contract.js';
import { recordAccess } from '../audit-trail.js';
import { namesAnyOf, preferredOf } from '../accept.js';
import { auditContextFor, verifyRequestFrom, wantsFreshAnswer } from './eligibility.js';
import type { components } from '../generated/openapi.js';
import { DomainError } from '../../core/errors.js';
import { stripPhiForPatient } from '../plugins/api-key-auth.js';

type EligibilityRequest = components['schemas']['EligibilityRequest'];
type BatchRequest = components['schemas']['EligibilityBatchRequest'];
type BatchItemResult = components['schemas']['EligibilityBatchItemResult'];

/** Batch payloads are large: 1,000 members at ~1 KB each. */
const BATCH_BODY_LIMIT = 4 * 1024 * 1024;

/** Registers the batch route. */
export function registerEligibilityBatchRoutes(app: FastifyInstance, deps: AppDeps): void {
  contractRoute(
    app,
    deps.contract,
    'checkEligibilityBatch',
    async (request, reply) => {
      const body = request.body as BatchRequest;
      // Results are matched to the caller's rows by reference (NDJSON in completion order), so each
      // reference must name one item; a repeat is refused before any payer is asked.
      const duplicates = duplicateReferences(body.items);
      if (duplicates.length > 0) {
        throw new DomainError('request.invalid', `${duplicates.length} item reference${duplicates.length === 1 ? ' is' : 's are'} used more than once`, {
          errors: duplicates.slice(0, 20).map((index) => ({ pointer: `/items/${index}/reference`, message: 'repeats the reference of an earlier item; each reference must be unique' })),
        });
      }
      // A patient-facing key never sees member identifiers, whichever representation it asks for.
      const forPatient = request.apiKey?.scopes.includes('patient') === true;
      const started = performance.now();
      deps.metrics.observeBatchSize(body.items.length);
      const validate = request.compileValidationSchema({ $ref: `${CONTRACT_SCHEMA_ID}#/components/schemas/EligibilityRequest` });
      const signal = abortWhenClientGone(reply);
      // Cache-Control: no-cache asks the payer again for every member, as on a single check: a nightly
      // run that must see today's deductible and out-of-pocket figures sends it.
      const bypassCache = wantsFreshAnswer(request.headers['cache-control']);

      const checkOne = async (item: BatchRequest['items'][number], index: number): Promise<BatchItemResult> => {
        const reference = item.reference;
        if (!validate(item.check)) {
          const errors = fieldErrorsFromValidation(validate.errors ?? [], 'body').map((e) => ({ ...e, pointer: `/items/${index}/check${e.pointer === '/' ? '' : e.pointer}` }));
          const problem = problemFromCode('request.invalid', `${errors.length} field${errors.length === 1 ? ' is' : 's are'} not valid`, { errors });
          return { reference, status: 'error', problem: problem };
        }
        const check = item.check as EligibilityRequest;
        const audit = auditContextFor('eligibility.batch', check);
        try {
          const result = await verifyCoverage(deps.verifyCoverage, verifyRequestFrom(check, { signal, bypassCache }));
          audit.payerId = result.source.payerId;
          audit.cache = result.source.cache;
          recordAccess(deps.audit, request, audit, 200, null);
          return { reference, status: 'ok', result: result as unknown as components['schemas']['EligibilityResponse'] };
        } catch (error) {
          const problem: Problem = problemFromError(error, request);
          delete problem.instance;
          delete problem.requestId;
          recordAccess(deps.audit, request, audit, problem.status, problem.code);
          if (problem.status >= 500 && problem.code === 'internal') request.log.error({ err: error, index }, 'batch item failed');
          return { reference, status: 'error', problem: problem };
        }
      };

      const summary = () => ({ total: body.items.length, succeeded, failed: body.items.length - succeeded, durationMs: Math.round(performance.now() - started) });
      let succeeded = 0;
      if (wantsNdjson(request)) {
        // The stream bypasses Fastify's send path, so carry over the headers hooks already set
        // (security headers, rate-limit headers, CORS, request id) before writing the head.
        reply.hijack();
        reply.raw.writeHead(200, {
          ...(reply.getHeaders() as OutgoingHttpHeaders),
          'content-type': 'application/x-ndjson; charset=utf-8',
          'cache-control': 'no-store',
          'x-request-id': request.id,
        });
        await runPool(body.items, deps.batchMaxConcurrency, signal, checkOne, (result) => {
          if (result.status === 'ok') succeeded++;
          if (signal.aborted || reply.raw.destroyed) return;
          // Backpressure: a reader slower than the payers makes the workers wait, instead of the
          // whole batch piling up in this process's memory.
          if (!reply.raw.write(`${JSON.stringify(forPatient ? stripPhiForPatient(result) : result)}\n`)) return drained(reply.raw, signal);
        });
        if (!reply.raw.destroyed) reply.raw.end(`${JSON.stringify({ summary: summary() })}\n`);
        return reply;
      }
      const results: BatchItemResult[] = new Array<BatchItemResult>(body.items.length);
      await runPool(body.items, deps.batchMaxConcurrency, signal, checkOne, (result, index) => {
        if (result.status === 'ok') succeeded++;
        results[index] = result;
      });
      // The client went away mid-batch: nobody is left to answer, and the unchecked items have holes.
      if (signal.aborted) {
        reply.hijack();
        return reply;
      }
      return { results, summary: summary() };
    },
    { bodyLimit: BATCH_BODY_LIMIT },
  );
}

/** Indexes of items whose reference repeats an earlier item's. */
function duplicateReferences(items: BatchRequest['items']): number[] {
  const seen = new Set<string>();
  const repeats: number[] = [];
  items.forEach((item, index) => {
    if (seen.has(item.reference)) repeats.push(index);
    seen.add(item.reference);
  });
  return repeats;
}

/**
 * True when the client prefers NDJSON (a stream of results as they finish) and names it: a wildcard
 * or a higher q for JSON gets one JSON document.
 */
function wantsNdjson(request: FastifyRequest): boolean {
  const accept = request.headers.accept;
  return namesAnyOf(accept, NDJSON_TYPES) && preferredOf(accept, ['application/json', ...NDJSON_TYPES]) !== 'application/json';
}

const NDJSON_TYPES = ['application/x-ndjson', 'application/ndjson'];
