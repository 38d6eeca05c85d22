import t from 'tap';
import { buildTestApp } from '../../../test/support/build-test-app.js';

const check = (memberId: string, dateOfBirth?: string) => ({
  payerId: 'sandbox-ppo',
  provider: { npi: '1234567893' },
  subscriber: { memberId, ...(dateOfBirth ? { dateOfBirth } : {}) },
  dateOfService: '2026-12-01',
});

t.test('a batch reports every member by the caller reference, and partial failures never fail it', async (t) => {
  const { app, audit } = await buildTestApp({ SANDBOX_TIMEOUT_MS: '50' });
  t.teardown(() => app.close());
  const res = await app.inject({
    method: 'POST',
    url: '/v1/eligibility/batch',
    payload: {
      items: [
        { reference: 'a', check: check('SBX-PPO-0001', '1985-01-01') },
        { reference: 'b', check: check('SBX-PPO-0000') },
        { reference: 'c', check: check('SBX-PPO-TIMEOUT') },
        { reference: 'd', check: { ...check('SBX-PPO-0001'), dateOfService: '12/01/2026' } },
        { reference: 'e', check: { ...check('SBX-HMO-0001', '1995-07-04'), payerId: 'sandbox-hmo' } },
      ],
    },
  });
  t.equal(res.statusCode, 200);
  const { results, summary } = res.json();
  t.same(results.map((r: { reference: string; status: string }) => [r.reference, r.status]), [
    ['a', 'ok'], ['b', 'error'], ['c', 'error'], ['d', 'error'], ['e', 'ok'],
  ]);
  t.equal(results[1].problem.code, 'payer.rejected');
  t.equal(results[2].problem.code, 'payer.timeout');
  t.equal(results[3].problem.code, 'request.invalid');
  t.equal(results[3].problem.errors[0].pointer, '/items/3/check/dateOfService', 'the bad field is named by item');
  t.same(summary, { ...summary, total: 5, succeeded: 2, failed: 3 });
  const events = audit.records().filter((e) => e.event === 'eligibility.batch');
  t.equal(events.length, 4, 'one audit event per member checked (the invalid item never reached a payer)');
  t.notMatch(audit.text(), /SBX-PPO-0001/);
});

t.test('NDJSON streams one line per member and then a summary', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());
  const res = await app.inject({
    method: 'POST',
    url: '/v1/eligibility/batch',
    headers: { accept: 'application/x-ndjson' },
    payload: { items: [{ reference: 'x1', check: check('SBX-PPO-0001', '1985-01-01') }, { reference: 'x2', check: check('SBX-PPO-0002', '1979-06-15') }] },
  });
  t.equal(res.statusCode, 200);
  t.match(res.headers['content-type'], /application\/x-ndjson/);
  const lines = res.body.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  t.equal(lines.length, 3);
  t.same(lines.slice(0, 2).map((l) => l.reference).sort(), ['x1', 'x2']);
  t.match(lines[2], { summary: { total: 2, succeeded: 2, failed: 0 } });
});

t.test('identical members in a batch cost one payer call; over 1,000 items is refused', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());
  const items = Array.from({ length: 300 }, (_, i) => ({ reference: `r${i}`, check: check('SBX-PPO-0001', '1985-01-01') }));
  const res = await app.inject({ method: 'POST', url: '/v1/eligibility/batch', payload: { items } });
  t.equal(res.json().summary.succeeded, 300);
  const scrape = await app.inject({ method: 'GET', url: '/metrics' });
  t.match(scrape.body, /payer_calls_total\{payer_id="sandbox-ppo",outcome="success"\} 1\n/, 'one upstream call for 300 identical checks');
  const tooMany = await app.inject({
    method: 'POST',
    url: '/v1/eligibility/batch',
    payload: { items: Array.from({ length: 1001 }, (_, i) => ({ reference: `r${i}`, check: check('SBX-PPO-0001') })) },
  });
  t.equal(tooMany.statusCode, 400);
  t.equal(tooMany.json().errors[0].pointer, '/items');
});
