import { readFileSync } from 'node:fs';
import t from 'tap';
import nock from 'nock';
import { payerEntrySchema, type PayerEntry } from '../../data-files/payer-directory-file.js';
import { isDomainError, type DomainError } from '../../../core/errors.js';
import type { EligibilityInquiry } from '../../../core/ports.js';
import { createHttpPayerGateway, type HttpPayerGatewayOptions } from './http-payer-gateway.js';
import { PayerConfigurationError } from './payer-credentials.js';
import { normalizePayerDocument } from '../normalize-payer-document.js';
import { coreFields, SYNTHETIC_999_REJECT, syntheticMultipartEnvelope, syntheticSoapEnvelope } from '../../../../test/support/core-envelopes.js';

const PAYER = 'https://payer.test';
const fixture = (name: string) => readFileSync(new URL(`../../../../fixtures/sandbox/responses/${name}`, import.meta.url), 'utf8');
const ACTIVE_271 = fixture('sandbox-ppo-active.271');
const AAA72_271 = fixture('sandbox-ppo-invalid-member-id.271');
const AAA42_271 = fixture('sandbox-ppo-subscriber-not-found.271').replace('AAA*N**75*C', 'AAA*Y**42*R');

/** A synthetic inquiry: obviously fake person, the well-known test NPI. */
const inquiry: EligibilityInquiry = {
  payerId: 'acme-x12',
  provider: { npi: '1234567893', organizationName: 'SANDBOX BEHAVIORAL HEALTH CLINIC' },
  subscriber: { memberId: 'SBX-PHI-CANARY-77', firstName: 'CANARYFIRST', lastName: 'CANARYLAST', dateOfBirth: '1985-01-01' },
  dateOfService: '2026-01-05',
  serviceTypes: ['30', 'MH', 'CH'],
};

function payerEntry(overrides: Record<string, unknown> = {}, connection: Record<string, unknown> = {}): PayerEntry {
  return payerEntrySchema.parse({
    id: 'acme-x12',
    name: 'Acme Test Health',
    format: 'x12-271',
    transactions: ['270/271'],
    crosswalk: [{ system: 'clearinghouse', id: 'ACMECH' }],
    ...overrides,
    connection: {
      endpoint: `${PAYER}/eligibility`,
      x12: { senderId: 'CLINIC', receiverId: 'ACME', usageIndicator: 'T' },
      timeouts: { connectMs: 200, headersMs: 1000, bodyMs: 1000, overallMs: 1500 },
      retry: { attempts: 3, baseDelayMs: 5, maxDelayMs: 20 },
      circuitBreaker: { failureThreshold: 50, openMs: 200 },
      ...connection,
    },
  });
}

/** Captures log lines so tests can check what was (and was not) logged. */
function captureLogger() {
  const lines: Array<Record<string, unknown> & { msg: string }> = [];
  return {
    lines,
    logger: {
      info: (fields: Record<string, unknown>, msg: string) => lines.push({ ...fields, msg }),
      warn: (fields: Record<string, unknown>, msg: string) => lines.push({ ...fields, msg }),
    },
  };
}

function gateway(entry: PayerEntry, options: Partial<HttpPayerGatewayOptions> = {}) {
  const created = createHttpPayerGateway(entry, { env: {}, random: () => 0.5, ...options });
  t.teardown(() => created.close());
  return created;
}

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    if (isDomainError(error)) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

t.before(() => nock.disableNetConnect());
t.afterEach(() => {
  nock.cleanAll();
});
t.teardown(() => nock.enableNetConnect());

t.test('posts an X12 270 as application/edi-x12 and returns the 271 text untouched', async (t) => {
  let sent = '';
  let contentType: string | string[] | undefined;
  nock(PAYER)
    .post('/eligibility', (body: unknown) => {
      sent = String(body);
      return true;
    })
    .reply(function () {
      contentType = this.req.headers['content-type'];
      return [200, ACTIVE_271, { 'content-type': 'application/edi-x12' }];
    });
  const response = await gateway(payerEntry()).fetchEligibility(inquiry);
  t.equal(response.format, 'x12-271');
  t.equal(response.body, ACTIVE_271);
  t.match(sent, /^ISA\*/);
  t.match(sent, /ST\*270\*/);
  t.equal(contentType, 'application/edi-x12');
});

t.test('uses the content type the directory configures for a payer that wants text/plain', async (t) => {
  let contentType: string | string[] | undefined;
  nock(PAYER)
    .post('/eligibility')
    .reply(function () {
      contentType = this.req.headers['content-type'];
      return [200, ACTIVE_271];
    });
  await gateway(payerEntry({}, { contentType: 'text/plain' })).fetchEligibility(inquiry);
  t.equal(contentType, 'text/plain');
});

t.test('a raw-X12 endpoint that speaks JSON gets { x12 } and its answer is unwrapped (Stedi and Optum raw-x12)', async (t) => {
  let sent: unknown;
  let contentType: string | string[] | undefined;
  nock(PAYER)
    .post('/eligibility', (body: unknown) => {
      sent = body;
      return true;
    })
    .reply(function () {
      contentType = this.req.headers['content-type'];
      return [200, JSON.stringify({ x12: ACTIVE_271, meta: { traceId: 'synthetic' } }), { 'content-type': 'application/json' }];
    });
  const entry = payerEntry({}, { x12: { senderId: 'CLINIC', receiverId: 'ACME', usageIndicator: 'T', wrapper: 'json', receiverIdQualifier: '01', applicationReceiverCode: 'ACMEAPP' } });
  const response = await gateway(entry).fetchEligibility(inquiry);
  t.equal(contentType, 'application/json');
  const x12 = (sent as { x12?: unknown }).x12;
  t.match(x12, /^ISA\*00\*.{10}\*00\*.{10}\*ZZ\*CLINIC {9}\*01\*ACME {11}\*/, 'the 270 travels in the x12 field, with the receiver id qualifier configured');
  t.match(x12, /~\n?GS\*HS\*CLINIC\*ACMEAPP\*/, 'and the configured GS03');
  t.equal(response.body, ACTIVE_271, 'the 271 is the x12 field of the answer');
  t.equal(normalizePayerDocument(response.body, 'x12-271').coverages[0]?.eligibility.status, 'active');

  nock(PAYER).post('/eligibility').reply(200, JSON.stringify({ errors: [] }), { 'content-type': 'application/json' });
  const missing = await rejection(gateway(entry).fetchEligibility(inquiry));
  t.equal(missing.code, 'payer.malformed-response');
  t.match(missing.message, /JSON without an x12 field/);
});

t.test('posts a FHIR CoverageEligibilityRequest and returns the CoverageEligibilityResponse JSON', async (t) => {
  const answer = fixture('sandbox-fhir-active.json');
  let sent: { resourceType?: string } = {};
  let contentType: string | string[] | undefined;
  nock(PAYER)
    .post('/eligibility', (body: { resourceType?: string }) => {
      sent = body;
      return true;
    })
    .reply(function () {
      contentType = this.req.headers['content-type'];
      return [200, answer, { 'content-type': 'application/fhir+json' }];
    });
  const response = await gateway(payerEntry({ format: 'fhir-r4', transactions: ['CoverageEligibilityRequest'] })).fetchEligibility(inquiry);
  t.equal(sent.resourceType, 'CoverageEligibilityRequest');
  t.equal(contentType, 'application/fhir+json');
  t.equal(response.format, 'fhir-r4');
  t.equal(response.body, answer);
});

t.test('posts clearinghouse JSON with the crosswalked trading partner id', async (t) => {
  const answer = fixture('sandbox-clearinghouse-active.json');
  let sent: { tradingPartnerServiceId?: string; controlNumber?: string } = {};
  nock(PAYER)
    .post('/eligibility', (body: typeof sent) => {
      sent = body;
      return true;
    })
    .reply(200, answer, { 'content-type': 'application/json' });
  const response = await gateway(payerEntry({ format: 'clearinghouse-json', transactions: ['eligibility'] })).fetchEligibility(inquiry);
  t.equal(sent.tradingPartnerServiceId, 'ACMECH');
  t.match(sent.controlNumber, /^\d{9}$/);
  t.equal(response.format, 'clearinghouse-json');
  t.equal(response.body, answer);
});

t.test('gives up with payer.timeout when the payer is slower than the deadline', async (t) => {
  nock(PAYER).post('/eligibility').delay(1_000).reply(200, ACTIVE_271);
  const started = performance.now();
  const error = await rejection(gateway(payerEntry({}, { timeouts: { connectMs: 100, headersMs: 150, bodyMs: 150, overallMs: 150 } })).fetchEligibility(inquiry));
  t.equal(error.code, 'payer.timeout');
  t.equal(error.meta.reason, 'deadline');
  t.equal(error.meta.payerId, 'acme-x12');
  t.ok(performance.now() - started < 700, 'fails near the deadline, not when the payer finally answers');
});

t.test('reports a caller cancellation as payer.timeout with reason "cancelled"', async (t) => {
  nock(PAYER).post('/eligibility').delay(1_000).reply(200, ACTIVE_271);
  const error = await rejection(gateway(payerEntry()).fetchEligibility(inquiry, { signal: AbortSignal.timeout(50) }));
  t.equal(error.code, 'payer.timeout');
  t.equal(error.meta.reason, 'cancelled');
});

t.test('retries a 503 and returns the answer that follows', async (t) => {
  const { lines, logger } = captureLogger();
  nock(PAYER).post('/eligibility').reply(503, 'down').post('/eligibility').reply(200, ACTIVE_271);
  const response = await gateway(payerEntry(), { logger }).fetchEligibility(inquiry);
  t.equal(response.body, ACTIVE_271);
  t.match(lines.at(-1), { msg: 'payer answered', attempts: 2, outcome: 'ok' });
});

t.test('gives up with payer.unavailable after the configured attempts of 502/503/504', async (t) => {
  nock(PAYER).post('/eligibility').reply(502).post('/eligibility').reply(503).post('/eligibility').reply(504);
  const error = await rejection(gateway(payerEntry()).fetchEligibility(inquiry));
  t.equal(error.code, 'payer.unavailable');
  t.equal(error.meta.attempts, 3);
  t.equal(error.meta.httpStatus, 504);
});

t.test('waits as long as a 429 Retry-After asks before trying again', async (t) => {
  nock(PAYER).post('/eligibility').reply(429, '', { 'retry-after': '1' }).post('/eligibility').reply(200, ACTIVE_271);
  const started = performance.now();
  const response = await gateway(payerEntry({}, { timeouts: { connectMs: 200, headersMs: 1000, bodyMs: 1000, overallMs: 3000 } })).fetchEligibility(inquiry);
  t.equal(response.body, ACTIVE_271);
  t.ok(performance.now() - started >= 950, 'honoured the one-second Retry-After');
});

t.test('fails at once with the Retry-After in its metadata when the wait would pass the deadline', async (t) => {
  nock(PAYER).post('/eligibility').reply(429, '', { 'retry-after': '30' });
  const started = performance.now();
  const error = await rejection(gateway(payerEntry()).fetchEligibility(inquiry));
  t.equal(error.code, 'payer.unavailable');
  t.equal(error.meta.httpStatus, 429);
  t.equal(error.meta.retryAfterSeconds, 30);
  t.equal(error.meta.attempts, 1);
  t.ok(performance.now() - started < 500, 'did not sleep towards a wait it could never finish');
});

t.test('retries a reset connection and reports payer.unavailable when it keeps failing', async (t) => {
  nock(PAYER)
    .post('/eligibility')
    .times(3)
    .replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
  const error = await rejection(gateway(payerEntry()).fetchEligibility(inquiry));
  t.equal(error.code, 'payer.unavailable');
  t.equal(error.meta.networkError, 'ECONNRESET');
  t.equal(error.meta.attempts, 3);
});

t.test('recovers when a connection error is followed by an answer', async (t) => {
  nock(PAYER)
    .post('/eligibility')
    .replyWithError(Object.assign(new Error('connect refused'), { code: 'ECONNREFUSED' }))
    .post('/eligibility')
    .reply(200, ACTIVE_271);
  const response = await gateway(payerEntry()).fetchEligibility(inquiry);
  t.equal(response.body, ACTIVE_271);
});

t.test('reports an empty 200 as payer.malformed-response without retrying', async (t) => {
  nock(PAYER).post('/eligibility').reply(200, '');
  const error = await rejection(gateway(payerEntry()).fetchEligibility(inquiry));
  t.equal(error.code, 'payer.malformed-response');
  t.equal(error.meta.attempts, 1);
});

t.test('reports an HTML error page from a proxy as payer.malformed-response', async (t) => {
  nock(PAYER).post('/eligibility').reply(200, '<!DOCTYPE html><html><body>Bad gateway</body></html>', { 'content-type': 'text/html' });
  const error = await rejection(gateway(payerEntry()).fetchEligibility(inquiry));
  t.equal(error.code, 'payer.malformed-response');
});

t.test('reports unparseable JSON from a FHIR payer as payer.malformed-response', async (t) => {
  nock(PAYER).post('/eligibility').reply(200, '{"resourceType": "CoverageEligibilityRes', { 'content-type': 'application/fhir+json' });
  const error = await rejection(gateway(payerEntry({ format: 'fhir-r4', transactions: ['CER'] })).fetchEligibility(inquiry));
  t.equal(error.code, 'payer.malformed-response');
});

t.test('retries an X12 AAA 42 "unable to respond at current time" and returns the next answer', async (t) => {
  nock(PAYER).post('/eligibility').reply(200, AAA42_271).post('/eligibility').reply(200, ACTIVE_271);
  const response = await gateway(payerEntry()).fetchEligibility(inquiry);
  t.equal(response.body, ACTIVE_271);
});

t.test('reports payer.unavailable with aaaCode 42 when the payer never becomes able to respond', async (t) => {
  nock(PAYER).post('/eligibility').times(3).reply(200, AAA42_271);
  const error = await rejection(gateway(payerEntry()).fetchEligibility(inquiry));
  t.equal(error.code, 'payer.unavailable');
  t.equal(error.meta.aaaCode, '42');
  t.equal(error.meta.attempts, 3);
});

t.test('retries a clearinghouse JSON answer whose errors carry code 42', async (t) => {
  const busy = JSON.stringify({ errors: [{ field: 'AAA', code: '42', description: 'Unable to Respond at Current Time', followupAction: 'Please Resubmit Original Transaction' }] });
  const answer = fixture('sandbox-clearinghouse-active.json');
  nock(PAYER).post('/eligibility').reply(200, busy).post('/eligibility').reply(200, answer);
  const response = await gateway(payerEntry({ format: 'clearinghouse-json', transactions: ['eligibility'] })).fetchEligibility(inquiry);
  t.equal(response.body, answer);
});

t.test('returns an AAA 72 rejection as a normal answer without retrying, since it is definitive', async (t) => {
  nock(PAYER).post('/eligibility').reply(200, AAA72_271);
  const response = await gateway(payerEntry()).fetchEligibility(inquiry);
  t.equal(response.body, AAA72_271);
});

t.test('reports a 400 as payer.rejected without retrying', async (t) => {
  nock(PAYER).post('/eligibility').reply(400, 'bad request');
  const error = await rejection(gateway(payerEntry()).fetchEligibility(inquiry));
  t.equal(error.code, 'payer.rejected');
  t.equal(error.meta.httpStatus, 400);
  t.equal(error.meta.attempts, 1);
});

t.test('reports a 999 rejection acknowledgement as payer.rejected', async (t) => {
  const ack =
    'ISA*00*          *00*          *ZZ*ACME           *ZZ*CLINIC         *260105*0930*^*00501*000000001*0*T*:~' +
    'GS*FA*ACME*CLINIC*20260105*0930*1*X*005010X231A1~ST*999*0001*005010X231A1~AK1*HS*1*005010X279A1~AK9*R*1*1*0~SE*4*0001~GE*1*1~IEA*1*000000001~';
  nock(PAYER).post('/eligibility').reply(200, ack);
  const error = await rejection(gateway(payerEntry()).fetchEligibility(inquiry));
  t.equal(error.code, 'payer.rejected');
});

t.test('accepts a 271 wrapped in a CAQH CORE SOAP envelope from an X12 payer and keeps the envelope for the reader', async (t) => {
  const envelope = syntheticSoapEnvelope({ payloadXml: `<![CDATA[${ACTIVE_271}]]>` });
  nock(PAYER).post('/eligibility').reply(200, envelope, { 'content-type': 'application/soap+xml; charset=utf-8' });
  const response = await gateway(payerEntry()).fetchEligibility(inquiry);
  t.equal(response.format, 'x12-271');
  t.equal(response.body, envelope, 'stored as received; the reader unwraps it');
  const coverages = normalizePayerDocument(response.body, response.format).coverages;
  t.equal(coverages[0]?.eligibility.status, 'active');
  t.ok(coverages[0]?.warnings.some((w) => w.code === 'core-envelope.unwrapped'));
});

t.test('accepts a 271 in a CAQH CORE HTTP MIME multipart envelope, boundary from the content type', async (t) => {
  const boundary = 'SyntheticCoreBoundary';
  const body = syntheticMultipartEnvelope(boundary, coreFields(ACTIVE_271));
  nock(PAYER).post('/eligibility').reply(200, body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
  const response = await gateway(payerEntry()).fetchEligibility(inquiry);
  t.equal(normalizePayerDocument(response.body, response.format).coverages[0]?.eligibility.status, 'active');
});

t.test('reports a CAQH CORE envelope ErrorCode as payer.rejected naming the code, and retries ServerBusy', async (t) => {
  const phi = 'Subscriber CANARYLAST SBX-PHI-CANARY-77 unknown';
  nock(PAYER).post('/eligibility').reply(200, syntheticSoapEnvelope({ payloadType: 'CoreEnvelopeError', errorCode: 'SenderIDNotAuthorized', errorMessage: phi }));
  const rejected = await rejection(gateway(payerEntry()).fetchEligibility(inquiry));
  t.equal(rejected.code, 'payer.rejected');
  t.match(rejected.meta, { coreErrorCode: 'SenderIDNotAuthorized', attempts: 1, httpStatus: 200 });
  t.notMatch(rejected.message, /CANARY/);

  nock(PAYER)
    .post('/eligibility')
    .reply(200, syntheticSoapEnvelope({ errorCode: 'ServerBusy' }))
    .post('/eligibility')
    .reply(200, syntheticSoapEnvelope({ payloadXml: `<![CDATA[${ACTIVE_271}]]>` }));
  const recovered = await gateway(payerEntry()).fetchEligibility(inquiry);
  t.match(recovered.body, /COREEnvelopeRealTimeResponse/);

  nock(PAYER).post('/eligibility').times(3).reply(200, syntheticSoapEnvelope({ errorCode: 'TimeOut' }));
  const busy = await rejection(gateway(payerEntry()).fetchEligibility(inquiry));
  t.equal(busy.code, 'payer.unavailable');
  t.match(busy.meta, { coreErrorCode: 'TimeOut', attempts: 3 });
});

t.test('reports a 999 rejection inside a CAQH CORE envelope as payer.rejected', async (t) => {
  nock(PAYER).post('/eligibility').reply(200, syntheticSoapEnvelope({ payloadType: 'X12_999_Response_005010X231A1', payloadXml: `<![CDATA[${SYNTHETIC_999_REJECT}]]>` }));
  const error = await rejection(gateway(payerEntry()).fetchEligibility(inquiry));
  t.equal(error.code, 'payer.rejected');
  t.match(error.message, /999/);
});

t.test('reports a truncated CAQH CORE envelope, or one around something that is not X12, as payer.malformed-response with a reason', async (t) => {
  const envelope = syntheticSoapEnvelope({ payloadXml: `<![CDATA[${ACTIVE_271}]]>` });
  nock(PAYER).post('/eligibility').reply(200, envelope.slice(0, envelope.indexOf('EB*')));
  const truncated = await rejection(gateway(payerEntry()).fetchEligibility(inquiry));
  t.equal(truncated.code, 'payer.malformed-response');
  t.match(truncated.message, /unreadable CAQH CORE envelope \(the envelope is truncated/);
  t.equal(truncated.meta.attempts, 1);

  nock(PAYER).post('/eligibility').reply(200, syntheticSoapEnvelope({ payloadXml: 'not an interchange' }));
  const notX12 = await rejection(gateway(payerEntry()).fetchEligibility(inquiry));
  t.equal(notX12.code, 'payer.malformed-response');
  t.match(notX12.message, /not an X12 interchange/);
});

t.test('sends the API key header named in the directory, read from the environment', async (t) => {
  let key: string | string[] | undefined;
  nock(PAYER)
    .post('/eligibility')
    .reply(function () {
      key = this.req.headers['x-payer-key'];
      return [200, ACTIVE_271];
    });
  const entry = payerEntry({}, { auth: { type: 'api-key', header: 'X-Payer-Key', keyEnv: 'ACME_KEY' } });
  await gateway(entry, { env: { ACME_KEY: 'test-key-123' } }).fetchEligibility(inquiry);
  t.equal(key, 'test-key-123');
});

t.test('refuses to start when a secret variable is missing, naming the variable but not any value', async (t) => {
  const entry = payerEntry({}, { auth: { type: 'basic', usernameEnv: 'ACME_USER', passwordEnv: 'ACME_PASSWORD' } });
  t.throws(() => createHttpPayerGateway(entry, { env: { ACME_USER: 'clinic-user-value' } }), PayerConfigurationError);
  try {
    createHttpPayerGateway(entry, { env: { ACME_USER: 'clinic-user-value' } });
  } catch (error) {
    t.match((error as Error).message, /ACME_PASSWORD is not set/);
    t.notMatch((error as Error).message, /clinic-user-value/);
  }
});

t.test('OAuth2 client credentials', async (t) => {
  const oauthEntry = payerEntry({}, {
    auth: { type: 'oauth2-client-credentials', tokenUrl: `${PAYER}/oauth/token`, clientIdEnv: 'ACME_ID', clientSecretEnv: 'ACME_SECRET', scope: 'eligibility' },
  });
  const env = { ACME_ID: 'clinic-id', ACME_SECRET: 'clinic-secret' };
  const bearerOf = (self: { req: { headers: Record<string, string | string[] | undefined> } }) => self.req.headers.authorization;

  t.test('fetches a token once and reuses it across calls', async (t) => {
    const seen: unknown[] = [];
    let tokenForm = '';
    nock(PAYER)
      .post('/oauth/token', (body: unknown) => {
        tokenForm = new URLSearchParams(body as Record<string, string>).toString();
        return true;
      })
      .reply(200, { access_token: 'token-1', token_type: 'Bearer', expires_in: 3600 })
      .post('/eligibility')
      .times(2)
      .reply(function () {
        seen.push(bearerOf(this));
        return [200, ACTIVE_271];
      });
    const payer = gateway(oauthEntry, { env });
    await payer.fetchEligibility(inquiry);
    await payer.fetchEligibility(inquiry);
    t.same(seen, ['Bearer token-1', 'Bearer token-1']);
    t.match(tokenForm, /grant_type=client_credentials/);
    t.match(tokenForm, /scope=eligibility/);
  });

  t.test('fetches a new token once the cached one has expired', async (t) => {
    let now = 1_000_000;
    const seen: unknown[] = [];
    nock(PAYER)
      .post('/oauth/token')
      .reply(200, { access_token: 'token-1', expires_in: 120 })
      .post('/oauth/token')
      .reply(200, { access_token: 'token-2', expires_in: 120 })
      .post('/eligibility')
      .times(3)
      .reply(function () {
        seen.push(bearerOf(this));
        return [200, ACTIVE_271];
      });
    const payer = gateway(oauthEntry, { env, nowMs: () => now });
    await payer.fetchEligibility(inquiry);
    now += 60_000; // still valid (120 s life, refreshed 30 s early)
    await payer.fetchEligibility(inquiry);
    now += 60_000; // past expiry minus skew
    await payer.fetchEligibility(inquiry);
    t.same(seen, ['Bearer token-1', 'Bearer token-1', 'Bearer token-2']);
  });

  t.test('refreshes the token once when the payer answers 401, then succeeds', async (t) => {
    const seen: unknown[] = [];
    nock(PAYER)
      .post('/oauth/token')
      .reply(200, { access_token: 'revoked', expires_in: 3600 })
      .post('/oauth/token')
      .reply(200, { access_token: 'fresh', expires_in: 3600 })
      .post('/eligibility')
      .reply(function () {
        seen.push(bearerOf(this));
        return [401, ''];
      })
      .post('/eligibility')
      .reply(function () {
        seen.push(bearerOf(this));
        return [200, ACTIVE_271];
      });
    const response = await gateway(oauthEntry, { env }).fetchEligibility(inquiry);
    t.equal(response.body, ACTIVE_271);
    t.same(seen, ['Bearer revoked', 'Bearer fresh']);
  });

  t.test('reports payer.rejected when the fresh token is refused too', async (t) => {
    nock(PAYER)
      .post('/oauth/token')
      .times(2)
      .reply(200, { access_token: 'never-good', expires_in: 3600 })
      .post('/eligibility')
      .times(2)
      .reply(401, '');
    const error = await rejection(gateway(oauthEntry, { env }).fetchEligibility(inquiry));
    t.equal(error.code, 'payer.rejected');
    t.equal(error.meta.httpStatus, 401);
    t.equal(error.meta.attempts, 2);
  });

  t.test('reports payer.rejected when the token endpoint refuses our credentials', async (t) => {
    nock(PAYER).post('/oauth/token').reply(401, { error: 'invalid_client' });
    const error = await rejection(gateway(oauthEntry, { env }).fetchEligibility(inquiry));
    t.equal(error.code, 'payer.rejected');
    t.equal(error.meta.stage, 'token');
  });
});

t.test('keeps no more calls in flight than maxConcurrent and queues the rest', async (t) => {
  let inFlight = 0;
  let peak = 0;
  nock(PAYER)
    .post('/eligibility')
    .times(5)
    .reply(async () => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 60));
      inFlight -= 1;
      return [200, ACTIVE_271];
    });
  const payer = gateway(payerEntry({}, { maxConcurrent: 2 }));
  const responses = await Promise.all(Array.from({ length: 5 }, () => payer.fetchEligibility(inquiry)));
  t.equal(responses.length, 5);
  t.equal(peak, 2, 'two at a time, never more');
});

t.test('opens the circuit after repeated failures, fails fast, then lets one trial through', async (t) => {
  nock(PAYER).post('/eligibility').times(2).reply(500, 'boom');
  const payer = gateway(payerEntry({}, { circuitBreaker: { failureThreshold: 2, openMs: 150 } }));
  t.equal(payer.getCircuitState(), 'closed');
  t.equal((await rejection(payer.fetchEligibility(inquiry))).code, 'payer.unavailable');
  t.equal((await rejection(payer.fetchEligibility(inquiry))).code, 'payer.unavailable');
  t.equal(payer.getCircuitState(), 'open');
  const fast = await rejection(payer.fetchEligibility(inquiry)); // no interceptor: it must not touch the network
  t.equal(fast.code, 'payer.circuit-open');
  t.equal(fast.meta.attempts, 0);
  await new Promise((resolve) => setTimeout(resolve, 170));
  t.equal(payer.getCircuitState(), 'half-open');
  nock(PAYER).post('/eligibility').reply(200, ACTIVE_271);
  await payer.fetchEligibility(inquiry);
  t.equal(payer.getCircuitState(), 'closed');
});

t.test('reopens the circuit when the half-open trial fails', async (t) => {
  nock(PAYER).post('/eligibility').times(2).reply(500, 'boom');
  const payer = gateway(payerEntry({}, { circuitBreaker: { failureThreshold: 1, openMs: 100 } }));
  await rejection(payer.fetchEligibility(inquiry));
  await new Promise((resolve) => setTimeout(resolve, 120));
  t.equal(payer.getCircuitState(), 'half-open');
  await rejection(payer.fetchEligibility(inquiry));
  t.equal(payer.getCircuitState(), 'open');
});

t.test('does not open the circuit for definitive rejections', async (t) => {
  nock(PAYER).post('/eligibility').times(3).reply(404, 'no such member endpoint');
  const payer = gateway(payerEntry({}, { circuitBreaker: { failureThreshold: 2, openMs: 1000 } }));
  for (let i = 0; i < 3; i += 1) t.equal((await rejection(payer.fetchEligibility(inquiry))).code, 'payer.rejected');
  t.equal(payer.getCircuitState(), 'closed');
});

t.test('never logs member ids, names or dates of birth, even on failures', async (t) => {
  const { lines, logger } = captureLogger();
  nock(PAYER).post('/eligibility').reply(503).post('/eligibility').reply(400, 'SBX-PHI-CANARY-77 is not valid');
  await rejection(gateway(payerEntry(), { logger }).fetchEligibility(inquiry));
  const logged = JSON.stringify(lines);
  t.ok(lines.length >= 2, 'something was logged');
  t.notMatch(logged, /CANARY|1985-01-01|19850101/);
});

t.test('a 271 carrying another of our trace numbers is another member\'s answer: refused, not retried, never returned', async (t) => {
  const sentTraces: { number: string; originator: string }[] = [];
  const answerWith = (trn: (sent: { number: string; originator: string }) => string) => (_uri: string, body: nock.Body) => {
    const [, number = '', originator = ''] = /TRN\*1\*(\d+)\*([A-Z0-9]+)/.exec(typeof body === 'string' ? body : JSON.stringify(body)) ?? [];
    const sent = { number, originator };
    sentTraces.push(sent);
    return [200, ACTIVE_271.replace(/TRN\*2\*[^~]*~/, `${trn(sent)}~`), { 'content-type': 'application/edi-x12' }] as [number, string, Record<string, string>];
  };

  nock(PAYER).post('/eligibility').reply(answerWith((sent) => `TRN*2*${String(Number(sent.number) + 7).padStart(9, '0')}*${sent.originator}`));
  const misrouted = await rejection(gateway(payerEntry()).fetchEligibility(inquiry));
  t.equal(misrouted.code, 'payer.malformed-response');
  t.match(misrouted.meta, { reason: 'trace-mismatch', attempts: 1 }, 'asked once: a misrouted answer is not retried');
  t.notMatch(misrouted.message, /SBX|CANARY/);
  t.match(sentTraces[0], { number: /^\d{9}$/, originator: '9CLINIC000' });

  nock(PAYER).post('/eligibility').reply(answerWith((sent) => `TRN*2*${sent.number}*${sent.originator}`));
  t.equal((await gateway(payerEntry()).fetchEligibility(inquiry)).format, 'x12-271', 'our own trace echoed');

  nock(PAYER).post('/eligibility').reply(answerWith((sent) => `TRN*2*${Number(sent.number)}*${sent.originator}~TRN*1*CH-998877*9CLEARHOUS`));
  t.equal((await gateway(payerEntry()).fetchEligibility(inquiry)).format, 'x12-271', 'leading zeros dropped, plus a clearinghouse trace of its own');

  nock(PAYER).post('/eligibility').reply(answerWith(() => 'TRN*2*445566*9OTHERPAYR'));
  t.equal((await gateway(payerEntry()).fetchEligibility(inquiry)).format, 'x12-271', 'a trace that is not ours cannot be judged');
});
