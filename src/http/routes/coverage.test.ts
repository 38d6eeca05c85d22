import t from 'tap';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildTestApp } from '../../../test/support/build-test-app.js';
import { PACKAGE_ROOT } from '../../server.js';
import { coreFields, syntheticMultipartEnvelope, syntheticSoapEnvelope } from '../../../test/support/core-envelopes.js';

const fixture = (file: string) => readFileSync(path.join(PACKAGE_ROOT, 'fixtures', file), 'utf8');
const x12 = fixture('examples/normalize-x12-271.edi');

t.test('POST /v1/coverage/normalize reads every format into the coverage model', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());

  t.test('raw X12 sent as application/edi-x12 is detected and normalized', async (t) => {
    const res = await app.inject({ method: 'POST', url: '/v1/coverage/normalize', headers: { 'content-type': 'application/edi-x12' }, payload: x12 });
    t.equal(res.statusCode, 200);
    t.equal(res.headers['cache-control'], 'no-store', 'PHI-bearing answers are never cached by intermediaries');
    const { format, coverages } = res.json();
    t.equal(format, 'x12-271');
    t.equal(coverages.length, 1);
    t.equal(coverages[0].eligibility.status, 'active');
    t.equal(coverages[0].plan.type, 'PPO');
    const remaining = coverages[0].benefits.find((b: { kind: string; timePeriod: string }) => b.kind === 'deductible' && b.timePeriod === 'remaining');
    t.equal(remaining.amountCents, 30_000, 'the $300 remaining deductible is exact cents');
  });

  t.test('X12 wrapped in JSON with an explicit format gives the same answer', async (t) => {
    const res = await app.inject({ method: 'POST', url: '/v1/coverage/normalize', payload: { document: x12, format: 'x12-271' } });
    t.equal(res.statusCode, 200);
    t.equal(res.json().coverages[0].benefits.length > 5, true);
  });

  t.test('a FHIR response posted as application/fhir+json is read as FHIR', async (t) => {
    const res = await app.inject({
      method: 'POST',
      url: '/v1/coverage/normalize',
      headers: { 'content-type': 'application/fhir+json' },
      payload: fixture('fhir/bh-mental-health-in-and-out-of-network.json'),
    });
    t.equal(res.statusCode, 200);
    t.equal(res.json().format, 'fhir-r4');
    t.ok(res.json().coverages[0].benefits.some((b: { serviceTypes: string[] }) => b.serviceTypes.includes('MH')));
  });

  t.test('clearinghouse JSON given as an object is detected', async (t) => {
    const res = await app.inject({ method: 'POST', url: '/v1/coverage/normalize', payload: { document: JSON.parse(fixture('clearinghouse/bh-iop-patient.json')) } });
    t.equal(res.statusCode, 200);
    t.equal(res.json().format, 'clearinghouse-json');
  });

  t.test('a truncated 271 is a 422 with the reason, never a partial answer', async (t) => {
    const res = await app.inject({ method: 'POST', url: '/v1/coverage/normalize', headers: { 'content-type': 'text/plain' }, payload: x12.slice(0, 60) });
    t.equal(res.statusCode, 422);
    t.match(res.json(), { code: 'format.parse-error' });
    t.notMatch(res.body, /SBX-PPO-0001|TESTPATIENT/, 'the error does not echo member data');
  });

  t.test('a document in no known format is a 400 saying so', async (t) => {
    const res = await app.inject({ method: 'POST', url: '/v1/coverage/normalize', payload: { document: 'hello, payer' } });
    t.equal(res.statusCode, 400);
    t.match(res.json(), { code: 'format.unrecognized' });
  });

  t.test('a non-eligibility FHIR resource is refused as unsupported', async (t) => {
    const res = await app.inject({
      method: 'POST',
      url: '/v1/coverage/normalize',
      payload: { document: JSON.parse(fixture('fhir/samples/r4core_claimresponse-example.json')) },
    });
    t.equal(res.statusCode, 422);
    t.match(res.json(), { code: 'format.unsupported' });
  });

  t.test('an unknown format name and an extra property are 400s pointing at the field', async (t) => {
    const bad = await app.inject({ method: 'POST', url: '/v1/coverage/normalize', payload: { document: x12, format: 'edifact' } });
    t.equal(bad.statusCode, 400);
    t.equal(bad.json().errors[0].pointer, '/format');
    const extra = await app.inject({ method: 'POST', url: '/v1/coverage/normalize', payload: { document: x12, memberId: 'X' } });
    t.equal(extra.statusCode, 400);
    t.equal(extra.json().errors[0].pointer, '/memberId');
  });

  t.test('an unsupported media type is a 415', async (t) => {
    const res = await app.inject({ method: 'POST', url: '/v1/coverage/normalize', headers: { 'content-type': 'application/xml' }, payload: '<x/>' });
    t.equal(res.statusCode, 415);
    t.match(res.json(), { code: 'request.unsupported-media-type' });
  });
});

t.test('POST /v1/coverage/normalize unwraps a 271 still inside the CAQH CORE envelope a payer answered with', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());
  const bare = (await app.inject({ method: 'POST', url: '/v1/coverage/normalize', headers: { 'content-type': 'application/edi-x12' }, payload: x12 })).json();
  const withoutNote = (coverages: Array<{ warnings: Array<{ code: string }> }>) =>
    coverages.map((c) => ({ ...c, warnings: c.warnings.filter((w) => w.code !== 'core-envelope.unwrapped') }));

  t.test('a SOAP envelope posted as application/soap+xml reads like the bare 271, with an unwrapped warning', async (t) => {
    const res = await app.inject({
      method: 'POST',
      url: '/v1/coverage/normalize',
      headers: { 'content-type': 'application/soap+xml; charset=utf-8; action="RealTimeTransaction"' },
      payload: syntheticSoapEnvelope({ payloadXml: `<![CDATA[${x12}]]>` }),
    });
    t.equal(res.statusCode, 200);
    t.equal(res.json().format, 'x12-271');
    t.same(withoutNote(res.json().coverages), bare.coverages);
    t.match(res.json().coverages[0].warnings[0], { code: 'core-envelope.unwrapped', message: /SOAP CAQH CORE envelope/ });
  });

  t.test('an HTTP MIME multipart envelope posted as multipart/form-data uses the boundary from the header', async (t) => {
    const boundary = '----SyntheticCoreBoundary42';
    const res = await app.inject({
      method: 'POST',
      url: '/v1/coverage/normalize',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: syntheticMultipartEnvelope(boundary, coreFields(x12)),
    });
    t.equal(res.statusCode, 200);
    t.same(withoutNote(res.json().coverages), bare.coverages);
  });

  t.test('an envelope in a JSON document, or as plain text, is unwrapped too', async (t) => {
    const envelope = syntheticSoapEnvelope({ payloadXml: `<![CDATA[${x12}]]>` });
    const json = await app.inject({ method: 'POST', url: '/v1/coverage/normalize', payload: { document: envelope, format: 'x12-271' } });
    t.equal(json.statusCode, 200);
    t.same(withoutNote(json.json().coverages), bare.coverages);
    const text = await app.inject({ method: 'POST', url: '/v1/coverage/normalize', headers: { 'content-type': 'text/plain' }, payload: envelope });
    t.equal(text.statusCode, 200);
  });

  t.test('an envelope ErrorCode is a 422 payer rejection naming the code, never the ErrorMessage', async (t) => {
    const res = await app.inject({
      method: 'POST',
      url: '/v1/coverage/normalize',
      headers: { 'content-type': 'application/soap+xml' },
      payload: syntheticSoapEnvelope({ errorCode: 'ReceiverIDNotAuthorized', errorMessage: 'Member SBX-PHI-CANARY-77 is not yours' }),
    });
    t.equal(res.statusCode, 422);
    t.match(res.json(), { code: 'payer.rejected' });
    t.match(res.body, /ReceiverIDNotAuthorized/);
    t.notMatch(res.body, /CANARY/);
  });

  t.test('a truncated envelope is a 422 parse error with the reason', async (t) => {
    const envelope = syntheticSoapEnvelope({ payloadXml: `<![CDATA[${x12}]]>` });
    const res = await app.inject({ method: 'POST', url: '/v1/coverage/normalize', headers: { 'content-type': 'text/xml' }, payload: envelope.slice(0, envelope.length - 40) });
    t.equal(res.statusCode, 422);
    t.match(res.json(), { code: 'format.parse-error', detail: /CAQH CORE envelope could not be read: the envelope is truncated/ });
    t.notMatch(res.body, /SBX-PPO-0001|TESTPATIENT/);
  });
});

t.test('a JSON document nested thousands deep is a 422 parse error, not a crash; __proto__ keys are refused in FHIR JSON as in JSON', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());
  const deep = `{"resourceType":"CoverageEligibilityResponse","x":${'['.repeat(5000)}${']'.repeat(5000)}}`;
  const fhir = await app.inject({ method: 'POST', url: '/v1/coverage/normalize', headers: { 'content-type': 'application/fhir+json' }, payload: deep });
  t.equal(fhir.statusCode, 422);
  t.match(fhir.json(), { code: 'format.parse-error', detail: /nested more than 100 levels deep/ });
  const wrapped = await app.inject({ method: 'POST', url: '/v1/coverage/normalize', headers: { 'content-type': 'application/json' }, payload: `{"document":${deep}}` });
  t.equal(wrapped.statusCode, 422, 'wrapped in the JSON request too');
  const poisoned = await app.inject({ method: 'POST', url: '/v1/coverage/normalize', headers: { 'content-type': 'application/fhir+json' }, payload: '{"resourceType":"CoverageEligibilityResponse","__proto__":{"polluted":true}}' });
  t.equal(poisoned.statusCode, 400);
  t.equal(({} as { polluted?: boolean }).polluted, undefined);
});
