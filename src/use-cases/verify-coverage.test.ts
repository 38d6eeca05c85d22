import t from 'tap';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { verifyCoverage, inquiryServiceTypes, type VerifyCoverageDeps } from './verify-coverage.js';
import { normalizePayerDocument } from '../adapters/payers/normalize-payer-document.js';
import { DomainError } from '../core/errors.js';
import type { CacheCallOptions, CacheableResponse, CachedPayerResponse, RawPayerResponse } from '../core/ports.js';

const root = path.resolve(import.meta.dirname, '../..');
const document = (file: string) => readFileSync(path.join(root, 'fixtures/sandbox/responses', file), 'utf8');
const x12 = (body: string): RawPayerResponse => ({ format: 'x12-271', body, receivedAt: '2026-11-26T10:00:00.000Z' });
const inquiry = { payerId: 'SBXPPO', provider: { npi: '1234567893' }, subscriber: { memberId: 'SBX-PPO-0001' }, dateOfService: '2026-12-01' };

/** A cache that always asks the payer and records the options it was given (the real caches have their own tests). */
function passThroughCache() {
  const calls: { options: CacheCallOptions | undefined; kind?: CacheableResponse['kind'] }[] = [];
  return {
    calls,
    async getOrFetch(_identity: unknown, fetch: () => Promise<CacheableResponse>, options?: CacheCallOptions): Promise<CachedPayerResponse> {
      const answer = await fetch();
      calls.push({ options, kind: answer.kind });
      return { ...answer, cache: 'miss', asOf: answer.response.receivedAt, stale: false, ageSeconds: 0 };
    },
    health: async () => ({ backend: 'memory' as const, status: 'ok' as const }),
    close: async () => undefined,
  };
}

function deps(answer: () => Promise<RawPayerResponse>, cache = passThroughCache()): VerifyCoverageDeps & { cache: ReturnType<typeof passThroughCache> } {
  return {
    findPayer: (id) => (id.toLowerCase() === 'sbxppo' ? { id: 'sandbox-ppo', cache: { freshSeconds: 60 } } : undefined),
    gatewayFor: () => ({ fetchEligibility: answer }),
    cache,
    normalize: (raw) => normalizePayerDocument(raw.body, raw.format).coverages,
  };
}

t.test('a level of care asks for its behavioral-health service types plus plan level 30', async (t) => {
  t.ok(inquiryServiceTypes(undefined, 'iop-mental-health').includes('30'));
  t.ok(inquiryServiceTypes(undefined, 'iop-mental-health').includes('CH'));
  t.same(inquiryServiceTypes(['mh', 'MH'], undefined), ['30', 'MH'], 'codes are normalized and de-duplicated');
});

t.test('an alias resolves to the payer, and the payer\'s own cache freshness is used', async (t) => {
  const d = deps(async () => x12(document('sandbox-ppo-active.271')));
  const result = await verifyCoverage(d, { inquiry, levelOfCare: 'iop-mental-health' });
  t.equal(result.source.payerId, 'sandbox-ppo');
  t.equal(result.coverage.eligibility.status, 'active');
  t.match(d.cache.calls[0]?.options, { dataKind: 'accumulators', freshSeconds: 60, bypass: false });
  t.equal(result.levelOfCare?.inNetwork.deductible.individual?.remainingCents?.value, 30_000);
});

t.test('a definitive rejection is cached as a rejection and reported with its action', async (t) => {
  const d = deps(async () => x12(document('sandbox-ppo-invalid-member-id.271')));
  const error = await verifyCoverage(d, { inquiry }).catch((e: unknown) => e);
  t.ok(error instanceof DomainError);
  t.match(error, { code: 'payer.rejected', meta: { aaaCode: '72', retryable: false } });
  t.equal(d.cache.calls[0]?.kind, 'rejection', 'short negative caching applies');
});

t.test('"unable to respond now" (AAA 42) is a retryable outage, never cached, so a stale answer may serve', async (t) => {
  const busy = document('sandbox-ppo-invalid-member-id.271').replace('AAA*N**72*C', 'AAA*N**42*P');
  const d = deps(async () => x12(busy));
  const error = await verifyCoverage(d, { inquiry }).catch((e: unknown) => e);
  t.match(error, { code: 'payer.unavailable', meta: { aaaCode: '42' } });
  t.equal(d.cache.calls.length, 0, 'nothing was stored');
});

t.test('an unreadable payer answer is a malformed-response error with the reason, not a crash', async (t) => {
  const d = deps(async () => x12('ISA*00*garbage'));
  const error = await verifyCoverage(d, { inquiry }).catch((e: unknown) => e);
  t.match(error, { code: 'payer.malformed-response' });
  t.match((error as Error).message, /could not be read/);
  const unknown = await verifyCoverage(d, { inquiry: { ...inquiry, payerId: 'acme' } }).catch((e: unknown) => e);
  t.match(unknown, { code: 'payer.not-found' });
});

t.test('a cached answer served again is read once, and each check still gets the same coverage', async (t) => {
  const raw = x12(document('sandbox-ppo-active.271'));
  let reads = 0;
  const cache = {
    ...passThroughCache(),
    // A warm cache hands back its one stored answer object on every hit.
    async getOrFetch(): Promise<CachedPayerResponse> {
      return { response: raw, kind: 'benefits', cache: 'hit', asOf: raw.receivedAt, stale: false, ageSeconds: 5 };
    },
  };
  const counted: VerifyCoverageDeps = {
    ...deps(async () => raw),
    cache,
    normalize: (answer) => {
      reads += 1;
      return normalizePayerDocument(answer.body, answer.format).coverages;
    },
  };
  const first = await verifyCoverage(counted, { inquiry, levelOfCare: 'iop-mental-health' });
  const second = await verifyCoverage(counted, { inquiry, levelOfCare: 'iop-mental-health' });
  t.equal(reads, 1);
  t.same(second, first);
  t.equal(second.source.cache, 'hit');

  const copy = { ...raw };
  await verifyCoverage(counted, { inquiry });
  t.equal(reads, 1);
  const otherCache = { ...cache, getOrFetch: async (): Promise<CachedPayerResponse> => ({ response: copy, kind: 'benefits', cache: 'hit', asOf: raw.receivedAt, stale: false, ageSeconds: 5 }) };
  await verifyCoverage({ ...counted, cache: otherCache }, { inquiry });
  t.equal(reads, 2, 'another answer object (another entry, or the same one re-read) is read afresh');
});

t.test('a TA1 rejecting the inquiry is reported as the payer rejecting it, not as an unreadable answer', async (t) => {
  const isa = 'ISA*00*          *00*          *ZZ*SYNTHPAYER     *ZZ*SYNTHCLINIC    *250102*0930*^*00501*000000123*0*P*:~';
  const d = deps(async () => x12(`${isa}\nTA1*000000123*250102*0930*R*006~\nIEA*0*000000123~`));
  const error = await verifyCoverage(d, { inquiry }).catch((e: unknown) => e);
  t.match(error, { code: 'payer.rejected' });
  t.match((error as Error).message, /TA1/);
});
