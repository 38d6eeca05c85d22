import t from 'tap';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { verifyCoverage, inquiryServiceTypes, latestDateEveryUsPayerHasReached, type VerifyCoverageDeps } from './verify-coverage.js';
import { normalizePayerDocument } from '../adapters/payers/normalize-payer-document.js';
import { createCoverageCache } from '../adapters/cache/coverage-cache.js';
import { movableClock } from '../../test/support/cache-fixtures.js';
import { randomBytes } from 'node:crypto';
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

/**
 * A payer that answers only the first service type of an inquiry, as many do: plan level (30) gets
 * the plan and its deductible; CH (mental health facility, outpatient) gets a $40 copay with
 * authorization; every answer repeats the plan-level active line and deductible.
 */
function firstServiceTypeOnlyAnswer(serviceTypes: string[], options: { rejectCh?: boolean; otherMember?: boolean } = {}): RawPayerResponse {
  const asked = serviceTypes[0]!;
  const planLines = ['EB*1*IND*30*PR*SYNTHETIC PPO', 'EB*C*IND*30*PR**23*1500*****Y', 'EB*C*IND*30*PR**29*300*****Y'];
  const lines =
    asked === 'CH'
      ? options.rejectCh
        ? ['AAA*Y**33*C']
        : [...planLines, 'EB*B*IND*CH*PR**27*40****Y*Y', 'MSG*INTENSIVE OUTPATIENT COPAY PER DAY']
      : asked === '30'
        ? planLines
        : ['EB*1*IND*30*PR*SYNTHETIC PPO'];
  const body = [
    'ST*271*0001*005010X279A1', 'BHT*0022*11*SYNTH-1*20261201*0930', 'HL*1**20*1', 'NM1*PR*2*SYNTHETIC PLAN*****PI*99999',
    'HL*2*1*21*1', 'NM1*1P*2*SYNTHETIC CLINIC*****XX*1234567893', 'HL*3*2*22*0',
    options.otherMember ? 'NM1*IL*1*OTHERPATIENT*SAM****MI*ZZZ000000002' : 'NM1*IL*1*TESTPATIENT*ALEX****MI*ZZZ000000001',
    'DTP*291*RD8*20260101-20261231', ...lines,
  ];
  const isa = 'ISA*00*          *00*          *ZZ*SYNTHPAYER     *ZZ*SYNTHCLINIC    *261201*0930*^*00501*000000001*0*T*:';
  const text = [isa, 'GS*HB*SYNTHPAYER*SYNTHCLINIC*20261201*0930*1*X*005010X279A1', ...body, `SE*${body.length + 1}*0001`, 'GE*1*1', 'IEA*1*000000001'].join('~\n');
  return x12(`${text}~`);
}

function splittingDeps(
  perInquiry: number | undefined,
  options: { rejectCh?: boolean; failOn?: string; otherMemberOnCh?: boolean; misroutedChAnswers?: number; misroutedPlanAnswers?: number } = {},
) {
  const asked: string[][] = [];
  let misrouted = options.misroutedChAnswers ?? (options.otherMemberOnCh ? Infinity : 0);
  let misroutedPlan = options.misroutedPlanAnswers ?? 0;
  const d = deps(async () => x12(''));
  return {
    asked,
    deps: {
      ...d,
      findPayer: () => ({ id: 'synthetic-payer', ...(perInquiry !== undefined ? { serviceTypesPerInquiry: perInquiry } : {}) }),
      gatewayFor: () => ({
        fetchEligibility: async (inquiry: { serviceTypes: string[] }) => {
          asked.push(inquiry.serviceTypes);
          if (inquiry.serviceTypes.includes(options.failOn ?? '-')) throw new DomainError('payer.timeout', 'The payer did not answer in time');
          const otherMember = inquiry.serviceTypes[0] === 'CH' ? misrouted-- > 0 : inquiry.serviceTypes[0] === '30' && misroutedPlan-- > 0;
          return firstServiceTypeOnlyAnswer(inquiry.serviceTypes, { ...options, otherMember });
        },
      }),
    } satisfies VerifyCoverageDeps,
  };
}

t.test('a payer that answers only the first service type is asked one service type at a time, and the answers are merged', async (t) => {
  const together = splittingDeps(undefined);
  const whole = await verifyCoverage(together.deps, { inquiry, levelOfCare: 'iop-mental-health' });
  t.equal(together.asked.length, 1, 'by default every service type goes in one inquiry');
  t.equal(whole.levelOfCare?.inNetwork.copay, undefined, 'so this payer never states the IOP copay');

  const split = splittingDeps(1);
  const result = await verifyCoverage(split.deps, { inquiry, levelOfCare: 'iop-mental-health' });
  t.same(split.asked, inquiryServiceTypes(undefined, 'iop-mental-health').map((code) => [code]), 'one inquiry per service type, plan level first');
  const copay = result.levelOfCare?.inNetwork.copay;
  t.equal(copay?.value.amountCents, 4000, 'the IOP copay from the CH answer is used');
  t.match(copay?.sources[0]?.pointer, /^answer for CH \/ /, 'and cited to the answer that gave it');
  t.equal(result.levelOfCare?.inNetwork.deductible.individual?.remainingCents?.value, 30_000, 'the plan deductible from the first answer');
  const deductibleLines = result.coverage.benefits.filter((b) => b.kind === 'deductible');
  t.equal(deductibleLines.length, 2, 'the deductible repeated in every answer is kept once (total and remaining)');
  t.equal(new Set(result.coverage.benefits.map((b) => b.id)).size, result.coverage.benefits.length, 'benefit ids stay unique');
  t.ok(result.coverage.benefits.some((b) => b.kind === 'copay' && b.notes.includes('INTENSIVE OUTPATIENT COPAY PER DAY')), 'the payer note is kept');
});

t.test('several service types per inquiry are grouped in order', async (t) => {
  const split = splittingDeps(3);
  await verifyCoverage(split.deps, { inquiry: { ...inquiry, serviceTypes: ['MH', 'CH', 'CF', 'A8', 'AI'] } });
  t.same(split.asked, [['30', 'MH', 'CH'], ['CF', 'A8', 'AI']]);
});

t.test('a part of a split inquiry that the payer refuses is a warning, not a failed check', async (t) => {
  const split = splittingDeps(1, { rejectCh: true });
  const result = await verifyCoverage(split.deps, { inquiry, levelOfCare: 'iop-mental-health' });
  t.equal(result.coverage.eligibility.status, 'active');
  const warning = result.coverage.warnings.find((w) => w.code === 'service-type-answer-rejected');
  t.match(warning?.message, /service type CH/);
  t.equal(result.levelOfCare?.inNetwork.copay, undefined);
});

t.test('a part of a split inquiry answered about another member is asked once more past the cache, then fails the check, naming nobody', async (t) => {
  const split = splittingDeps(1, { otherMemberOnCh: true });
  const error = await verifyCoverage(split.deps, { inquiry, levelOfCare: 'iop-mental-health' }).catch((e: unknown) => e);
  t.match(error, { code: 'payer.malformed-response' });
  t.match((error as Error).message, /service type CH is about another member/);
  t.notMatch((error as Error).message, /ZZZ|OTHERPATIENT|TESTPATIENT/);
  t.equal(split.asked.filter((codes) => codes[0] === 'CH').length, 2, 'CH was asked twice');
  t.match(split.deps.cache.calls.at(-1)?.options, { bypass: true }, 'the second time past the cache, replacing the entry');

  const once = splittingDeps(1, { misroutedChAnswers: 1 });
  const healed = await verifyCoverage(once.deps, { inquiry, levelOfCare: 'iop-mental-health' });
  t.equal(healed.levelOfCare?.inNetwork.copay?.value.amountCents, 4000, 'a misroute that does not repeat costs one more call, not the check');
});

t.test('when the plan-level answer is the one about another member, it is asked again past the cache too, and the check heals', async (t) => {
  const split = splittingDeps(1, { misroutedPlanAnswers: 1 });
  const result = await verifyCoverage(split.deps, { inquiry, levelOfCare: 'iop-mental-health' });
  t.equal(result.coverage.eligibility.status, 'active');
  t.equal(result.levelOfCare?.inNetwork.copay?.value.amountCents, 4000);
  t.equal(split.asked.filter((codes) => codes[0] === '30').length, 2, 'plan level was asked twice');
  t.match(split.deps.cache.calls.at(-1)?.options, { bypass: true }, 'the second time past the cache, replacing the entry');

  const always = splittingDeps(1, { misroutedPlanAnswers: Infinity });
  const error = await verifyCoverage(always.deps, { inquiry, levelOfCare: 'iop-mental-health' }).catch((e: unknown) => e);
  t.match(error, { code: 'payer.malformed-response' }, 'a plan-level answer that stays about someone else still fails the check');
  t.equal(always.asked.filter((codes) => codes[0] === '30').length, 2, 'asked at most twice');
});

t.test('a part of a split inquiry that cannot be fetched fails the whole check, so nothing is priced from half an answer', async (t) => {
  const split = splittingDeps(1, { failOn: 'CH' });
  const error = await verifyCoverage(split.deps, { inquiry, levelOfCare: 'iop-mental-health' }).catch((e: unknown) => e);
  t.match(error, { code: 'payer.timeout' });
});

t.test('a split check reports the least fresh part: any part from the payer makes it a miss, any stale part makes it stale', async (t) => {
  const split = splittingDeps(1);
  const outcomes: CachedPayerResponse['cache'][] = ['hit', 'miss', 'hit', 'stale'];
  let call = 0;
  const cache = {
    ...passThroughCache(),
    async getOrFetch(_identity: unknown, fetch: () => Promise<CacheableResponse>): Promise<CachedPayerResponse> {
      const answer = await fetch();
      const cache = outcomes[call++ % outcomes.length]!;
      return { ...answer, cache, asOf: `2026-11-26T10:00:0${call}.000Z`, stale: cache === 'stale', ageSeconds: call * 10 };
    },
  };
  const result = await verifyCoverage({ ...split.deps, cache }, { inquiry, levelOfCare: 'iop-mental-health' });
  t.equal(result.source.cache, 'stale');
  t.equal(result.source.stale, true);
  t.equal(result.source.ageSeconds, split.asked.length * 10, 'the oldest part gives the age');

  call = 0;
  outcomes.splice(0, outcomes.length, 'hit', 'miss');
  const fresh = await verifyCoverage({ ...split.deps, cache }, { inquiry, levelOfCare: 'iop-mental-health' });
  t.equal(fresh.source.cache, 'miss');
  t.equal(fresh.source.stale, false);
});

/** A payer on 2026-11-27 that answers only inside its inquiry window (12 months back to today), else AAA `code`. */
function windowedPayer(code: string) {
  const asked: string[] = [];
  const payer: VerifyCoverageDeps = {
    ...deps(async () => x12('')),
    gatewayFor: () => ({
      fetchEligibility: async (question) => {
        asked.push(question.dateOfService);
        return question.dateOfService > '2026-11-27' || question.dateOfService < '2025-11-27'
          ? x12(document('sandbox-ppo-invalid-member-id.271').replace('AAA*N**72*C', `AAA*Y**${code}*C`))
          : x12(document('sandbox-ppo-active.271'));
      },
    }),
    today: () => '2026-11-27',
  };
  return { asked, deps: payer };
}

t.test('a payer that refuses a future date of service (AAA 62/63) is asked again about today, and the answer says so', async (t) => {
  for (const code of ['62', '63']) {
    const payer = windowedPayer(code);
    const result = await verifyCoverage(payer.deps, { inquiry: { ...inquiry, dateOfService: '2026-12-07' }, levelOfCare: 'iop-mental-health' });
    t.same(payer.asked, ['2026-12-07', '2026-11-27'], `AAA ${code}: the program start, then today`);
    t.equal(result.coverage.eligibility.status, 'active');
    t.equal(result.source.dateOfServiceAsked, '2026-11-27', 'the caller is told which date the payer answered for');

    const noClock = await verifyCoverage({ ...payer.deps, today: undefined }, { inquiry: { ...inquiry, dateOfService: '2026-12-07' } }).catch((e: unknown) => e);
    t.match(noClock, { code: 'payer.rejected', meta: { aaaCode: code } }, 'without a clock the refusal stands');
  }

  const payer = windowedPayer('62');
  const old = await verifyCoverage(payer.deps, { inquiry: { ...inquiry, dateOfService: '2025-01-15' } }).catch((e: unknown) => e);
  t.match(old, { code: 'payer.rejected', meta: { aaaCode: '62' } }, 'a past date outside the window is the caller\'s to fix');
  t.equal(payer.asked.length, 1, 'and is not asked again');
});

t.test('the date a payer refusing future dates is asked about has been reached in every US time zone', async (t) => {
  t.equal(latestDateEveryUsPayerHasReached(new Date('2026-11-28T05:00:00Z')), '2026-11-27', '9 pm in California: the UTC date is already tomorrow');
  t.equal(latestDateEveryUsPayerHasReached(new Date('2026-11-28T09:59:00Z')), '2026-11-27', 'just before midnight in Hawaii');
  t.equal(latestDateEveryUsPayerHasReached(new Date('2026-11-28T10:00:00Z')), '2026-11-28');
});

/** A 271 for a dependent: the subscriber's own plan line in 2000C, the dependent's answer (or AAA) in 2000D. */
function dependentAnswer(dependentLines: string[]): RawPayerResponse {
  const body = [
    'ST*271*0001*005010X279A1', 'BHT*0022*11*SYNTH-1*20261201*0930', 'HL*1**20*1', 'NM1*PR*2*SYNTHETIC PLAN*****PI*99999',
    'HL*2*1*21*1', 'NM1*1P*2*SYNTHETIC CLINIC*****XX*1234567893', 'HL*3*2*22*1', 'NM1*IL*1*TESTPATIENT*ALEX****MI*ZZZ000000001',
    'INS*Y*18', 'EB*1*IND*30*PR*SYNTHETIC PPO', 'HL*4*3*23*0', 'NM1*03*1*TESTPATIENT*SAM', 'INS*N*19', ...dependentLines,
  ];
  const isa = 'ISA*00*          *00*          *ZZ*SYNTHPAYER     *ZZ*SYNTHCLINIC    *261201*0930*^*00501*000000001*0*T*:';
  const text = [isa, 'GS*HB*SYNTHPAYER*SYNTHCLINIC*20261201*0930*1*X*005010X279A1', ...body, `SE*${body.length + 1}*0001`, 'GE*1*1', 'IEA*1*000000001'].join('~\n');
  return x12(`${text}~`);
}

t.test('a dependent whose payer refuses the future date (AAA 63 in 2000D, the subscriber answered in 2000C) is asked again about today', async (t) => {
  const asked: string[] = [];
  const d = passThroughCache();
  const refusesFuture: VerifyCoverageDeps = {
    ...deps(async () => x12(''), d),
    gatewayFor: () => ({
      fetchEligibility: async (question) => {
        asked.push(question.dateOfService);
        return dependentAnswer(question.dateOfService > '2026-11-27' ? ['AAA*Y**63*C'] : ['EB*1*IND*30*PR*SYNTHETIC PPO', 'EB*B*IND*CH*PR**27*40****Y*Y']);
      },
    }),
    today: () => '2026-11-27',
  };
  const dependent = { firstName: 'SAM', lastName: 'TESTPATIENT', dateOfBirth: '2012-05-05', relationship: 'child' as const };
  const result = await verifyCoverage(refusesFuture, { inquiry: { ...inquiry, dependent, dateOfService: '2026-12-07' } }).catch((e: unknown) => e);
  t.same(asked, ['2026-12-07', '2026-11-27'], 'the program start, then today');
  t.match(result, { source: { dateOfServiceAsked: '2026-11-27' }, coverage: { patient: { relationship: 'child' } } });
  t.equal(d.calls[0]?.kind, 'benefits');

  // A dependent's definitive refusal is cached as a rejection (short negative TTL), not as benefits.
  const refused: VerifyCoverageDeps = { ...refusesFuture, cache: passThroughCache(), gatewayFor: () => ({ fetchEligibility: async () => dependentAnswer(['AAA*Y**72*C']) }) };
  const error = await verifyCoverage(refused, { inquiry: { ...inquiry, dependent } }).catch((e: unknown) => e);
  t.match(error, { code: 'payer.rejected', meta: { aaaCode: '72' } });
  t.equal((refused.cache as ReturnType<typeof passThroughCache>).calls[0]?.kind, 'rejection');
});

t.test('an answer re-asked about an earlier day is not fresh in the cache once that day has passed', async (t) => {
  // The real cache on a movable clock: 8 pm in Hawaii on 30 November (fresh windows of a day).
  const clock = movableClock(Date.parse('2026-12-01T06:00:00Z'));
  const cache = createCoverageCache({ keySecret: randomBytes(32), encryptionKeys: { current: { id: 'k1', key: randomBytes(32) } }, clock });
  t.teardown(() => cache.close());
  let payerDown = false;
  const asked: string[] = [];
  const today = () => latestDateEveryUsPayerHasReached(clock.now());
  const d: VerifyCoverageDeps = {
    ...deps(async () => x12('')),
    cache,
    // Answers stay fresh for a whole day: only the day they were asked about can end them sooner.
    findPayer: () => ({ id: 'sandbox-ppo', cache: { freshSeconds: 86_400 } }),
    gatewayFor: () => ({
      fetchEligibility: async (question) => {
        if (payerDown) throw new DomainError('payer.unavailable', 'The payer is temporarily unavailable');
        asked.push(question.dateOfService);
        return question.dateOfService > today()
          ? x12(document('sandbox-ppo-invalid-member-id.271').replace('AAA*N**72*C', 'AAA*Y**63*C'))
          : x12(document('sandbox-ppo-active.271'));
      },
    }),
    today,
  };
  const check = (dateOfService: string) => verifyCoverage(d, { inquiry: { ...inquiry, dateOfService } });
  const first = await check('2026-12-01');
  t.equal(first.source.dateOfServiceAsked, '2026-11-30', 'the evening before: answered for that day');
  clock.advance(3 * 3600);
  t.equal((await check('2026-12-01')).source.cache, 'hit', 'the same day, the re-asked answer is served from the cache');

  clock.advance(2 * 3600); // past midnight in Hawaii: 1 December everywhere
  asked.length = 0;
  const firstDay = await check('2026-12-01');
  t.same(asked, ['2026-12-01'], 'on the first day, as the notice says, the payer is asked about it');
  t.equal(firstDay.source.dateOfServiceAsked, undefined, 'and the answer is for the date of service');

  // A re-ask for a later program, then the payer goes down the next day: the answer serves stale.
  await check('2026-12-09');
  clock.advance(24 * 3600);
  payerDown = true;
  const outage = await check('2026-12-09');
  t.match(outage.source, { cache: 'stale', stale: true, dateOfServiceAsked: '2026-12-01' });
});
