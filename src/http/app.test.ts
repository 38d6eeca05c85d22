import t from 'tap';
import { buildTestApp } from '../../test/support/build-test-app.js';

t.test('the HTTP edge answers every failure as problem+json', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());

  t.test('an unknown route is a 404 problem naming the path', async (t) => {
    const res = await app.inject({ method: 'GET', url: '/v1/does-not-exist' });
    t.equal(res.statusCode, 404);
    t.match(res.headers['content-type'], /^application\/problem\+json/);
    const body = res.json();
    t.match(body, { status: 404, code: 'route.not-found', instance: '/v1/does-not-exist', type: '/reference#problem-route.not-found' });
  });

  t.test('a wrong method on a known path is a 405 with an Allow header', async (t) => {
    const res = await app.inject({ method: 'DELETE', url: '/v1/payers' });
    t.equal(res.statusCode, 405);
    t.equal(res.headers.allow, 'GET, HEAD');
    t.match(res.json(), { code: 'route.method-not-allowed', status: 405 });
  });

  t.test('OPTIONS on a known path says which methods it allows (CORS closed)', async (t) => {
    const res = await app.inject({ method: 'OPTIONS', url: '/v1/estimates' });
    t.equal(res.statusCode, 204);
    t.equal(res.headers.allow, 'POST, OPTIONS');
    t.equal(res.body, '');
    const unknown = await app.inject({ method: 'OPTIONS', url: '/v1/does-not-exist' });
    t.equal(unknown.statusCode, 404, 'an unknown path is still a 404');
  });

  t.test('a malformed JSON body is a 400 that says the JSON could not be parsed', async (t) => {
    const res = await app.inject({ method: 'POST', url: '/v1/payers', headers: { 'content-type': 'application/json' }, payload: '{"payerId": ' });
    t.equal(res.statusCode, 400);
    t.match(res.json(), { code: 'request.malformed-json' });
  });

  t.test('an oversized body is a 413 and the process keeps serving', async (t) => {
    const res = await app.inject({
      method: 'POST',
      url: '/v1/payers',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ pad: 'x'.repeat(2 * 1024 * 1024) }),
    });
    t.equal(res.statusCode, 413);
    t.match(res.json(), { code: 'request.body-too-large' });
    const after = await app.inject({ method: 'GET', url: '/health/live' });
    t.equal(after.statusCode, 200);
  });

  t.test('an unknown query parameter is a 400 that points at the parameter', async (t) => {
    const res = await app.inject({ method: 'GET', url: '/v1/payers?color=blue' });
    t.equal(res.statusCode, 400);
    t.same(res.json().errors, [{ pointer: '/query/color', message: 'is not an allowed property' }]);
  });

  t.test('a JSON operation sent a text/plain body is a 415, not a 400 about the body not being an object', async (t) => {
    const res = await app.inject({ method: 'POST', url: '/v1/eligibility', headers: { 'content-type': 'text/plain' }, payload: '{"payerId":"sandbox-ppo"}' });
    t.equal(res.statusCode, 415);
    t.match(res.headers['content-type'], /^application\/problem\+json/);
    t.match(res.json(), { code: 'request.unsupported-media-type', status: 415, detail: 'Send the request body as application/json' });
    // An operation that takes several media types names them all.
    const normalize = await app.inject({ method: 'POST', url: '/v1/coverage/normalize', headers: { 'content-type': 'application/pdf' }, payload: '%PDF' });
    t.equal(normalize.statusCode, 415);
    t.match(normalize.json().detail, /^Send the request body as one of: application\/json, application\/edi-x12, text\/plain, application\/fhir\+json/);
    // A compressed body is a 415 saying so, not a 400 about the JSON.
    const gzipped = await app.inject({ method: 'POST', url: '/v1/eligibility', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, payload: Buffer.from([0x1f, 0x8b, 0x08, 0x00]) });
    t.equal(gzipped.statusCode, 415);
    t.match(gzipped.json().detail, /uncompressed/);
  });

  t.test('a path the router cannot read (bad percent-encoding, over-long id) is problem+json that does not echo the path', async (t) => {
    const badEncoding = await app.inject({ method: 'GET', url: '/v1/payers/%E0%A4%A' });
    t.equal(badEncoding.statusCode, 400);
    t.match(badEncoding.headers['content-type'], /^application\/problem\+json/);
    t.match(badEncoding.json(), { status: 400, code: 'request.invalid' });
    t.ok(badEncoding.headers['x-request-id']);
    t.equal(badEncoding.headers['x-content-type-options'], 'nosniff');
    const longId = `SBX${'9'.repeat(300)}`;
    const tooLong = await app.inject({ method: 'GET', url: `/v1/payers/${longId}` });
    t.equal(tooLong.statusCode, 414);
    t.match(tooLong.headers['content-type'], /^application\/problem\+json/);
    t.match(tooLong.json(), { status: 414, code: 'request.invalid' });
    t.notMatch(tooLong.body, longId);
  });

  t.test('a caller request id is echoed; an unsafe one is replaced', async (t) => {
    const given = await app.inject({ method: 'GET', url: '/health/live', headers: { 'x-request-id': 'intake-42.a' } });
    t.equal(given.headers['x-request-id'], 'intake-42.a');
    const unsafe = await app.inject({ method: 'GET', url: '/health/live', headers: { 'x-request-id': 'bad id\nwith newline' } });
    t.match(unsafe.headers['x-request-id'], /^[0-9a-f-]{36}$/);
  });
});

t.test('an unexpected error is a 500 that leaks nothing but the request id', async (t) => {
  const { app, log } = await buildTestApp();
  t.teardown(() => app.close());
  app.get('/boom', async () => {
    throw new Error('connection string postgres://admin:hunter2@db');
  });
  const res = await app.inject({ method: 'GET', url: '/boom', headers: { 'x-request-id': 'req-500' } });
  t.equal(res.statusCode, 500);
  const body = res.json();
  t.match(body, { code: 'internal', status: 500, requestId: 'req-500' });
  t.notMatch(res.body, /hunter2|postgres|stack/);
  t.match(log.text(), /request failed/, 'the failure is logged for operators');
});

t.test('the payer directory is listed, filtered and looked up by alias', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());
  const all = (await app.inject({ method: 'GET', url: '/v1/payers' })).json();
  t.ok(all.payers.length >= 6);
  t.ok(all.payers.every((p: { sandbox: boolean }) => typeof p.sandbox === 'boolean'));
  const fhir = (await app.inject({ method: 'GET', url: '/v1/payers?q=FHIR' })).json();
  t.same(fhir.payers.map((p: { id: string }) => p.id), ['sandbox-fhir']);
  const byAlias = await app.inject({ method: 'GET', url: '/v1/payers/sbxhmo' });
  t.equal(byAlias.statusCode, 200);
  t.equal(byAlias.json().id, 'sandbox-hmo');
  const missing = await app.inject({ method: 'GET', url: '/v1/payers/acme-health' });
  t.equal(missing.statusCode, 404);
  t.match(missing.json(), { code: 'payer.not-found' });
});

t.test('readiness reports each dependency and fails while shutting down', async (t) => {
  const { app, lifecycle } = await buildTestApp();
  t.teardown(() => app.close());
  const ready = await app.inject({ method: 'GET', url: '/health/ready' });
  t.equal(ready.statusCode, 200);
  t.match(ready.json(), { status: 'ready', checks: [{ name: 'payer-directory', status: 'ok', critical: true }] });
  lifecycle.shuttingDown = true;
  const draining = await app.inject({ method: 'GET', url: '/health/ready' });
  t.equal(draining.statusCode, 503);
  t.equal(draining.json().status, 'not-ready');
});

t.test('the contract and the reference page are served', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());
  const yaml = await app.inject({ method: 'GET', url: '/openapi.yaml' });
  t.equal(yaml.statusCode, 200);
  t.match(yaml.headers['content-type'], /yaml/);
  t.match(yaml.body, /openapi: 3\.1\.0/);
  t.notMatch(yaml.body, /\.\/schemas\//, 'the served contract is bundled: no external refs');
  const page = await app.inject({ method: 'GET', url: '/reference' });
  t.equal(page.statusCode, 200);
  t.match(page.body, /<h1>coverage-estimator/);
  t.match(page.body, /id="problem-payer\.timeout"/, 'problem types link to the catalog');
});

t.test('a caller that accepts none of what a route answers with gets 406 problem+json, before any work', async (t) => {
  const { app, audit } = await buildTestApp();
  t.teardown(() => app.close());
  const refused = await app.inject({
    method: 'POST',
    url: '/v1/eligibility',
    headers: { accept: 'application/xml' },
    payload: { payerId: 'sandbox-ppo', provider: { npi: '1234567893' }, subscriber: { memberId: 'SBX-PPO-0001' }, dateOfService: '2026-12-01' },
  });
  t.equal(refused.statusCode, 406);
  t.match(refused.headers['content-type'], /^application\/problem\+json/);
  t.match(refused.json(), { code: 'request.not-acceptable', meta: { acceptable: 'application/json' } });
  t.notMatch(refused.body, /SBX-PPO-0001/);
  t.equal(audit.records().length, 0, 'the payer was not asked and nothing was accessed');

  const payers = await app.inject({ method: 'GET', url: '/v1/payers', headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' } });
  t.equal(payers.statusCode, 200, 'a browser\'s wildcard is enough');
  const ndjson = await app.inject({ method: 'POST', url: '/v1/eligibility/batch', headers: { accept: 'application/x-ndjson' }, payload: { items: [] } });
  t.not(ndjson.statusCode, 406, 'the batch answers NDJSON');
  const html = await app.inject({ method: 'GET', url: '/console', headers: { accept: 'application/json' } });
  t.equal(html.statusCode, 406, 'the console page is HTML only');
  const probe = await app.inject({ method: 'GET', url: '/health/ready', headers: { accept: 'application/xml' } });
  t.equal(probe.statusCode, 200, 'health probes answer whatever they accept');
});
