/** POST /v1/coverage/normalize: read a payer response the caller already holds into the coverage model. */
import type { FastifyInstance } from 'fastify';
import { contractRoute } from '../contract-route.js';
import type { AppDeps } from '../app.js';
import { normalizePayerDocument } from '../../adapters/payers/normalize-payer-document.js';
import { DomainError } from '../../core/errors.js';
import type { CoverageFormat } from '../../core/coverage/coverage-model.js';
import type { components } from '../generated/openapi.js';

type NormalizeRequest = components['schemas']['NormalizeRequest'];
type NormalizeResponse = components['schemas']['NormalizeResponse'];

/** Payer documents can be large (a 271 with many benefits); allow more than the default body limit. */
const NORMALIZE_BODY_LIMIT = 6 * 1024 * 1024;

/** Media types a CAQH CORE envelope arrives in (SOAP 1.2 / 1.1, HTTP MIME multipart, MTOM). */
const CORE_ENVELOPE_MEDIA_TYPES = ['application/soap+xml', 'text/xml', 'multipart/form-data', 'multipart/related'];

/** Deeper than any FHIR Bundle or clearinghouse answer (they nest about 10 levels). */
const MAX_DOCUMENT_DEPTH = 100;

/** True when a parsed JSON value nests arrays or objects more than `limit` deep (walked without recursion). */
function nestedDeeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth > limit) return true;
    for (const child of Object.values(node)) if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}

/** Registers the coverage routes and the raw media types they accept. */
export function registerCoverageRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.register(async (scope) => {
    // Raw X12 arrives as text; FHIR as application/fhir+json. Both are parsed here, in this scope only.
    scope.addContentTypeParser(['text/plain', 'application/edi-x12'], { parseAs: 'string', bodyLimit: NORMALIZE_BODY_LIMIT }, (_req, body, done) => {
      done(null, body);
    });
    // A 271 as a payer sent it inside a CAQH CORE envelope: SOAP 1.2, or HTTP MIME multipart (the
    // boundary comes from the content type). Kept as text; the envelope reader unwraps it.
    scope.addContentTypeParser(CORE_ENVELOPE_MEDIA_TYPES, { parseAs: 'string', bodyLimit: NORMALIZE_BODY_LIMIT }, (_req, body, done) => {
      done(null, body);
    });
    // Parsed as application/json is: the same prototype-poisoning refusal (__proto__, constructor).
    scope.addContentTypeParser('application/fhir+json', { parseAs: 'string', bodyLimit: NORMALIZE_BODY_LIMIT }, scope.getDefaultJsonParser('error', 'error'));

    contractRoute(
      scope,
      deps.contract,
      'normalizeCoverage',
      async (request): Promise<NormalizeResponse> => {
        request.audit = { event: 'coverage.normalize', purpose: 'payment' };
        const query = request.query as { format?: CoverageFormat };
        const contentTypeHeader = String(request.headers['content-type'] ?? '');
        const contentType = contentTypeHeader.split(';')[0]?.trim().toLowerCase();
        let document: unknown;
        let format: CoverageFormat | undefined = query.format;
        if (contentType === 'application/json') {
          const body = request.body as NormalizeRequest;
          document = body.document;
          format = body.format ?? format;
        } else {
          document = request.body;
          if (contentType === 'application/fhir+json') format = format ?? 'fhir-r4';
        }
        if (typeof document !== 'string' && nestedDeeperThan(document, MAX_DOCUMENT_DEPTH)) {
          // No eligibility document nests this deep; serializing one would exhaust the stack.
          throw new DomainError('format.parse-error', `The document is nested more than ${MAX_DOCUMENT_DEPTH} levels deep, which no eligibility response is`);
        }
        const text = typeof document === 'string' ? document : JSON.stringify(document);
        // The full header carries a multipart boundary; for a JSON-wrapped document it means nothing.
        const result = normalizePayerDocument(text, format, contentType === 'application/json' ? {} : { contentType: contentTypeHeader });
        return { format: result.format as NormalizeResponse['format'], coverages: result.coverages };
      },
      { bodyLimit: NORMALIZE_BODY_LIMIT },
    );
  });
}
