/**
 * A real payer over HTTP, end to end: the app sends a 270 to a local X12 payer on 127.0.0.1, reads
 * its 271, caches it, and when the payer then fails, serves the cached answer flagged as stale.
 */
import t, { type Test } from 'tap';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildTestApp } from './support/build-test-app.js';
import { PACKAGE_ROOT } from '../src/server.js';
import { latestDateEveryUsPayerHasReached } from '../src/use-cases/verify-coverage.js';

const answer = readFileSync(path.join(PACKAGE_ROOT, 'fixtures/sandbox/responses/sandbox-ppo-active.271'), 'utf8');

/** A payer on 127.0.0.1 that answers each 270 (its body) with what `reply` returns; closed at teardown. */
async function startPayer(t: Test, reply: (body: string) => { status: number; body?: string }): Promise<string> {
  const payer = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const answer = reply(body);
      response.writeHead(answer.status, answer.body === undefined ? {} : { 'content-type': 'application/edi-x12' }).end(answer.body);
    });
  });
  await new Promise<void>((resolve) => payer.listen(0, '127.0.0.1', resolve));
  t.teardown(() => new Promise<void>((resolve) => payer.close(() => resolve())));
  return `http://127.0.0.1:${(payer.address() as { port: number }).port}/270`;
}

/** A payer directory file holding one X12 payer at `endpoint`, with extra connection settings. */
function directoryWith(id: string, endpoint: string, connection: Record<string, unknown> = {}, aliases: string[] = []): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'ce-live-')), 'payers.json');
  writeFileSync(file, JSON.stringify({
    payers: [{
      id, name: `Payer ${id}`, aliases, format: 'x12-271', transactions: ['270/271'],
      connection: { endpoint, x12: { senderId: 'CLINIC01', receiverId: 'LOOPBACK' }, ...connection },
    }],
  }));
  return file;
}

const member = {
  provider: { npi: '1234567893', organizationName: 'Example Behavioral Clinic' },
  subscriber: { memberId: 'SBX-PPO-0001', firstName: 'ALEX', lastName: 'SANDBOX', dateOfBirth: '1985-01-01' },
};

t.test('a live X12 payer is asked once, cached, and a stale answer is served while it is down', async (t) => {
  let mode: 'ok' | 'down' = 'ok';
  const received: string[] = [];
  const endpoint = await startPayer(t, (body) => {
    received.push(body);
    return mode === 'down' ? { status: 503 } : { status: 200, body: answer };
  });
  const directory = directoryWith('loopback-payer', endpoint, {
    auth: { type: 'none' },
    retry: { attempts: 2, baseDelayMs: 10, maxDelayMs: 20 },
    timeouts: { connectMs: 1000, headersMs: 2000, bodyMs: 2000, overallMs: 3000 },
    // Fresh for 0 seconds: every check asks the payer, so the outage below is seen at once.
    cache: { freshSeconds: 0 },
  }, ['LOOP']);
  const { app, audit } = await buildTestApp({ PAYER_DIRECTORY_FILE: directory });
  t.teardown(() => app.close());
  const payload = { payerId: 'LOOP', ...member, dateOfService: '2026-12-01', levelOfCare: 'iop-mental-health' };

  const first = await app.inject({ method: 'POST', url: '/v1/eligibility', payload });
  t.equal(first.statusCode, 200);
  t.equal(first.json().source.cache, 'miss');
  t.equal(first.json().coverage.eligibility.status, 'active');
  t.equal(received.length, 1);
  t.match(received[0], /^ISA\*/, 'the payer received an X12 270');
  t.match(received[0], /ST\*270\*/);
  t.match(received[0], /EQ\*[^~]*\b30\b/, 'asking for plan level 30 with the level of care service types');
  t.match(received[0], /EQ\*[^~]*CH/);

  mode = 'down';
  const stale = await app.inject({ method: 'POST', url: '/v1/eligibility', payload });
  t.equal(stale.statusCode, 200, 'intake goes on while the payer is down');
  t.equal(stale.json().source.cache, 'stale');
  t.equal(stale.json().source.stale, true);
  t.match(stale.headers.warning, /stale/);
  t.ok(received.length >= 2, 'the payer was asked again (and retried)');

  const fresh = await app.inject({ method: 'POST', url: '/v1/eligibility', headers: { 'cache-control': 'no-cache' }, payload });
  t.equal(fresh.statusCode, 503, 'asking for a fresh answer while the payer is down is a clear 503');
  t.match(fresh.json(), { code: 'payer.unavailable', meta: { payerId: 'loopback-payer' } });
  t.notMatch(fresh.body, /SBX-PPO-0001|SANDBOX/);
  t.equal(audit.records().filter((e) => e.event === 'eligibility.check').length, 3, 'every check is audited');
});

t.test('a payer set to one service type per inquiry is asked once per service type, and its answers are merged and cached', async (t) => {
  // Answers only the service type it was asked first, as many payers do: the IOP copay comes only
  // when CH is asked on its own.
  const mentalHealthFacility = answer
    .replace(/EB\*1\*IND\*[^~]*~/, 'EB*1*IND*CH*PR*SANDBOX PPO GOLD~EB*B*IND*CH*PR**7*35****Y*Y~')
    .replace(/EB\*[ACG]\*[^~]*~\s*/g, '');
  const received: string[][] = [];
  const endpoint = await startPayer(t, (body) => {
    const asked = /EQ\*([^~*]*)/.exec(body)?.[1]?.split('^') ?? [];
    received.push(asked);
    return { status: 200, body: asked[0] === 'CH' ? mentalHealthFacility : answer };
  });
  const { app } = await buildTestApp({ PAYER_DIRECTORY_FILE: directoryWith('first-code-payer', endpoint, { serviceTypesPerInquiry: 1 }) });
  t.teardown(() => app.close());
  const payload = { payerId: 'first-code-payer', ...member, dateOfService: '2026-12-01', levelOfCare: 'iop-mental-health' };

  const first = await app.inject({ method: 'POST', url: '/v1/eligibility', payload });
  t.equal(first.statusCode, 200, first.body);
  t.ok(received.length > 2 && received.every((codes) => codes.length === 1), 'each inquiry carried one service type');
  t.same(received[0], ['30'], 'plan level first');
  t.equal(new Set(received.map((codes) => codes[0])).size, received.length, 'each service type asked once');
  const copay = first.json().levelOfCare.inNetwork.copay;
  t.equal(copay.value.amountCents, 3500, 'the per-day IOP copay from the CH answer');
  t.match(copay.sources[0].pointer, /^answer for CH \//);
  t.equal(first.json().levelOfCare.inNetwork.deductible.individual.remainingCents.value, 30_000, 'the deductible from the plan-level answer');

  const asked = received.length;
  const again = await app.inject({ method: 'POST', url: '/v1/eligibility', payload });
  t.equal(again.json().source.cache, 'hit', 'every part is answered from the cache');
  t.equal(received.length, asked, 'the payer is not asked again');
  t.same(again.json().levelOfCare, first.json().levelOfCare);
});

t.test('a payer that refuses future dates is asked again about today, and the answer names the date it is for', async (t) => {
  const today = latestDateEveryUsPayerHasReached(new Date());
  const nextMonth = new Date(Date.now() + 35 * 86_400_000).toISOString().slice(0, 10);
  const refusal = readFileSync(path.join(PACKAGE_ROOT, 'fixtures/sandbox/responses/sandbox-ppo-invalid-member-id.271'), 'utf8').replace('AAA*N**72*C', 'AAA*Y**63*C');
  const asked: string[] = [];
  const endpoint = await startPayer(t, (body) => {
    const date = /DTP\*291\*D8\*(\d{8})/.exec(body)?.[1] ?? '';
    asked.push(date);
    const iso = `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`;
    return { status: 200, body: iso > today ? refusal : answer };
  });
  const { app } = await buildTestApp({ PAYER_DIRECTORY_FILE: directoryWith('no-future-payer', endpoint) });
  t.teardown(() => app.close());
  const response = await app.inject({
    method: 'POST',
    url: '/v1/eligibility',
    payload: { payerId: 'no-future-payer', ...member, dateOfService: nextMonth, levelOfCare: 'iop-mental-health' },
  });
  t.equal(response.statusCode, 200, response.body);
  t.same(asked, [nextMonth.replaceAll('-', ''), today.replaceAll('-', '')]);
  t.equal(response.json().source.dateOfServiceAsked, today);
  t.equal(response.json().coverage.eligibility.status, 'active');
});
