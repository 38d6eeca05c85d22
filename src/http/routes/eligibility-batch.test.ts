import http from 'node:http';
import type { AddressInfo } from 'node:net';
import t from 'tap';
import { hashApiKey } from '../../adapters/data-files/api-keys-file.js';
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

  const payload = { items: [{ reference: 'x1', check: check('SBX-PPO-0001', '1985-01-01') }] };
  const unprefixed = await app.inject({ method: 'POST', url: '/v1/eligibility/batch', headers: { accept: 'application/ndjson' }, payload });
  t.equal(unprefixed.statusCode, 200, 'NDJSON named without the x- prefix streams too');
  t.match(unprefixed.headers['content-type'], /application\/x-ndjson/);
  const refused = await app.inject({ method: 'POST', url: '/v1/eligibility/batch', headers: { accept: 'application/x-ndjson;q=0, application/json' }, payload });
  t.match(refused.headers['content-type'], /^application\/json/, 'NDJSON refused with q=0 gets one JSON document');
  const jsonFirst = await app.inject({ method: 'POST', url: '/v1/eligibility/batch', headers: { accept: 'application/x-ndjson;q=0.5, application/json' }, payload });
  t.match(jsonFirst.headers['content-type'], /^application\/json/, 'a higher q for JSON gets one JSON document');
  const ndjsonFirst = await app.inject({ method: 'POST', url: '/v1/eligibility/batch', headers: { accept: 'application/json;q=0.5, application/x-ndjson' }, payload });
  t.match(ndjsonFirst.headers['content-type'], /^application\/x-ndjson/, 'a higher q for NDJSON streams');
  const wildcard = await app.inject({ method: 'POST', url: '/v1/eligibility/batch', headers: { accept: '*/*' }, payload });
  t.match(wildcard.headers['content-type'], /^application\/json/, 'a wildcard gets one JSON document');
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

const PATIENT_KEY = `ce_test_patient_portal_${'9'.repeat(32)}`;
const BILLING_KEY = `ce_test_billing_${'4'.repeat(40)}`;
const KEYED = {
  API_KEYS: [
    `portal/patient+eligibility:check/${hashApiKey(PATIENT_KEY)}`,
    `billing/eligibility:check/${hashApiKey(BILLING_KEY)}`,
  ].join(','),
};
const PHI = /SBX-PPO-0001|1985-01-01|PPOACTIVE|TESTVILLE/;

t.test('a repeated reference is a 400 naming the repeating item, and no payer is asked', async (t) => {
  const { app, audit } = await buildTestApp();
  t.teardown(() => app.close());
  const res = await app.inject({
    method: 'POST',
    url: '/v1/eligibility/batch',
    payload: {
      items: [
        { reference: 'row-1', check: check('SBX-PPO-0001', '1985-01-01') },
        { reference: 'row-2', check: check('SBX-PPO-0002', '1979-06-15') },
        { reference: 'row-1', check: check('SBX-PPO-0003', '1990-02-20') },
      ],
    },
  });
  t.equal(res.statusCode, 400);
  t.match(res.headers['content-type'], /^application\/problem\+json/);
  t.match(res.json(), { code: 'request.invalid', errors: [{ pointer: '/items/2/reference' }] });
  t.equal(res.json().errors.length, 1);
  t.equal(audit.records().filter((e) => e.event === 'eligibility.batch').length, 0, 'nothing was checked');
});

t.test('a batch of exactly 1,000 members is accepted and answered in request order', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());
  const items = Array.from({ length: 1000 }, (_, i) => ({ reference: `r${i}`, check: check(i % 2 ? 'SBX-PPO-0001' : 'SBX-PPO-0000', i % 2 ? '1985-01-01' : undefined) }));
  const res = await app.inject({ method: 'POST', url: '/v1/eligibility/batch', payload: { items } });
  t.equal(res.statusCode, 200);
  const { results, summary } = res.json();
  t.equal(results.length, 1000);
  t.same(results.map((r: { reference: string }) => r.reference), items.map((i) => i.reference));
  t.match(summary, { total: 1000, succeeded: 500, failed: 500 });
});

t.test('an NDJSON stream carries the security, rate-limit and request-id headers a JSON answer carries', async (t) => {
  const { app } = await buildTestApp(KEYED);
  t.teardown(() => app.close());
  const payload = { items: [{ reference: 'x1', check: check('SBX-PPO-0001', '1985-01-01') }] };
  const headers = { authorization: `Bearer ${BILLING_KEY}`, 'x-request-id': 'nightly-7' };
  const json = await app.inject({ method: 'POST', url: '/v1/eligibility/batch', headers, payload });
  const ndjson = await app.inject({ method: 'POST', url: '/v1/eligibility/batch', headers: { ...headers, accept: 'application/x-ndjson' }, payload });
  t.equal(ndjson.statusCode, 200);
  t.match(ndjson.headers['content-type'], /^application\/x-ndjson/);
  for (const name of ['x-content-type-options', 'content-security-policy', 'referrer-policy', 'x-frame-options', 'strict-transport-security', 'x-ratelimit-limit', 'cache-control']) {
    t.ok(ndjson.headers[name], `${name} is on the stream`);
    t.equal(ndjson.headers[name], json.headers[name], `${name} is the same as on JSON`);
  }
  t.equal(ndjson.headers['x-request-id'], 'nightly-7');
  t.equal(Number(ndjson.headers['x-ratelimit-remaining']), Number(json.headers['x-ratelimit-remaining']) - 1, 'the stream counts against the key like any request');
});

t.test('a patient-facing key gets batch results without member identifiers, as JSON and as NDJSON', async (t) => {
  const { app } = await buildTestApp(KEYED);
  t.teardown(() => app.close());
  const payload = { items: [{ reference: 'me', check: check('SBX-PPO-0001', '1985-01-01') }, { reference: 'typo', check: check('SBX-PPO-0000') }] };
  const headers = { authorization: `Bearer ${PATIENT_KEY}` };
  const json = await app.inject({ method: 'POST', url: '/v1/eligibility/batch', headers, payload });
  t.equal(json.statusCode, 200, 'no 500 when the identifiers are taken out');
  t.equal(json.json().results[0].result.coverage.eligibility.status, 'active');
  t.notMatch(json.body, PHI);
  const ndjson = await app.inject({ method: 'POST', url: '/v1/eligibility/batch', headers: { ...headers, accept: 'application/x-ndjson' }, payload });
  t.equal(ndjson.statusCode, 200);
  const lines = ndjson.body.trim().split('\n').map((l) => JSON.parse(l) as { reference?: string; result?: { coverage: { subscriber: object } } });
  t.equal(lines.length, 3);
  t.same(lines.find((l) => l.reference === 'me')?.result?.coverage.subscriber, { relationship: 'self' });
  t.notMatch(ndjson.body, PHI);
  const staff = await app.inject({ method: 'POST', url: '/v1/eligibility/batch', headers: { authorization: `Bearer ${BILLING_KEY}`, accept: 'application/x-ndjson' }, payload });
  t.match(staff.body, /SBX-PPO-0001/, 'staff keys still get the identifiers they sent');
});

t.test('a client that hangs up mid-stream stops the batch: no new payer calls, and only the members actually checked are audited', async (t) => {
  const { app, audit } = await buildTestApp({ SANDBOX_TIMEOUT_MS: '300', BATCH_MAX_CONCURRENCY: '2' });
  t.teardown(() => app.close());
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  // r0 answers at once; the others alternate between a payer that times out and one that answers.
  const items = Array.from({ length: 40 }, (_, i) => ({
    reference: `r${i}`,
    check: { ...check(i === 0 ? 'SBX-PPO-0001' : i % 2 ? 'SBX-PPO-TIMEOUT' : 'SBX-PPO-0002', i === 0 ? '1985-01-01' : undefined), dateOfService: `2026-12-${String((i % 28) + 1).padStart(2, '0')}` },
  }));
  const body = JSON.stringify({ items });
  await new Promise<void>((resolve, reject) => {
    const req = http.request(
      { port, host: '127.0.0.1', method: 'POST', path: '/v1/eligibility/batch', headers: { 'content-type': 'application/json', accept: 'application/x-ndjson', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        res.once('data', () => {
          req.destroy();
          resolve();
        });
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' ? undefined : reject(error)));
    req.end(body);
  });
  // Long enough for the whole batch to have run (40 items, 2 at a time, 300 ms timeouts) had it gone on.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const checked = audit.records().filter((e) => e.event === 'eligibility.batch');
  t.ok(checked.length >= 1 && checked.length <= 4, `only the items started before the hang-up were checked and audited (${checked.length})`);
  const scrape = await app.inject({ method: 'GET', url: '/metrics' });
  const calls = [...scrape.body.matchAll(/^payer_calls_total\{[^}]*\} (\d+)$/gm)].reduce((n, m) => n + Number(m[1]), 0);
  t.equal(calls, checked.length, 'one payer call per audited member, none after the hang-up');
  t.equal((await app.inject({ method: 'GET', url: '/health/live' })).statusCode, 200, 'the service keeps serving');
});

t.test('a client that hangs up while waiting for a JSON batch stops it too, without an error logged', async (t) => {
  const { app, audit, log } = await buildTestApp({ SANDBOX_TIMEOUT_MS: '300', BATCH_MAX_CONCURRENCY: '2' });
  t.teardown(() => app.close());
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const items = Array.from({ length: 20 }, (_, i) => ({ reference: `r${i}`, check: { ...check('SBX-PPO-TIMEOUT'), dateOfService: `2026-12-${String(i + 1).padStart(2, '0')}` } }));
  const body = JSON.stringify({ items });
  const req = http.request({ port, host: '127.0.0.1', method: 'POST', path: '/v1/eligibility/batch', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } });
  req.on('error', () => undefined);
  req.end(body);
  await new Promise((resolve) => setTimeout(resolve, 100));
  req.destroy();
  await new Promise((resolve) => setTimeout(resolve, 1000));
  t.ok(audit.records().filter((e) => e.event === 'eligibility.batch').length <= 4, 'the rest of the batch never ran');
  t.notMatch(log.text(), /"level":50/, 'no error logged for a caller that left');
});

t.test('an item whose check is not even an object is that item\'s error; the rest of the batch is checked', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());
  const res = await app.inject({
    method: 'POST',
    url: '/v1/eligibility/batch',
    payload: { items: [{ reference: 'bad', check: 42 }, { reference: 'good', check: check('SBX-PPO-0001', '1985-01-01') }] },
  });
  t.equal(res.statusCode, 200);
  const { results, summary } = res.json();
  t.match(results[0], { reference: 'bad', status: 'error', problem: { code: 'request.invalid', errors: [{ pointer: '/items/0/check' }] } });
  t.match(results[1], { reference: 'good', status: 'ok' });
  t.same({ succeeded: summary.succeeded, failed: summary.failed }, { succeeded: 1, failed: 1 });
});

t.test('Cache-Control: no-cache on a batch asks the payer again for every member, as on a single check', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());
  const payload = { items: [{ reference: 'a', check: check('SBX-PPO-0001', '1985-01-01') }, { reference: 'b', check: check('SBX-PPO-0002', '1979-06-15') }] };
  const cacheOf = (res: { json(): { results: { result?: { source: { cache: string } } }[] } }) => res.json().results.map((r) => r.result?.source.cache);
  t.same(cacheOf(await app.inject({ method: 'POST', url: '/v1/eligibility/batch', payload })), ['miss', 'miss']);
  t.same(cacheOf(await app.inject({ method: 'POST', url: '/v1/eligibility/batch', payload })), ['hit', 'hit'], 'a repeat run is answered from the cache');
  const fresh = await app.inject({ method: 'POST', url: '/v1/eligibility/batch', headers: { 'cache-control': 'no-cache' }, payload });
  t.same(cacheOf(fresh), ['bypass', 'bypass'], 'a nightly run that must see today\'s figures gets them');
});
