/**
 * API benchmarks (issue 7):
 * 1. POST /v1/estimates with a warm cache (coverage fetched live from a sandbox member, answered from
 *    the cache) at 50 connections, side by side in the same run with a bare Fastify route that
 *    returns a JSON body of the same size. Target: >= 70% of the bare route's requests per second.
 * 2. A 1,000-member batch against a local X12 payer stub that answers after 200 ms, with a per-payer
 *    limit of 20 concurrent calls. Ideal: 1000 / 20 x 0.2 s = 10 s; target under 12 s.
 * Everything runs on loopback; loops are bounded by duration and count.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { PACKAGE_ROOT, createService } from '../src/server.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 8);

async function startService(env: Record<string, string>) {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '1000000', ...env }, PACKAGE_ROOT);
  const { Writable } = await import('node:stream');
  const sink = new Writable({ write: (_c, _e, cb) => cb() });
  const service = await createService(config, createLogger({ level: 'silent', pretty: false }), { auditDestination: sink });
  await service.app.listen({ host: '127.0.0.1', port: 0 });
  const address = service.app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { service, url: `http://127.0.0.1:${port}` };
}

function run(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(result)));
  });
}

/** Estimate throughput vs a bare Fastify route with a same-size body. */
export async function runEstimateApiBench() {
  const { service, url } = await startService({});
  const body = JSON.stringify({
    payerId: 'sandbox-ppo',
    networkStatus: 'in',
    plan: { levelOfCare: 'iop-mental-health', startDate: '2026-12-07', daysPerWeek: 3, hoursPerDay: 3, weeks: 12 },
    eligibility: { payerId: 'sandbox-ppo', provider: { npi: '1234567893' }, subscriber: { memberId: 'SBX-PPO-0001', dateOfBirth: '1985-01-01' }, dateOfService: '2026-12-07' },
  });
  const headers = { 'content-type': 'application/json' };
  const first = await fetch(`${url}/v1/estimates`, { method: 'POST', headers, body });
  const sample = await first.text();
  if (first.status !== 200) throw new Error(`estimate failed: ${first.status} ${sample.slice(0, 200)}`);

  // Two baselines: one sends the body as a ready string (the floor), one returns the same object and
  // lets Fastify serialize it, as a route with no work but a JSON answer would.
  const sampleObject = JSON.parse(sample) as object;
  const bare = Fastify({ logger: false });
  bare.post('/bare', async (_request, reply) => reply.type('application/json').send(sample));
  bare.post('/bare-object', async () => sampleObject);
  await bare.listen({ host: '127.0.0.1', port: 0 });
  const barePort = (bare.server.address() as { port: number }).port;

  const common = { connections: 50, duration: DURATION_S, method: 'POST' as const, headers, body };
  const estimate = await run({ ...common, url: `${url}/v1/estimates` });
  const baseline = await run({ ...common, url: `http://127.0.0.1:${barePort}/bare` });
  const baselineObject = await run({ ...common, url: `http://127.0.0.1:${barePort}/bare-object` });
  await bare.close();
  await service.close();
  return {
    responseBytes: Buffer.byteLength(sample),
    estimate: { requestsPerSec: estimate.requests.average, p50Ms: estimate.latency.p50, p99Ms: estimate.latency.p99, errors: estimate.errors + estimate.non2xx },
    bare: { requestsPerSec: baseline.requests.average, p50Ms: baseline.latency.p50, p99Ms: baseline.latency.p99 },
    bareObject: { requestsPerSec: baselineObject.requests.average, p50Ms: baselineObject.latency.p50, p99Ms: baselineObject.latency.p99 },
    ratio: estimate.requests.average / baseline.requests.average,
    ratioToObjectRoute: estimate.requests.average / baselineObject.requests.average,
  };
}

/** A 1,000-member batch against a 200 ms X12 payer stub limited to 20 concurrent calls. */
export async function runBatchBench() {
  const answer = readFileSync(path.join(PACKAGE_ROOT, 'fixtures/sandbox/responses/sandbox-ppo-active.271'), 'utf8');
  // The payer stub runs in its own thread, as a real payer runs on its own machine: its work must
  // not be billed to the service's event loop.
  const stub = new Worker(
    `const { createServer } = require('node:http');
     const { parentPort, workerData } = require('node:worker_threads');
     let inFlight = 0, peak = 0, calls = 0;
     const server = createServer((request, response) => {
       request.resume();
       inFlight++; calls++; peak = Math.max(peak, inFlight);
       setTimeout(() => { inFlight--; response.writeHead(200, { 'content-type': 'application/edi-x12' }).end(workerData.answer); }, workerData.delayMs);
     });
     server.listen(0, '127.0.0.1', () => parentPort.postMessage({ port: server.address().port }));
     parentPort.on('message', () => parentPort.postMessage({ calls, peak }));`,
    { eval: true, workerData: { answer, delayMs: Number(process.env.BENCH_STUB_DELAY_MS ?? 200) } },
  );
  const stubPort = await new Promise<number>((resolve) => stub.once('message', (m: { port: number }) => resolve(m.port)));
  const dir = mkdtempSync(path.join(tmpdir(), 'ce-bench-'));
  const directory = path.join(dir, 'payers.json');
  writeFileSync(directory, JSON.stringify({
    payers: [{
      id: 'bench-payer', name: 'Bench Payer', aliases: [], format: 'x12-271', transactions: ['270/271'], sandbox: false,
      connection: {
        endpoint: `http://127.0.0.1:${stubPort}/270`,
        auth: { type: 'none' },
        x12: { senderId: 'CLINIC01', receiverId: 'BENCH' },
        timeouts: { connectMs: 2000, headersMs: 10000, bodyMs: 10000, overallMs: 15000 },
        maxConcurrent: 20,
        retry: { attempts: 1, baseDelayMs: 100, maxDelayMs: 100 },
        circuitBreaker: { failureThreshold: 50, openMs: 1000 },
      },
    }],
  }));
  const { service, url } = await startService({ PAYER_DIRECTORY_FILE: directory, BATCH_MAX_CONCURRENCY: '100' });
  const items = Array.from({ length: 1000 }, (_, i) => ({
    reference: `m${i}`,
    check: { payerId: 'bench-payer', provider: { npi: '1234567893', organizationName: 'Example Behavioral Clinic' }, subscriber: { memberId: `BENCH${String(i).padStart(6, '0')}` }, dateOfService: '2026-12-01' },
  }));
  const started = performance.now();
  const response = await fetch(`${url}/v1/eligibility/batch`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ items }) });
  const result = (await response.json()) as { summary: { succeeded: number; failed: number }; results: { problem?: unknown }[] };
  if (result.summary.failed > 0) console.error('first failure:', JSON.stringify(result.results.find((r) => r.problem)));
  const seconds = (performance.now() - started) / 1000;
  await service.close();
  stub.postMessage('stats');
  const stats = await new Promise<{ calls: number; peak: number }>((resolve) => stub.once('message', resolve));
  await stub.terminate();
  return { members: items.length, seconds, succeeded: result.summary.succeeded, failed: result.summary.failed, payerCalls: stats.calls, peakConcurrentPayerCalls: stats.peak };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await runEstimateApiBench(), null, 2));
  console.log(JSON.stringify(await runBatchBench(), null, 2));
}
