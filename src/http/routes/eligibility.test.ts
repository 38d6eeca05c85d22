import { readFileSync } from 'node:fs';
import t from 'tap';
import { hashApiKey } from '../../adapters/data-files/api-keys-file.js';
import { buildTestApp } from '../../../test/support/build-test-app.js';
import { latestDateEveryUsPayerHasReached } from '../../use-cases/verify-coverage.js';

const provider = { npi: '1234567893' };
const ppo = { payerId: 'sandbox-ppo', provider, subscriber: { memberId: 'SBX-PPO-0001', lastName: 'SANDBOX', dateOfBirth: '1985-01-01' }, dateOfService: '2026-12-01' };

t.test('an intake coordinator checks a sandbox member: first from the payer, then from the cache', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());
  const first = await app.inject({ method: 'POST', url: '/v1/eligibility', payload: { ...ppo, levelOfCare: 'iop-mental-health' } });
  t.equal(first.statusCode, 200);
  const body = first.json();
  t.equal(body.coverage.eligibility.status, 'active');
  t.equal(body.source.cache, 'miss');
  t.equal(body.levelOfCare.inNetwork.deductible.individual.remainingCents.value, 30_000, '$300 of the deductible is left');
  t.equal(body.levelOfCare.inNetwork.coinsurancePpm.value, 200_000, '20% in network');
  t.equal(body.levelOfCare.outOfNetwork.coinsurancePpm.value, 400_000, '40% out of network');
  t.equal(body.levelOfCare.inNetwork.authorizationRequired.value, 'yes', 'prior authorization for IOP is surfaced');
  const second = await app.inject({ method: 'POST', url: '/v1/eligibility', payload: { ...ppo, levelOfCare: 'iop-mental-health' } });
  t.equal(second.json().source.cache, 'hit');
  t.equal(second.json().source.asOf, body.source.asOf, 'the cached answer keeps the time the payer gave it');
  const fresh = await app.inject({ method: 'POST', url: '/v1/eligibility', headers: { 'cache-control': 'no-cache' }, payload: { ...ppo, levelOfCare: 'iop-mental-health' } });
  t.equal(fresh.json().source.cache, 'bypass', 'Cache-Control: no-cache asks the payer again');
});

t.test('a sandbox payer that refuses future dates is asked again about today, and the answer says which date it is for', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());
  const today = latestDateEveryUsPayerHasReached(new Date());
  const nextMonth = new Date(Date.now() + 31 * 86_400_000).toISOString().slice(0, 10);
  const member = { payerId: 'sandbox-ppo', provider, subscriber: { memberId: 'SBX-PPO-0005', lastName: 'SANDBOX', dateOfBirth: '1992-04-18' } };
  const future = await app.inject({ method: 'POST', url: '/v1/eligibility', payload: { ...member, dateOfService: nextMonth, levelOfCare: 'iop-mental-health' } });
  t.equal(future.statusCode, 200, future.body);
  t.equal(future.json().source.dateOfServiceAsked, today);
  t.equal(future.json().levelOfCare.inNetwork.deductible.individual.remainingCents.value, 30_000);
  const now = await app.inject({ method: 'POST', url: '/v1/eligibility', payload: { ...member, dateOfService: today } });
  t.equal(now.statusCode, 200);
  t.equal(now.json().source.dateOfServiceAsked, undefined, 'a date the payer answers for is not flagged');
});

t.test('payer answers that are not coverage reach the caller as clear problems', async (t) => {
  const { app } = await buildTestApp({ SANDBOX_TIMEOUT_MS: '50' });
  t.teardown(() => app.close());

  const invalid = await app.inject({ method: 'POST', url: '/v1/eligibility', payload: { ...ppo, subscriber: { memberId: 'SBX-PPO-0000' } } });
  t.equal(invalid.statusCode, 422);
  t.match(invalid.json(), { code: 'payer.rejected', meta: { aaaCode: '72', payerId: 'sandbox-ppo' } });
  t.match(invalid.json().detail, /member ID/i, 'the detail says what to do');

  const timeout = await app.inject({ method: 'POST', url: '/v1/eligibility', payload: { ...ppo, subscriber: { memberId: 'SBX-PPO-TIMEOUT' } } });
  t.equal(timeout.statusCode, 504);
  t.match(timeout.json(), { code: 'payer.timeout', meta: { retryable: true } });
  t.match(timeout.json().detail, /did not answer within 0\.1 s\. Try again in a few minutes; if it keeps timing out, call the payer's provider line/, 'says what to do, in seconds');

  const unknownPayer = await app.inject({ method: 'POST', url: '/v1/eligibility', payload: { ...ppo, payerId: 'acme-health' } });
  t.equal(unknownPayer.statusCode, 404);
  t.match(unknownPayer.json(), { code: 'payer.not-found' });
});

t.test('inactive plans, HMO referrals and carve-outs are reported with the next action', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());
  const inactive = await app.inject({
    method: 'POST',
    url: '/v1/eligibility',
    payload: { ...ppo, subscriber: { memberId: 'SBX-PPO-0003', dateOfBirth: '1990-02-20' } },
  });
  t.equal(inactive.statusCode, 200);
  t.equal(inactive.json().coverage.eligibility.status, 'inactive');

  const hmo = await app.inject({
    method: 'POST',
    url: '/v1/eligibility',
    payload: { ...ppo, payerId: 'sandbox-hmo', subscriber: { memberId: 'SBX-HMO-0001', dateOfBirth: '1995-07-04' }, levelOfCare: 'iop-mental-health' },
  });
  t.equal(hmo.statusCode, 200);
  t.equal(hmo.json().coverage.plan.type, 'HMO');
  t.match(hmo.json().levelOfCare.inNetwork.copay.value, { amountCents: 4_000, per: 'day' });

  const carveOut = await app.inject({
    method: 'POST',
    url: '/v1/eligibility',
    payload: { ...ppo, subscriber: { memberId: 'SBX-PPO-0004', dateOfBirth: '1988-11-11' }, levelOfCare: 'iop-mental-health' },
  });
  t.equal(carveOut.statusCode, 200);
  const action = carveOut.json().coverage.actions.find((a: { kind: string }) => a.kind === 'check-carve-out');
  t.ok(action, 'the carve-out administrator is surfaced as an action');
  t.match(action.entity.identifiers, { PI: '99004' }, 'with the administrator id to check next');

  const fhir = await app.inject({
    method: 'POST',
    url: '/v1/eligibility',
    payload: { ...ppo, payerId: 'sandbox-fhir', subscriber: { memberId: 'SBX-FHIR-0001', dateOfBirth: '1991-03-03' }, serviceTypes: ['30', 'MH'] },
  });
  t.equal(fhir.statusCode, 200);
  t.equal(fhir.json().source.format, 'fhir-r4');
  const clearinghouse = await app.inject({
    method: 'POST',
    url: '/v1/eligibility',
    payload: { ...ppo, payerId: 'sandbox-clearinghouse', subscriber: { memberId: 'SBX-CH-0001', dateOfBirth: '1977-03-12' }, levelOfCare: 'iop-mental-health' },
  });
  t.equal(clearinghouse.statusCode, 200);
  t.equal(clearinghouse.json().source.format, 'clearinghouse-json');
});

t.test('bad eligibility requests are 400s pointing at each field, without echoing PHI', async (t) => {
  const { app, log } = await buildTestApp();
  t.teardown(() => app.close());
  const res = await app.inject({
    method: 'POST',
    url: '/v1/eligibility',
    payload: { ...ppo, provider: { npi: '12345' }, subscriber: { memberId: 'SBX-PPO-0001', dateOfBirth: '1985-13-45' } },
  });
  t.equal(res.statusCode, 400);
  t.match(res.json().errors[0].pointer, /^\/(provider\/npi|subscriber\/dateOfBirth)$/);
  t.notMatch(res.body, /1985-13-45|SBX-PPO-0001/);
  // A mistyped NPI (one digit off) is caught by its check digit, before any payer call.
  const typo = await app.inject({ method: 'POST', url: '/v1/eligibility', payload: { ...ppo, provider: { npi: '1234567890' } } });
  t.equal(typo.statusCode, 400);
  t.same(typo.json().errors, [{ pointer: '/provider/npi', message: 'must be a valid NPI: 10 digits whose last is the check digit (this one does not match; check for a typo)' }]);
  const date = await app.inject({ method: 'POST', url: '/v1/eligibility', payload: { ...ppo, dateOfService: '12/01/2026' } });
  t.same(date.json().errors, [{ pointer: '/dateOfService', message: 'must be a calendar date written YYYY-MM-DD' }]);
  const ok = await app.inject({ method: 'POST', url: '/v1/eligibility', payload: ppo });
  t.equal(ok.statusCode, 200);
  t.notMatch(log.text(), /SBX-PPO-0001|1985-01-01|SANDBOX/, 'no member id, name or date of birth in the log stream');
});

t.test('a patient-facing key checking its own coverage gets the answer without member identifiers, not a 500', async (t) => {
  const key = `ce_test_patient_app_${'5'.repeat(40)}`;
  const { app } = await buildTestApp({ API_KEYS: `patient-app/patient+eligibility:check+coverage:normalize/${hashApiKey(key)}` });
  t.teardown(() => app.close());
  const res = await app.inject({ method: 'POST', url: '/v1/eligibility', headers: { authorization: `Bearer ${key}` }, payload: { ...ppo, levelOfCare: 'iop-mental-health' } });
  t.equal(res.statusCode, 200);
  const body = res.json();
  t.equal(body.coverage.eligibility.status, 'active');
  t.same(body.coverage.subscriber, { relationship: 'self' }, 'the covered person without the phi block');
  t.notMatch(res.body, /SBX-PPO-0001|1985-01-01|PPOACTIVE|TESTVILLE/);
  const normalized = await app.inject({
    method: 'POST',
    url: '/v1/coverage/normalize',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/edi-x12' },
    payload: readFileSync(new URL('../../../fixtures/sandbox/responses/sandbox-ppo-active.271', import.meta.url), 'utf8'),
  });
  t.equal(normalized.statusCode, 200, 'normalize answers a patient key too');
  t.notMatch(normalized.body, /SBX-PPO-0001|1985-01-01|PPOACTIVE/);
});
