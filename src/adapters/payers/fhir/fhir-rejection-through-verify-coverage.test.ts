/**
 * FHIR rejections as the verify-coverage use case reports them: the same payer.rejected /
 * payer.unavailable errors an X12 AAA-only 271 gives, with codes and our own wording only.
 * All people and ids are invented.
 */
import t from 'tap';
import { verifyCoverage, type VerifyCoverageDeps } from '../../../use-cases/verify-coverage.js';
import { normalizePayerDocument } from '../normalize-payer-document.js';
import { DomainError } from '../../../core/errors.js';
import type { CacheableResponse, CachedPayerResponse, RawPayerResponse } from '../../../core/ports.js';

const inquiry = { payerId: 'SYNTHFHIR', provider: { npi: '1234567893' }, subscriber: { memberId: 'SYNTH-SECRET-31' }, dateOfService: '2026-12-01' };
const fhir = (doc: unknown): RawPayerResponse => ({ format: 'fhir-r4', body: JSON.stringify(doc), receivedAt: '2026-11-26T10:00:00.000Z' });

function deps(doc: unknown): VerifyCoverageDeps & { kinds: CacheableResponse['kind'][] } {
  const kinds: CacheableResponse['kind'][] = [];
  return {
    kinds,
    findPayer: (id) => (id === 'SYNTHFHIR' ? { id: 'synthetic-fhir' } : undefined),
    gatewayFor: () => ({ fetchEligibility: async () => fhir(doc) }),
    cache: {
      async getOrFetch(_identity: unknown, fetch: () => Promise<CacheableResponse>): Promise<CachedPayerResponse> {
        const answer = await fetch();
        kinds.push(answer.kind);
        return { ...answer, cache: 'miss', asOf: answer.response.receivedAt, stale: false, ageSeconds: 0 };
      },
      health: async () => ({ backend: 'memory' as const, status: 'ok' as const }),
      close: async () => undefined,
    },
    normalize: (raw) => normalizePayerDocument(raw.body, raw.format).coverages,
  };
}

t.test('a FHIR server answering "member not found" with an OperationOutcome is reported as a payer rejection without its free text', async (t) => {
  const d = deps({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'not-found', diagnostics: 'No member SYNTH-SECRET-31 (Synthia Testperson)' }] });
  const error = await verifyCoverage(d, { inquiry }).catch((e: unknown) => e);
  t.ok(error instanceof DomainError);
  t.match(error, { code: 'payer.rejected', meta: { aaaCode: 'not-found', retryable: false } });
  t.notMatch(`${(error as Error).message} ${JSON.stringify((error as DomainError).meta)}`, /SYNTH-SECRET|Synthia|Testperson/);
  t.same(d.kinds, ['rejection']);
});

t.test('a response marked in force but with outcome error and reject code 75 is reported as a rejection, not as active coverage', async (t) => {
  const d = deps({ resourceType: 'CoverageEligibilityResponse', outcome: 'error', disposition: 'Subscriber Synthia Testperson not found', insurance: [{ coverage: {}, inforce: true }], error: [{ code: { coding: [{ code: '75' }] } }] });
  const error = await verifyCoverage(d, { inquiry }).catch((e: unknown) => e);
  t.match(error, { code: 'payer.rejected', meta: { aaaCode: '75' } });
  t.match((error as Error).message, /Subscriber\/Insured Not Found/);
  t.notMatch((error as Error).message, /Synthia|Testperson/);
});

t.test('a FHIR server that is throttling answers as a retryable outage, like AAA 42', async (t) => {
  const d = deps({ resourceType: 'Bundle', type: 'searchset', entry: [{ resource: { resourceType: 'OperationOutcome', issue: [{ severity: 'fatal', code: 'throttled' }] } }] });
  const error = await verifyCoverage(d, { inquiry }).catch((e: unknown) => e);
  t.match(error, { code: 'payer.unavailable', meta: { aaaCode: 'throttled' } });
  t.same(d.kinds, [], 'nothing was cached');
});

t.test('a queued response is reported as a retryable outage and not cached, not as inactive coverage', async (t) => {
  const d = deps({ resourceType: 'CoverageEligibilityResponse', status: 'active', outcome: 'queued', disposition: 'submitted', insurance: [{ coverage: { reference: 'Coverage/c1' }, inforce: false }] });
  const error = await verifyCoverage(d, { inquiry }).catch((e: unknown) => e);
  t.match(error, { code: 'payer.unavailable', meta: { aaaCode: 'queued' } });
  t.same(d.kinds, [], 'nothing was cached');
});

t.test('a response marked entered-in-error is reported as a rejection, not as the active coverage its inforce claims', async (t) => {
  const d = deps({ resourceType: 'CoverageEligibilityResponse', status: 'entered-in-error', outcome: 'complete', insurance: [{ coverage: {}, inforce: true }] });
  const error = await verifyCoverage(d, { inquiry }).catch((e: unknown) => e);
  t.match(error, { code: 'payer.rejected', meta: { aaaCode: 'entered-in-error', retryable: false } });
});
