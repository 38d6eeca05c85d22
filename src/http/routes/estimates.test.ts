import t from 'tap';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildTestApp } from '../../../test/support/build-test-app.js';
import { PACKAGE_ROOT } from '../../server.js';

const plan = { levelOfCare: 'iop-mental-health', startDate: '2026-03-02', daysPerWeek: 3, hoursPerDay: 3, weeks: 12 };
const ppoTerms = {
  planType: 'PPO',
  in: {
    deductible: { individual: { totalCents: 150_000, remainingCents: 30_000 } },
    outOfPocket: { individual: { totalCents: 600_000, remainingCents: 480_000 } },
    coinsurancePpm: 200_000,
  },
};

t.test('POST /v1/estimates prices a whole program with its arithmetic shown', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());

  const res = await app.inject({ method: 'POST', url: '/v1/estimates', payload: { payerId: 'sandbox-ppo', networkStatus: 'in', plan, terms: ppoTerms, asOf: '2026-02-20' } });
  t.equal(res.statusCode, 200);
  const { estimate, paymentPlans, priorAuth } = res.json();
  t.equal(estimate.schedule.programDays, 36, '12 weeks x 3 days');
  const lines = estimate.expected.lines;
  t.equal(lines[0].deductibleCents, Math.min(30_000, lines[0].allowedCents), 'day 1 goes to the $300 deductible first');
  const sum = lines.reduce((n: number, l: { patientPaysCents: number }) => n + l.patientPaysCents, 0);
  t.equal(estimate.expected.totals.patientPaysCents, sum, 'the total is the sum of the lines');
  for (const l of lines) t.equal(l.patientPaysCents + l.planPaysCents, l.allowedCents, `${l.date}: patient + plan = allowed`);
  t.ok(lines[1].cites.some((c: string) => /coinsurance: 20%/.test(c)), 'lines cite the coinsurance they used');
  t.equal(estimate.confidence.level, 'high', 'every term was known');
  t.match(estimate.summary, /^You will likely pay about \$[\d,]+ over 12 weeks/);
  t.same(paymentPlans.map((p: { months: number }) => p.months), [3, 6, 12]);
  for (const p of paymentPlans) t.equal(p.payments.reduce((a: number, b: number) => a + b, 0), estimate.expected.totals.patientTotalCents);
  t.equal(priorAuth.authorization.required, 'required', 'the sandbox PPO rules require authorization for IOP');
});

t.test('typed-in terms without out-of-network terms: out of network is priced at the self-pay rate', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());

  const res = await app.inject({ method: 'POST', url: '/v1/estimates', payload: { payerId: 'sandbox-ppo', networkStatus: 'out', plan, terms: ppoTerms, asOf: '2026-02-20' } });
  t.equal(res.statusCode, 200);
  const { estimate } = res.json();
  t.equal(estimate.expected.coverage, 'no-out-of-network-benefits');
  // 36 days at the sandbox's $300 self-pay rate, with no balance bill on top.
  t.equal(estimate.expected.totals.patientTotalCents, 1_080_000);
  t.equal(estimate.expected.totals.balanceBillCents, 0);
  t.ok(estimate.assumptions.some((a: { id: string }) => a.id === 'no-out-of-network-benefits'));
});

t.test('an estimate can fetch coverage live and apply a sliding-scale discount', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());
  const res = await app.inject({
    method: 'POST',
    url: '/v1/estimates',
    payload: {
      payerId: 'sandbox-ppo',
      networkStatus: 'in',
      plan: { ...plan, startDate: '2026-12-07', weeks: 4 },
      eligibility: { payerId: 'sandbox-ppo', provider: { npi: '1234567893' }, subscriber: { memberId: 'SBX-PPO-0001', dateOfBirth: '1985-01-01' }, dateOfService: '2026-12-07' },
      authorization: { units: 5, unit: 'day' },
      slidingScale: { householdSize: 3, annualIncomeCents: 3_000_000, region: 'contiguous', dateOfService: '2026-12-07' },
    },
  });
  t.equal(res.statusCode, 200);
  const body = res.json();
  t.equal(body.coverageSource.payerId, 'sandbox-ppo');
  t.equal(body.coverageSource.format, 'x12-271');
  t.ok(body.estimate.expected.lines.slice(5).every((l: { atRisk: boolean }) => l.atRisk), 'days past the 5 authorized are at risk');
  t.ok(body.slidingScale, 'the sliding-scale evaluation is shown');
  t.equal(body.slidingScale.beforeCents - body.slidingScale.afterCents, body.slidingScale.discountCents);
  t.equal(body.slidingScale.discountCents, 0, 'covered insurance cost sharing is not discounted under this schedule');
});

t.test('an estimate whose payer answered only for today says so, and asks for a check on the first day', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());
  const start = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
  const member = { payerId: 'sandbox-ppo', provider: { npi: '1234567893' }, subscriber: { memberId: 'SBX-PPO-0005', dateOfBirth: '1992-04-18' }, dateOfService: start };
  const single = await app.inject({
    method: 'POST',
    url: '/v1/estimates',
    payload: { payerId: 'sandbox-ppo', networkStatus: 'in', plan: { ...plan, startDate: start, weeks: 4 }, eligibility: member },
  });
  t.equal(single.statusCode, 200, single.body);
  const asked = single.json().coverageSource.dateOfServiceAsked;
  t.ok(asked < start, 'the payer answered for an earlier date');
  t.ok(single.json().estimate.notices.some((n: string) => n.includes(`coverage was checked for ${asked}, not for the first day of the program (${start})`)));
  const compared = await app.inject({
    method: 'POST',
    url: '/v1/estimates/compare',
    payload: { payerId: 'sandbox-ppo', networkStatus: 'in', startDate: start, levels: [{ levelOfCare: 'iop-mental-health' }, { levelOfCare: 'partial-hospitalization' }], eligibility: member },
  });
  t.equal(compared.statusCode, 200, compared.body);
  for (const row of compared.json().rows) t.ok(row.estimate.notices.some((n: string) => n.includes('does not answer for future dates')), `${row.levelOfCare}: said too`);
});

t.test('the coverage model from /v1/coverage/normalize can be sent inline', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());
  const x12 = readFileSync(path.join(PACKAGE_ROOT, 'fixtures/examples/normalize-x12-271.edi'), 'utf8');
  const normalized = await app.inject({ method: 'POST', url: '/v1/coverage/normalize', payload: { document: x12 } });
  const coverage = normalized.json().coverages[0];
  const res = await app.inject({ method: 'POST', url: '/v1/estimates', payload: { payerId: 'sandbox-ppo', networkStatus: 'unknown', plan, coverage, asOf: '2026-02-20' } });
  t.equal(res.statusCode, 200);
  const { estimate } = res.json();
  t.ok(estimate.range.highCents > estimate.range.lowCents, 'unknown network gives a range');
  t.equal(estimate.high.network, 'out');
  t.ok(estimate.high.totals.balanceBillCents > 0, 'the high end includes the out-of-network balance bill');
});

t.test('impossible plans and ambiguous coverage are clear errors', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());
  const impossible = await app.inject({
    method: 'POST',
    url: '/v1/estimates',
    payload: { payerId: 'sandbox-ppo', networkStatus: 'in', plan: { ...plan, endDate: '2026-01-01', weeks: undefined }, terms: ppoTerms },
  });
  t.equal(impossible.statusCode, 422);
  t.match(impossible.json(), { code: 'plan.invalid' });
  t.match(impossible.json().errors[0].pointer, /^\/plan\//);
  const both = await app.inject({
    method: 'POST',
    url: '/v1/estimates',
    payload: { payerId: 'sandbox-ppo', networkStatus: 'in', plan, terms: ppoTerms, coverage: { format: 'manual' } },
  });
  t.equal(both.statusCode, 400, 'an incomplete coverage model fails validation');
  const neither = await app.inject({ method: 'POST', url: '/v1/estimates', payload: { payerId: 'sandbox-ppo', networkStatus: 'in', plan } });
  t.equal(neither.statusCode, 422);
  t.match(neither.json(), { code: 'estimate.invalid' });
  const inactive = await app.inject({
    method: 'POST',
    url: '/v1/estimates',
    payload: {
      payerId: 'sandbox-ppo',
      networkStatus: 'in',
      plan,
      eligibility: { payerId: 'sandbox-ppo', provider: { npi: '1234567893' }, subscriber: { memberId: 'SBX-PPO-0003', dateOfBirth: '1990-02-20' }, dateOfService: '2026-03-02' },
    },
  });
  t.equal(inactive.statusCode, 422);
  t.match(inactive.json().detail, /inactive/);
  const coinsurance = await app.inject({
    method: 'POST',
    url: '/v1/estimates',
    payload: { payerId: 'sandbox-ppo', networkStatus: 'in', plan, terms: { in: { coinsurancePpm: 1.5 } } },
  });
  t.equal(coinsurance.statusCode, 400, 'money and rates must be integers');
  t.equal(coinsurance.json().errors[0].pointer, '/terms/in/coinsurancePpm');
});

t.test('POST /v1/estimates/compare puts levels of care side by side', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());
  const res = await app.inject({
    method: 'POST',
    url: '/v1/estimates/compare',
    payload: {
      payerId: 'sandbox-ppo',
      startDate: '2026-03-02',
      networkStatus: 'in',
      levels: [{ levelOfCare: 'iop-mental-health' }, { levelOfCare: 'partial-hospitalization' }, { levelOfCare: 'outpatient-therapy' }],
      terms: ppoTerms,
      asOf: '2026-02-20',
    },
  });
  t.equal(res.statusCode, 200);
  const rows = res.json().rows;
  t.same(rows.map((r: { levelOfCare: string }) => r.levelOfCare), ['iop-mental-health', 'partial-hospitalization', 'outpatient-therapy']);
  const php = rows[1];
  const iop = rows[0];
  t.ok(php.schedule.hoursPerWeek >= 20, 'partial hospitalization runs at least 20 hours a week');
  t.ok(php.expectedCents >= iop.expectedCents, 'more intensive care does not cost the patient less here');
  for (const row of rows) t.equal(row.weeklyExpectedCents.length, row.schedule.weeks);
});

t.test('program days before an authorization decision is due are flagged at risk on the estimate', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());
  // The sandbox PPO rules require authorization for IOP; a program starting tomorrow cannot be approved in time.
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const res = await app.inject({
    method: 'POST',
    url: '/v1/estimates',
    payload: { payerId: 'sandbox-ppo', networkStatus: 'in', plan: { ...plan, startDate: tomorrow, weeks: 4 }, terms: ppoTerms },
  });
  t.equal(res.statusCode, 200);
  const { estimate, priorAuth } = res.json();
  const atRiskDays: string[] = priorAuth.timeline.daysAtRiskWithoutApproval;
  t.ok(atRiskDays.length > 0, 'some days are at risk');
  const flagged = estimate.expected.lines.filter((l: { atRisk: boolean }) => l.atRisk).map((l: { date: string }) => l.date);
  t.same([...new Set(flagged)], atRiskDays, 'exactly those days are flagged on the lines');
  t.equal(estimate.expected.atRiskLines, flagged.length);
  t.ok(estimate.expected.lines[0].cites.some((c: string) => /prior authorization/.test(c)), 'the line says why');
});

t.test('a self-pay patient at or below the poverty guideline pays the $15 nominal fee once per program day, even on days with an intake or therapy session', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());
  const res = await app.inject({
    method: 'POST',
    url: '/v1/estimates',
    payload: {
      payerId: 'sandbox-ppo',
      networkStatus: 'in',
      plan: { ...plan, weeks: 2, extraSessions: [{ code: '90791', when: 'first-day' }, { code: '90837', when: 'weekly' }] },
      terms: { in: { notCovered: true } },
      asOf: '2026-02-20',
      // $10,000 for a household of 1: 62.7% of the 2026 guideline ($15,960) -> tier A, $15 a day.
      slidingScale: { householdSize: 1, annualIncomeCents: 1_000_000, region: 'contiguous', dateOfService: '2026-03-02' },
    },
  });
  t.equal(res.statusCode, 200);
  const { slidingScale, paymentPlans, estimate } = res.json();
  // Self-pay: 6 program days x $300 + intake $200 + 2 therapy sessions x $150 = $2,300.
  t.equal(slidingScale.beforeCents, 230_000);
  // 6 days of service (Mon/Wed/Fri for 2 weeks) x $15 = $90, not 9 lines x $15 = $135.
  t.equal(slidingScale.afterCents, 9_000);
  t.same(paymentPlans.map((p: { payments: number[] }) => p.payments.reduce((a, b) => a + b, 0)), [9_000, 9_000, 9_000]);
  // The summary a patient reads first names the amount they will be asked for, not only the $2,300.
  t.match(estimate.summary, /With your sliding-scale discount, the expected amount is \$90\.00 \(\$2,210\.00 off\)\.$/);
});

t.test('a comparison with a live check answers an unknown payer with the documented 404 problem', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());
  const res = await app.inject({
    method: 'POST',
    url: '/v1/estimates/compare',
    payload: {
      payerId: 'no-such-payer',
      startDate: '2026-03-02',
      networkStatus: 'in',
      levels: [{ levelOfCare: 'iop-mental-health' }, { levelOfCare: 'partial-hospitalization' }],
      eligibility: { payerId: 'no-such-payer', provider: { npi: '1234567893' }, subscriber: { memberId: 'ZZZ000000001' }, dateOfService: '2026-03-02' },
    },
  });
  t.equal(res.statusCode, 404);
  t.match(res.headers['content-type'], /application\/problem\+json/);
  const contract = readFileSync(path.join(PACKAGE_ROOT, 'openapi.yaml'), 'utf8');
  const compare = contract.slice(contract.indexOf('operationId: compareEstimates'), contract.indexOf('/v1/intake/checklist:'));
  for (const status of ['404', '502', '503', '504']) t.match(compare, `'${status}':`, `the contract documents ${status} for comparisons with a live check`);
});

t.test('an estimate with a live check honours Cache-Control: no-cache, as the check does', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());
  const payload = {
    payerId: 'sandbox-ppo', networkStatus: 'in', plan,
    eligibility: { payerId: 'sandbox-ppo', provider: { npi: '1234567893' }, subscriber: { memberId: 'SBX-PPO-0001', dateOfBirth: '1985-01-01' }, dateOfService: '2026-03-02' },
  };
  const first = await app.inject({ method: 'POST', url: '/v1/estimates', payload });
  t.equal(first.json().coverageSource.cache, 'miss');
  t.equal((await app.inject({ method: 'POST', url: '/v1/estimates', payload })).json().coverageSource.cache, 'hit');
  t.equal((await app.inject({ method: 'POST', url: '/v1/estimates', headers: { 'cache-control': 'no-cache' }, payload })).json().coverageSource.cache, 'bypass');
});

t.test("a comparison's errors point at the request's own fields: /terms and /planYear at the top, each level's plan under /levels/N", async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());
  const base = { payerId: 'sandbox-ppo', startDate: '2026-03-02', networkStatus: 'in', levels: [{ levelOfCare: 'iop-mental-health' }, { levelOfCare: 'partial-hospitalization' }], asOf: '2026-02-20' };
  const outOnly = await app.inject({ method: 'POST', url: '/v1/estimates/compare', payload: { ...base, terms: { out: { coinsurancePpm: 400_000 } } } });
  t.same(outOnly.json().errors?.map((e: { pointer: string }) => e.pointer), ['/terms/in']);
  const badYear = await app.inject({ method: 'POST', url: '/v1/estimates/compare', payload: { ...base, terms: ppoTerms, planYear: { startMonth: 2, startDay: 30 } } });
  t.same(badYear.json().errors?.map((e: { pointer: string }) => e.pointer), ['/planYear/startDay']);
  const badPlan = await app.inject({ method: 'POST', url: '/v1/estimates/compare', payload: { ...base, terms: ppoTerms, levels: [{ levelOfCare: 'iop-mental-health' }, { levelOfCare: 'partial-hospitalization', plan: { ...plan, levelOfCare: 'partial-hospitalization', skipDates: ['2026-02-30'] } }] } });
  t.match(badPlan.json().errors?.[0]?.pointer, /^\/levels\/1\/plan\//);
});
