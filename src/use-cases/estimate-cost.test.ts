import t from 'tap';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { compareCost, estimateCost } from './estimate-cost.js';
import { createCoverageCache } from '../adapters/cache/coverage-cache.js';
import { randomBytes } from 'node:crypto';
import { normalizePayerDocument } from '../adapters/payers/normalize-payer-document.js';
import type { EligibilityInquiry, RawPayerResponse } from '../core/ports.js';
import { clinicData, livePayerDeps, offlineDeps } from '../../test/support/estimate-deps.js';

const root = path.resolve(import.meta.dirname, '../..');
const fixture = (file: string) => path.join(root, 'fixtures', file);

t.test('a live comparison asks the payer once for every level of care it compares', async (t) => {
  const asked: EligibilityInquiry[] = [];
  const body = readFileSync(fixture('sandbox/responses/sandbox-ppo-active.271'), 'utf8');
  const result = await compareCost(
    livePayerDeps(body, { asked }),
    {
      payerId: 'sandbox-ppo',
      startDate: '2026-12-07',
      networkStatus: 'in',
      levels: [{ levelOfCare: 'iop-mental-health' }, { levelOfCare: 'partial-hospitalization' }, { levelOfCare: 'iop-substance-use' }],
      eligibility: { payerId: 'sandbox-ppo', provider: { npi: '1234567893' }, subscriber: { memberId: 'SBX-PPO-0001' }, dateOfService: '2026-12-07' },
    },
  );
  t.equal(asked.length, 1, 'one payer call for three levels');
  const types = asked[0]?.serviceTypes ?? [];
  for (const code of ['30', 'CH', 'BB', 'CJ']) t.ok(types.includes(code), `the inquiry asks about ${code}`);
  t.equal(result.rows.length, 3);
  t.equal(result.coverageSource?.cache, 'miss');
  t.ok(result.rows.every((row) => row.expectedCents > 0));
});

t.test('estimates served from a warm cache are the same every time (what is read once is never changed)', async (t) => {
  const body = readFileSync(fixture('sandbox/responses/sandbox-ppo-active.271'), 'utf8');
  let payerCalls = 0;
  let reads = 0;
  const cache = createCoverageCache({ keySecret: randomBytes(32), encryptionKeys: { current: { id: 'k1', key: randomBytes(32) } } });
  t.teardown(() => cache.close());
  const deps = {
    ...clinicData(),
    verify: {
      findPayer: (id: string) => ({ id }),
      gatewayFor: () => ({
        fetchEligibility: async () => {
          payerCalls += 1;
          return { format: 'x12-271' as const, body, receivedAt: '2026-11-26T12:00:00.000Z' };
        },
      }),
      cache,
      normalize: (raw: RawPayerResponse) => {
        reads += 1;
        return normalizePayerDocument(raw.body, raw.format).coverages;
      },
    },
  };
  const request = {
    payerId: 'sandbox-ppo',
    networkStatus: 'in' as const,
    plan: { levelOfCare: 'iop-mental-health' as const, startDate: '2026-12-07', daysPerWeek: 3, hoursPerDay: 3, weeks: 12 },
    eligibility: { payerId: 'sandbox-ppo', provider: { npi: '1234567893' }, subscriber: { memberId: 'SBX-PPO-0001' }, dateOfService: '2026-12-07' },
  };
  const first = await estimateCost(deps, request);
  const second = await estimateCost(deps, request);
  const third = await estimateCost(deps, { ...request, networkStatus: 'out' });
  const fourth = await estimateCost(deps, request);
  t.equal(payerCalls, 1);
  t.equal(second.coverageSource?.cache, 'hit');
  t.ok(reads <= 2, `the payer answer is read at most twice (on the miss, then once from the cache), read ${reads} times`);
  const withoutSource = (r: typeof first) => ({ ...r, coverageSource: undefined });
  t.same(withoutSource(second), withoutSource(first));
  t.same(withoutSource(fourth), withoutSource(first), 'an out-of-network estimate in between changes nothing shared');
  t.not(third.estimate.expected.totals.patientPaysCents, first.estimate.expected.totals.patientPaysCents);
  t.equal(first.estimate.expected.totals.patientPaysCents, 324_000, 'the sandbox PPO member pays $3,240 over 36 days');
});

t.test('an HMO or EPO that answers only for its network is priced self-pay out of network; a PPO answering the same way stays unknown', async (t) => {
  // The sandbox HMO answer without its explicit "no out-of-network benefits" line (EB*I ... N):
  // every remaining cost-sharing line is marked in network (EB12=Y).
  const hmoBody = readFileSync(fixture('sandbox/responses/sandbox-hmo-referral.271'), 'utf8').replace(/EB\*I\*IND[^~]*~\s*MSG\*NO OUT[^~]*~\s*/, '');
  t.notMatch(hmoBody, /EB\*I\*/, 'the explicit out-of-network exclusion is gone');
  const hmo = normalizePayerDocument(hmoBody, 'x12-271').coverages[0]!;
  t.equal(hmo.plan.type, 'HMO');
  const deps = offlineDeps();
  const plan = { levelOfCare: 'iop-mental-health' as const, startDate: '2026-12-07', daysPerWeek: 3, hoursPerDay: 3, weeks: 4 };
  const selfPay = await estimateCost(deps, { payerId: 'sandbox-hmo', networkStatus: 'out', plan, coverage: structuredClone(hmo) });
  const assumptionIds = selfPay.estimate.assumptions.map((a) => a.id);
  t.ok(assumptionIds.includes('no-out-of-network-benefits'), 'the estimate says the plan has no out-of-network benefits');
  t.equal(selfPay.estimate.expected.totals.patientTotalCents, selfPay.estimate.high.totals.patientTotalCents, 'expected is the self-pay price');
  t.ok(selfPay.estimate.expected.totals.patientTotalCents > 0);
  t.equal(selfPay.estimate.low.totals.patientTotalCents, selfPay.estimate.expected.totals.patientTotalCents, 'no range: the plan pays nothing out of network');

  const ppo = structuredClone(hmo);
  ppo.plan.type = 'PPO';
  const unknown = await estimateCost(deps, { payerId: 'sandbox-hmo', networkStatus: 'out', plan, coverage: ppo });
  t.notOk(unknown.estimate.assumptions.some((a) => a.id === 'no-out-of-network-benefits'), 'a PPO that sent no out-of-network lines is not assumed to have none');
  t.ok(unknown.estimate.low.totals.patientTotalCents < unknown.estimate.high.totals.patientTotalCents, 'the PPO gets a range: its out-of-network terms are unknown');

  const inNetwork = await estimateCost(deps, { payerId: 'sandbox-hmo', networkStatus: 'in', plan, coverage: structuredClone(hmo) });
  t.notOk(inNetwork.estimate.assumptions.some((a) => a.id === 'no-out-of-network-benefits'), 'in network the HMO terms apply as before');
});

t.test("the payer's plan dates set the plan year: a July plan year resets the deductible on 1 July, and says where that came from", async (t) => {
  const body = readFileSync(fixture('sandbox/responses/sandbox-ppo-active.271'), 'utf8')
    .replace('DTP*346*D8*20260101', 'DTP*346*D8*20250701')
    .replace('DTP*291*RD8*20260101-20261231', 'DTP*291*RD8*20250701-20260630');
  const coverage = normalizePayerDocument(body, 'x12-271').coverages[0]!;
  const deps = offlineDeps();
  const plan = { levelOfCare: 'iop-mental-health' as const, startDate: '2026-06-01', daysPerWeek: 3, hoursPerDay: 3, weeks: 8 };
  const request = { payerId: 'sandbox-ppo', networkStatus: 'in' as const, asOf: '2026-05-20', plan };
  const fromPayer = await estimateCost(deps, { ...request, coverage: structuredClone(coverage) });
  const resets = fromPayer.estimate.expected.milestones.filter((m) => m.kind === 'plan-year-reset').map((m) => m.date);
  t.same(resets, ['2026-07-01'], 'the deductible and out-of-pocket totals reset on the first program day of the new plan year');
  const assumption = fromPayer.estimate.assumptions.find((a) => a.id === 'plan-year-from-payer');
  t.match(assumption?.text, /1 July, from the payer's plan dates \(2025-07-01 to 2026-06-30\)/);
  t.notOk(fromPayer.estimate.assumptions.some((a) => a.id === 'plan-year-calendar'), 'no calendar-year guess');

  const callerSays = await estimateCost(deps, { ...request, coverage: structuredClone(coverage), planYear: { startMonth: 1, startDay: 1 } });
  t.same(callerSays.estimate.expected.milestones.filter((m) => m.kind === 'plan-year-reset'), [], "the caller's plan year wins: no reset inside June-July");
  t.notOk(callerSays.estimate.assumptions.some((a) => a.id === 'plan-year-from-payer'));
  t.ok(fromPayer.estimate.expected.totals.patientTotalCents > callerSays.estimate.expected.totals.patientTotalCents, 'a new deductible in July costs the patient more');
});

t.test('a program that runs past the eligibility end the payer sent says so, counts the days, and lowers confidence', async (t) => {
  const body = readFileSync(fixture('sandbox/responses/sandbox-ppo-active.271'), 'utf8').replace('DTP*291*RD8*20260101-20261231~', 'DTP*291*RD8*20260101-20261231~DTP*357*D8*20261208~');
  const coverage = normalizePayerDocument(body, 'x12-271').coverages[0]!;
  t.equal(coverage.plan.dates.eligibilityEnd, '2026-12-08');
  const deps = offlineDeps();
  // Mon/Wed/Fri from Monday 2026-11-30 for two weeks: 9 and 11 December fall after the 8th.
  const plan = { levelOfCare: 'iop-mental-health' as const, startDate: '2026-11-30', daysPerWeek: 3, hoursPerDay: 3, weeks: 2 };
  const ending = await estimateCost(deps, { payerId: 'sandbox-ppo', networkStatus: 'in', asOf: '2026-11-26', plan, coverage });
  const notice = ending.estimate.notices.find((n) => n.includes('confirmed coverage only through 2026-12-08'));
  t.ok(notice, 'a notice names the date');
  t.match(notice, /2 program days fall after it/);
  t.not(ending.estimate.confidence.level, 'high');

  const shorter = await estimateCost(deps, { payerId: 'sandbox-ppo', networkStatus: 'in', asOf: '2026-11-26', plan: { ...plan, weeks: 1 }, coverage });
  t.notOk(shorter.estimate.notices.some((n) => n.includes('confirmed coverage only')), 'no notice when the program ends before the eligibility end');
});

t.test('a Medicaid spend-down in the payer answer is named in the estimate, which says it does not price it', async (t) => {
  const body = readFileSync(fixture('sandbox/responses/sandbox-ppo-active.271'), 'utf8').replace('DTP*291*RD8*20260101-20261231~', 'DTP*291*RD8*20260101-20261231~EB*Y*IND*30*MC**29*120~');
  const coverage = normalizePayerDocument(body, 'x12-271').coverages[0]!;
  t.ok(coverage.benefits.some((b) => b.kind === 'spend-down' && b.amountCents === 12_000 && b.timePeriod === 'remaining'), 'EB01 Y is read as a spend-down');
  const plan = { levelOfCare: 'iop-mental-health' as const, startDate: '2026-11-30', daysPerWeek: 3, hoursPerDay: 3, weeks: 2 };
  const result = await estimateCost(offlineDeps(), { payerId: 'sandbox-ppo', networkStatus: 'in', asOf: '2026-11-26', plan, coverage });
  t.ok(result.estimate.notices.some((n) => n.startsWith('Medicaid spend-down: you must pay $120.00 (left to meet)') && n.includes('does not include it')), 'a notice names the amount and says it is not priced');
  t.not(result.estimate.confidence.level, 'high', 'confidence drops');
  t.ok(result.estimate.confidence.reasons.some((r) => r.includes('spend-down')));
});

t.test("an unknown network is settled by the payer's note about this provider, and the estimate says so", async (t) => {
  const body = readFileSync(fixture('sandbox/responses/sandbox-ppo-active.271'), 'utf8').replace(/(EB\*A\*IND\*[^~]*~)/, '$1MSG*PROVIDER IS OUT OF NETWORK~');
  const coverage = normalizePayerDocument(body, 'x12-271').coverages[0]!;
  t.ok(coverage.benefits.some((b) => b.notes.includes('PROVIDER IS OUT OF NETWORK')));
  const plan = { levelOfCare: 'iop-mental-health' as const, startDate: '2026-11-30', daysPerWeek: 3, hoursPerDay: 3, weeks: 2 };
  const unknown = await estimateCost(offlineDeps(), { payerId: 'sandbox-ppo', networkStatus: 'unknown', asOf: '2026-11-26', plan, coverage: structuredClone(coverage) });
  t.equal(unknown.estimate.expected.network, 'out', 'priced out of network, as the payer said');
  t.ok(unknown.estimate.notices[0]?.startsWith('Priced out of network: the network status was not given'));
  const given = await estimateCost(offlineDeps(), { payerId: 'sandbox-ppo', networkStatus: 'in', asOf: '2026-11-26', plan, coverage: structuredClone(coverage) });
  t.equal(given.estimate.expected.network, 'in', "the caller's network status wins");
  t.notOk(given.estimate.notices.some((n) => n.startsWith('Priced out of network')));
});

t.test('a Qualified Medicare Beneficiary is estimated at $0 for covered days, with a notice saying why', async (t) => {
  const body = readFileSync(fixture('sandbox/responses/sandbox-ppo-active.271'), 'utf8').replace('DTP*291*RD8*20260101-20261231~', 'DTP*291*RD8*20260101-20261231~EB*R**30*QM~');
  const coverage = normalizePayerDocument(body, 'x12-271').coverages[0]!;
  const plan = { levelOfCare: 'iop-mental-health' as const, startDate: '2026-11-30', daysPerWeek: 3, hoursPerDay: 3, weeks: 2 };
  const result = await estimateCost(offlineDeps(), { payerId: 'sandbox-ppo', networkStatus: 'in', asOf: '2026-11-26', plan, coverage });
  t.equal(result.estimate.expected.totals.patientTotalCents, 0, 'nothing for the patient to pay');
  t.ok(result.estimate.expected.totals.planPaysCents > 0, 'the plan still pays its share');
  t.ok(result.estimate.notices.some((n) => n.startsWith('You are a Qualified Medicare Beneficiary (QMB)')));
  t.ok(result.estimate.expected.lines.every((l) => l.cites.some((c) => c.includes('waived, Qualified Medicare Beneficiary from benefit eb-'))), 'each line cites the QMB line');
});

t.test("an estimate without an as-of date is dated the clinic's day, not the server's UTC one", async (t) => {
  const evening = new Date('2026-11-28T05:00:00Z'); // 9 pm on 27 November in California
  const deps = { ...offlineDeps(), clock: { now: () => evening, today: () => '2026-11-27' } };
  const result = await estimateCost(deps, {
    payerId: 'sandbox-ppo',
    networkStatus: 'in',
    plan: { levelOfCare: 'iop-mental-health', startDate: '2026-12-07', daysPerWeek: 3, hoursPerDay: 3, weeks: 2 },
    terms: { planType: 'PPO', in: { coinsurancePpm: 200_000, deductible: { individual: { remainingCents: 0 } } } },
  });
  t.equal(result.estimate.asOf, '2026-11-27');
});

t.test("a payer silent on prior authorization: the notice says what this payer's rules say, never 'ask' beside a plan that says required", async (t) => {
  const plan = { levelOfCare: 'iop-mental-health' as const, startDate: '2026-12-07', daysPerWeek: 3, hoursPerDay: 3, weeks: 2 };
  const terms = { planType: 'HMO' as const, in: { coinsurancePpm: 200_000, deductible: { individual: { remainingCents: 0 } } } };
  const ruled = await estimateCost(offlineDeps(), { payerId: 'sandbox-hmo', networkStatus: 'in', asOf: '2026-11-26', plan, terms });
  t.equal(ruled.priorAuth.authorization.required, 'required');
  t.notOk(ruled.estimate.notices.some((n) => n.includes('ask before the first day')), 'no "ask" beside "required"');
  t.ok(ruled.estimate.notices.some((n) => n.startsWith("The payer's answer did not say whether prior authorization is required, but this payer's rules say it is")));
});

t.test("an eligibility check asking another payer than the estimate's is refused, naming the field; an alias of the same payer is fine", async (t) => {
  const body = readFileSync(fixture('sandbox/responses/sandbox-ppo-active.271'), 'utf8');
  const directory: Record<string, string> = { 'sandbox-ppo': 'sandbox-ppo', SBXPPO: 'sandbox-ppo', 'sandbox-hmo': 'sandbox-hmo' };
  const deps = livePayerDeps(body, { findPayer: (id) => (directory[id] === undefined ? undefined : { id: directory[id] }) });
  const plan = { levelOfCare: 'iop-mental-health' as const, startDate: '2026-12-07', daysPerWeek: 3, hoursPerDay: 3, weeks: 2 };
  const eligibility = { payerId: 'sandbox-ppo', provider: { npi: '1234567893' }, subscriber: { memberId: 'ZZZ000000001' }, dateOfService: '2026-12-07' };
  const mismatch = await estimateCost(deps, { payerId: 'sandbox-hmo', networkStatus: 'in', plan, eligibility }).catch((e: unknown) => e);
  t.match(mismatch, { code: 'estimate.invalid', errors: [{ pointer: '/eligibility/payerId' }] }, 'HMO rates are never put on PPO benefits');
  const alias = await estimateCost(deps, { payerId: 'SBXPPO', networkStatus: 'in', plan, eligibility });
  t.ok(alias.estimate.expected.totals.patientTotalCents > 0, "the payer's alias prices the same payer");
});

t.test('typed-in terms that cannot be true are refused with every failing field, not priced', async (t) => {
  const plan = { levelOfCare: 'iop-mental-health' as const, startDate: '2026-12-07', daysPerWeek: 3, hoursPerDay: 3, weeks: 2 };
  const error = await estimateCost(offlineDeps(), {
    payerId: 'sandbox-ppo', networkStatus: 'in', plan,
    terms: {
      in: { coinsurancePpm: 20, deductible: { individual: { totalCents: 30_000, remainingCents: 150_000 } }, outOfPocket: { individual: { totalCents: 600_000, metCents: 100_000, remainingCents: 400_000 } } },
      out: { coinsurancePpm: 400_000, limit: { total: 20, remaining: 30, unit: 'day', period: 'calendar-year' } },
    },
  }).catch((e: unknown) => e);
  t.match(error, { code: 'estimate.invalid' });
  t.same((error as { errors: { pointer: string }[] }).errors.map((e) => e.pointer), [
    '/terms/in/deductible/individual/remainingCents',
    '/terms/in/outOfPocket/individual/metCents',
    '/terms/in/coinsurancePpm',
    '/terms/out/limit/remaining',
  ]);
  t.match((error as Error).message, /20% is 200000/);
  const fine = await estimateCost(offlineDeps(), {
    payerId: 'sandbox-ppo', networkStatus: 'in', plan,
    terms: { in: { coinsurancePpm: 200_000, deductible: { individual: { totalCents: 150_000, metCents: 120_000, remainingCents: 30_000 } } } },
  });
  t.ok(fine.estimate.expected.totals.patientTotalCents > 0, 'consistent terms are priced');
});

t.test('a program the plan does not cover out of network is self-pay: the summary says out of network, and no prior-authorization warning or days at risk', async (t) => {
  const hmo = normalizePayerDocument(readFileSync(fixture('sandbox/responses/sandbox-hmo-referral.271'), 'utf8'), 'x12-271').coverages[0]!;
  const plan = { levelOfCare: 'iop-mental-health' as const, startDate: '2026-12-07', daysPerWeek: 3, hoursPerDay: 3, weeks: 4 };
  const out = await estimateCost(offlineDeps(), { payerId: 'sandbox-hmo', networkStatus: 'out', asOf: '2026-11-26', plan, coverage: hmo });
  t.equal(out.estimate.expected.coverage, 'level-not-covered');
  t.match(out.estimate.summary, /does not cover this level of care out of network, so this is the clinic's self-pay price/);
  t.notOk(out.estimate.notices.some((n) => /prior authorization/.test(n)), 'no payer approval to ask for on a self-pay program');
  t.equal(out.estimate.expected.atRiskLines, 0);
  t.ok(out.estimate.expected.lines.every((l) => !l.atRisk));
});

t.test('assumptions that speak of scenarios or codes also say it in a patient\'s words', async (t) => {
  const plan = { levelOfCare: 'iop-mental-health' as const, startDate: '2026-12-07', daysPerWeek: 3, hoursPerDay: 3, weeks: 8 };
  const result = await estimateCost(offlineDeps(), {
    payerId: 'sandbox-ppo', networkStatus: 'unknown', asOf: '2026-11-26', plan,
    terms: { planType: 'PPO', in: { deductible: { individual: { totalCents: 150_000 } } } },
  });
  const mechanics = /\b(low|expected|high)\b (and|assumes|prices)|service type|scenario|facts \d/;
  const technical = result.estimate.assumptions.filter((a) => mechanics.test(a.text));
  t.ok(technical.length >= 3, `several assumptions here speak of scenarios (${technical.map((a) => a.id).join(', ')})`);
  for (const a of technical) {
    t.ok(a.patientText, `${a.id} has patient wording`);
    t.notMatch(a.patientText ?? '', mechanics, `${a.id}: no scenario or code jargon for the patient`);
  }
});

t.test('a $0 deductible has nothing left to meet: no assumption about how much of it is paid', async (t) => {
  const plan = { levelOfCare: 'iop-mental-health' as const, startDate: '2026-12-07', daysPerWeek: 3, hoursPerDay: 3, weeks: 2 };
  const result = await estimateCost(offlineDeps(), {
    payerId: 'sandbox-hmo', networkStatus: 'in', asOf: '2026-11-26', plan,
    terms: { planType: 'HMO', in: { copay: { amountCents: 4_000, per: 'day' }, deductibleAppliesToCopay: true, deductible: { individual: { totalCents: 0 } }, outOfPocket: { individual: { totalCents: 400_000, remainingCents: 365_000 } } } },
  });
  t.notOk(result.estimate.assumptions.some((a) => a.id.startsWith('deductible-')), 'no "not how much is left" for a $0 deductible');
  t.equal(result.estimate.range.lowCents, result.estimate.range.highCents, 'and no range from it');
  t.equal(result.estimate.expected.totals.deductibleCents, 0);
  t.equal(result.estimate.expected.totals.copayCents, 6 * 4_000);
});

t.test('a payer answer that rejected the member is never priced as covered; one that settles nothing is priced with a notice', async (t) => {
  const plan = { levelOfCare: 'iop-mental-health' as const, startDate: '2026-12-07', daysPerWeek: 3, hoursPerDay: 3, weeks: 2 };
  for (const file of ['sandbox/responses/sandbox-ppo-invalid-member-id.271', 'sandbox/responses/sandbox-ppo-subscriber-not-found.271', 'sandbox/responses/sandbox-fhir-subscriber-not-found.json', 'sandbox/responses/sandbox-clearinghouse-subscriber-not-found.json']) {
    const coverage = normalizePayerDocument(readFileSync(fixture(file), 'utf8')).coverages[0]!;
    const refused = await estimateCost(offlineDeps(), { payerId: 'sandbox-ppo', networkStatus: 'in', asOf: '2026-11-26', plan, coverage }).catch((e: unknown) => e);
    t.match(refused, { code: 'estimate.invalid', errors: [{ pointer: '/coverage/payerErrors/0' }] }, `${file}: refused`);
    t.notMatch((refused as Error).message, /SBX|SANDBOX|ZZZ/, 'the reason names no member');
  }
  const active = normalizePayerDocument(readFileSync(fixture('sandbox/responses/sandbox-ppo-active.271'), 'utf8')).coverages[0]!;
  const unsettled = { ...active, eligibility: { status: 'undetermined' as const, reason: 'no eligibility line' }, benefits: active.benefits.filter((b) => b.kind !== 'active-coverage') };
  const priced = await estimateCost(offlineDeps(), { payerId: 'sandbox-ppo', networkStatus: 'in', asOf: '2026-11-26', plan, coverage: unsettled });
  t.match(priced.estimate.notices[0], /does not say whether this coverage is active; the estimate prices it as if it were/);
});

t.test('a behavioral-health carve-out leads the estimate\'s notices: the price may be the wrong plan\'s', async (t) => {
  const plan = { levelOfCare: 'iop-mental-health' as const, startDate: '2026-12-07', daysPerWeek: 3, hoursPerDay: 3, weeks: 2 };
  const carved = normalizePayerDocument(readFileSync(fixture('sandbox/responses/sandbox-ppo-bh-carve-out.271'), 'utf8')).coverages[0]!;
  const result = await estimateCost(offlineDeps(), { payerId: 'sandbox-ppo', networkStatus: 'in', asOf: '2026-11-26', plan, coverage: carved });
  t.match(result.estimate.notices[0], /administered by .*phone 800-555-0104.*This estimate uses this payer's terms, which may not apply/);
  const plain = normalizePayerDocument(readFileSync(fixture('sandbox/responses/sandbox-ppo-active.271'), 'utf8')).coverages[0]!;
  const none = await estimateCost(offlineDeps(), { payerId: 'sandbox-ppo', networkStatus: 'in', asOf: '2026-11-26', plan, coverage: plain });
  t.notOk(none.estimate.notices.some((n) => /administered by/.test(n)));
});
