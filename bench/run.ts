/**
 * `npm run bench`: every benchmark in one run, on this machine, printed as a table and saved to
 * bench/results/latest.json. Figures are ratios against named baselines where the issue gives one.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runX12Bench } from './x12-parse.bench.js';
import { runEstimateBench } from './estimate.bench.js';
import { runCacheBench } from './cache.bench.js';
import { runBatchBench, runEstimateApiBench } from './api.bench.js';
import { PACKAGE_ROOT } from '../src/server.js';

const results: Record<string, unknown> = { at: new Date().toISOString(), node: process.version };

const x12 = await runX12Bench();
results.x12 = x12;
console.log(
  `X12 271 parse+normalize: ours ${x12.ours.mbPerSec.toFixed(1)} MB/s, ${Math.round(x12.ours.docsPerSec)} docs/s; ` +
    `node-x12 parse only ${x12.nodeX12.mbPerSec.toFixed(1)} MB/s, ${Math.round(x12.nodeX12.docsPerSec)} docs/s; ratio ${x12.ratio.toFixed(1)}x (target >= 10x)`,
);

const estimate = await runEstimateBench();
results.estimate = estimate;
console.log(
  `Cost engine: ${Math.round(estimate.estimatesPerSec)} estimates/s for a 12-week IOP plan (${estimate.linesPerEstimate} lines each); ` +
    `${(estimate.estimatesPerSec / 20_000).toFixed(2)}x the 20,000/s target`,
);

const cache = await runCacheBench();
results.cache = cache;
console.log(
  `Eligibility through the cache (payer stub 200 ms): hit ${Math.round(cache.hitPerSec)}/s p50 ${cache.hitP50Ms.toFixed(3)} ms; ` +
    `miss ${Math.round(cache.missPerSec)}/s p50 ${cache.missP50Ms.toFixed(1)} ms; stampede upstream calls: ${cache.stampedeUpstreamCalls}`,
);

const api = await runEstimateApiBench();
results.estimateApi = api;
console.log(
  `POST /v1/estimates, warm cache, 50 connections: ${Math.round(api.estimate.requestsPerSec)} req/s (p50 ${api.estimate.p50Ms} ms, p99 ${api.estimate.p99Ms} ms); ` +
    `bare Fastify route with the same ${Math.round(api.responseBytes / 1024)} KB body: ${Math.round(api.bare.requestsPerSec)} req/s (p50 ${api.bare.p50Ms} ms, p99 ${api.bare.p99Ms} ms); ` +
    `ratio ${(api.ratio * 100).toFixed(0)}% (target >= 70%); against a bare route serializing the same object ` +
    `(${Math.round(api.bareObject.requestsPerSec)} req/s): ${(api.ratioToObjectRoute * 100).toFixed(0)}%`,
);

const batch = await runBatchBench();
results.batch = batch;
console.log(
  `Batch of ${batch.members} against a 200 ms payer stub limited to 20 concurrent calls: ${batch.seconds.toFixed(2)} s ` +
    `(ideal 10 s, target < 12 s); ${batch.succeeded} ok, ${batch.failed} failed; ${batch.payerCalls} payer calls, peak ${batch.peakConcurrentPayerCalls} concurrent`,
);

// Under the package root, whether this runs from bench/ or from the compiled dist-bench/bench/.
const dir = path.join(PACKAGE_ROOT, 'bench', 'results');
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(`saved ${path.relative(process.cwd(), path.join(dir, 'latest.json'))}`);
