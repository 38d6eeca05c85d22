/**
 * The API as deployed: API keys with scopes, rate limits, the audit trail and metrics, all through
 * the real application built by the composition root.
 */
import t from 'tap';
import { hashApiKey } from '../src/adapters/data-files/api-keys-file.js';
import { buildTestApp } from './support/build-test-app.js';

const KEYS = {
  intake: 'ce_test_intake_4d7c1f0b9a2e8d6c5b4a39281706f5e4',
  billing: 'ce_test_billing_0a1b2c3d4e5f60718293a4b5c6d7e8f9',
  portal: 'ce_test_portal_9f8e7d6c5b4a39281706f5e4d3c2b1a0',
  ops: 'ce_test_ops_1122334455667788990011223344556677',
  expired: 'ce_test_expired_aabbccddeeff00112233445566778899',
};
const API_KEYS = [
  `intake/eligibility:check+estimates:create+payers:read+rules:evaluate/${hashApiKey(KEYS.intake)}`,
  `billing/coverage:normalize+eligibility:check/${hashApiKey(KEYS.billing)}`,
  `portal/patient+estimates:create/${hashApiKey(KEYS.portal)}`,
  `ops/admin/${hashApiKey(KEYS.ops)}`,
  `old-intake/eligibility:check/${hashApiKey(KEYS.expired)}/2020-01-01T00:00:00Z`,
].join(',');

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
const member = { payerId: 'sandbox-ppo', provider: { npi: '1234567893' }, subscriber: { memberId: 'SBX-PPO-0001', lastName: 'SANDBOX', dateOfBirth: '1985-01-01' }, dateOfService: '2026-12-01' };
const estimate = {
  payerId: 'sandbox-ppo',
  networkStatus: 'in',
  plan: { levelOfCare: 'iop-substance-use', startDate: '2026-03-02', daysPerWeek: 3, hoursPerDay: 3, weeks: 2 },
  terms: { in: { deductible: { individual: { remainingCents: 30_000 } }, coinsurancePpm: 200_000, outOfPocket: { individual: { remainingCents: 400_000 } } } },
  asOf: '2026-02-20',
};

t.test('each scope is allowed where it is granted and denied elsewhere', async (t) => {
  const { app } = await buildTestApp({ API_KEYS });
  t.teardown(() => app.close());
  const health = await app.inject({ method: 'GET', url: '/health/ready' });
  t.equal(health.statusCode, 200, 'health is open');
  t.equal((await app.inject({ method: 'GET', url: '/reference' })).statusCode, 200, 'the API reference is open');

  const missing = await app.inject({ method: 'POST', url: '/v1/eligibility', payload: member });
  t.equal(missing.statusCode, 401);
  t.match(missing.json(), { code: 'auth.missing-key' });
  t.match(missing.headers['www-authenticate'], /^Bearer/);

  const unknown = await app.inject({ method: 'POST', url: '/v1/eligibility', headers: bearer('ce_test_unknown_key_0000000000000000000'), payload: member });
  t.equal(unknown.statusCode, 401);
  t.match(unknown.json(), { code: 'auth.invalid-key' });
  const expired = await app.inject({ method: 'POST', url: '/v1/eligibility', headers: bearer(KEYS.expired), payload: member });
  t.equal(expired.statusCode, 401, 'an expired key is refused like an unknown one');
  t.match(expired.json(), { code: 'auth.invalid-key' });

  const allowed = await app.inject({ method: 'POST', url: '/v1/eligibility', headers: bearer(KEYS.intake), payload: member });
  t.equal(allowed.statusCode, 200);
  const viaHeader = await app.inject({ method: 'POST', url: '/v1/eligibility', headers: { 'x-api-key': KEYS.billing }, payload: member });
  t.equal(viaHeader.statusCode, 200, 'x-api-key works too');

  const wrongScope = await app.inject({ method: 'POST', url: '/v1/coverage/normalize', headers: bearer(KEYS.intake), payload: { document: 'ISA' } });
  t.equal(wrongScope.statusCode, 403);
  t.match(wrongScope.json(), { code: 'auth.insufficient-scope' });

  const gfe = await app.inject({ method: 'POST', url: '/v1/good-faith-estimates', headers: bearer(KEYS.intake), payload: {} });
  t.equal(gfe.statusCode, 403, 'intake keys cannot issue Good Faith Estimates');
  const metricsDenied = await app.inject({ method: 'GET', url: '/metrics', headers: bearer(KEYS.intake) });
  t.equal(metricsDenied.statusCode, 403, 'metrics need admin');
});

t.test('a patient-facing key creates estimates but never reads coverage identifiers', async (t) => {
  const { app } = await buildTestApp({ API_KEYS });
  t.teardown(() => app.close());
  const own = await app.inject({ method: 'POST', url: '/v1/estimates', headers: bearer(KEYS.portal), payload: estimate });
  t.equal(own.statusCode, 200);
  t.ok(own.json().estimate.expected.totals.patientTotalCents > 0);
  const coverage = await app.inject({ method: 'POST', url: '/v1/eligibility', headers: bearer(KEYS.portal), payload: member });
  t.equal(coverage.statusCode, 403, 'raw coverage (with member identifiers) is out of reach');
  // An estimate that asks the payer is an eligibility check: without that scope a patient-facing key
  // could test member ids and dates of birth against the payer through it.
  const live = await app.inject({
    method: 'POST',
    url: '/v1/estimates',
    headers: bearer(KEYS.portal),
    payload: { ...estimate, terms: undefined, eligibility: member },
  });
  t.equal(live.statusCode, 403);
  t.match(live.json(), { code: 'auth.insufficient-scope', detail: /eligibility:check/ });
  t.match(live.headers['www-authenticate'], 'error="insufficient_scope", scope="eligibility:check"');
  const compare = await app.inject({
    method: 'POST',
    url: '/v1/estimates/compare',
    headers: bearer(KEYS.portal),
    payload: { payerId: 'sandbox-ppo', startDate: estimate.plan.startDate, networkStatus: 'in', levels: [{ levelOfCare: 'iop-mental-health' }], eligibility: member },
  });
  t.equal(compare.statusCode, 403, 'the comparison too');
  // A portal granted the check scope explicitly runs it, and still sees no member identifiers.
  const portalWithChecks = `ce_test_portal_checks_${'7'.repeat(40)}`;
  const granted = await buildTestApp({ API_KEYS: `portal-checks/patient+estimates:create+eligibility:check/${hashApiKey(portalWithChecks)}` });
  t.teardown(() => granted.app.close());
  const allowed = await granted.app.inject({ method: 'POST', url: '/v1/estimates', headers: bearer(portalWithChecks), payload: { ...estimate, terms: undefined, eligibility: member } });
  t.equal(allowed.statusCode, 200);
  t.notMatch(allowed.body, /SBX-PPO-0001|1985-01-01/, 'no member id or date of birth in the answer');
});

t.test('a key used past its rate limit gets 429 with Retry-After', async (t) => {
  const { app } = await buildTestApp({ API_KEYS, RATE_LIMIT_PER_MINUTE: '3' });
  t.teardown(() => app.close());
  const responses = [];
  for (let i = 0; i < 4; i++) responses.push(await app.inject({ method: 'GET', url: '/v1/payers', headers: bearer(KEYS.intake) }));
  const statuses = responses.map((r) => r.statusCode);
  const last = responses[3];
  if (!last) throw new Error('no response');
  t.same(statuses, [200, 200, 200, 429]);
  t.match(last.json(), { code: 'rate-limit.exceeded', status: 429 });
  t.ok(Number(last.headers['retry-after']) > 0, 'Retry-After says when to come back');
  t.equal(last.headers['x-ratelimit-limit'], '3');
  const other = await app.inject({ method: 'GET', url: '/v1/payers', headers: bearer(KEYS.billing) });
  t.not(other.statusCode, 429, 'limits are per key');
  t.equal((await app.inject({ method: 'GET', url: '/health/live' })).statusCode, 200, 'probes are never limited');
});

t.test('callers without a valid key are limited by address too: a flood of guessed keys meets 429s', async (t) => {
  const { app } = await buildTestApp({ API_KEYS, RATE_LIMIT_PER_MINUTE: '3' });
  t.teardown(() => app.close());
  const guesses = [];
  for (let i = 0; i < 4; i++) guesses.push(await app.inject({ method: 'GET', url: '/v1/payers', headers: bearer(`ce_guess_${i}_${'0'.repeat(40)}`) }));
  t.same(guesses.map((r) => r.statusCode), [401, 401, 401, 429]);
  t.equal(guesses[0]?.headers['x-ratelimit-limit'], '3', 'the limit headers come with the 401s');
  const valid = await app.inject({ method: 'GET', url: '/v1/payers', headers: bearer(KEYS.intake) });
  t.equal(valid.statusCode, 200, "a valid key has its own bucket, not the address's");
});

t.test('every access writes one audit event, with no PHI in the audit or application logs', async (t) => {
  const { app, audit, log } = await buildTestApp({ API_KEYS });
  t.teardown(() => app.close());
  await app.inject({ method: 'POST', url: '/v1/eligibility', headers: bearer(KEYS.intake), payload: member });
  await app.inject({ method: 'POST', url: '/v1/eligibility', headers: bearer(KEYS.intake), payload: member });
  await app.inject({ method: 'POST', url: '/v1/eligibility', headers: bearer(KEYS.intake), payload: { ...member, subscriber: { memberId: 'SBX-PPO-0000' } } });
  await app.inject({ method: 'POST', url: '/v1/estimates', headers: bearer(KEYS.intake), payload: estimate });
  await app.inject({ method: 'POST', url: '/v1/eligibility', payload: member });
  await app.inject({ method: 'GET', url: '/v1/payers', headers: bearer(KEYS.intake) });
  const events = audit.records();
  t.same(
    events.map((e) => [e.event, e.outcome, e.cache ?? null]),
    [
      ['eligibility.check', 'success', 'miss'],
      ['eligibility.check', 'success', 'hit'],
      ['eligibility.check', 'rejected', 'miss'],
      ['estimate.create', 'success', null],
      ['auth.rejected', 'rejected', null],
    ],
    'one event per access to coverage (reading the payer list is not one)',
  );
  t.equal(events[0]!.memberHash, events[1]!.memberHash, 'the same member hashes the same way');
  t.match(events[0]!.memberHash, /^[0-9a-f]{64}$/);
  t.equal(events[2]!.code, 'payer.rejected');
  t.equal(events[3]!.part2, true, 'a substance-use program is marked for 42 CFR Part 2 accounting');
  t.equal(events[0]!.part2, false);
  t.ok(events.every((e) => e.apiKey === 'intake' || e.event === 'auth.rejected'));
  const everything = `${audit.text()}\n${log.text()}`;
  t.notMatch(everything, /SBX-PPO-0001|SBX-PPO-0000|1985-01-01|SANDBOX/, 'no member id, name or date of birth anywhere');
});

t.test('metrics show request, payer and cache figures by pattern, never PHI', async (t) => {
  const { app } = await buildTestApp({ API_KEYS });
  t.teardown(() => app.close());
  await app.inject({ method: 'POST', url: '/v1/eligibility', headers: bearer(KEYS.intake), payload: member });
  await app.inject({ method: 'POST', url: '/v1/eligibility', headers: bearer(KEYS.intake), payload: member });
  await app.inject({ method: 'GET', url: '/v1/payers/SBX-PPO-0001', headers: bearer(KEYS.intake) });
  const scrape = await app.inject({ method: 'GET', url: '/metrics', headers: bearer(KEYS.ops) });
  t.equal(scrape.statusCode, 200);
  t.match(scrape.body, /http_request_duration_seconds_bucket\{[^}]*route="\/v1\/eligibility"/);
  t.match(scrape.body, /route="\/v1\/payers\/:payerId"/, 'the pattern, not the id the caller typed');
  t.match(scrape.body, /payer_call_duration_seconds_count\{payer_id="sandbox-ppo",outcome="success"\} 1/, 'one payer call for two checks');
  t.match(scrape.body, /coverage_cache_lookups_total\{outcome="hit"\} 1/);
  t.notMatch(scrape.body, /SBX-PPO-0001|1985-01-01/);
});

t.test('a caller without a valid key hears 401 first, whatever it asks to receive or sends compressed', async (t) => {
  const { app } = await buildTestApp({ API_KEYS });
  t.teardown(() => app.close());
  const csv = await app.inject({ method: 'POST', url: '/v1/estimates', headers: { accept: 'text/csv' }, payload: estimate });
  t.equal(csv.statusCode, 401, 'not 406');
  t.match(csv.headers['www-authenticate'], /^Bearer/);
  const gzip = await app.inject({ method: 'POST', url: '/v1/estimates', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, payload: Buffer.from([0x1f, 0x8b, 0x08, 0x00]) });
  t.equal(gzip.statusCode, 401, 'not 415');
  t.equal(gzip.headers['x-content-type-options'], 'nosniff', 'with the security headers');
  t.equal(gzip.headers['cache-control'], 'no-store');
  const probe = await app.inject({ method: 'GET', url: '/health/live', headers: { 'content-encoding': 'gzip' } });
  t.equal(probe.statusCode, 200, 'a request without a body is not refused for its Content-Encoding');
  const keyed = await app.inject({ method: 'POST', url: '/v1/estimates', headers: { ...bearer(KEYS.intake), accept: 'text/csv' }, payload: estimate });
  t.equal(keyed.statusCode, 406, 'with a valid key, the 406 stands');
});
