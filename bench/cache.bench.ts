/**
 * Coverage-cache micro-benchmark: hit and miss throughput and median latency on the memory
 * store with a 200 ms payer stub, and how many payer calls a 1,000-caller stampede makes.
 * Bounded to about 3 s. Run directly: `npx tsx bench/cache.bench.ts`.
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { createCoverageCache } from '../src/adapters/cache/coverage-cache.js';
import type { CacheableResponse, CacheIdentity } from '../src/core/ports.js';

/** What one bench run measured. */
export interface CacheBenchResult {
  hitPerSec: number;
  missPerSec: number;
  hitP50Ms: number;
  missP50Ms: number;
  stampedeUpstreamCalls: number;
}

const PAYER_LATENCY_MS = 200;

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function member(index: number): CacheIdentity {
  return {
    payerId: 'bench-payer',
    providerNpi: '1234567893',
    subscriber: { memberId: `BENCH${index}`, firstName: 'Bench', lastName: 'Member', dateOfBirth: '1980-01-01' },
    serviceTypes: ['30', 'MH'],
    serviceDate: '2026-03-02',
  };
}

/** Measures the memory-backed cache with a 200 ms payer stub. */
export async function runCacheBench(): Promise<CacheBenchResult> {
  let upstream = 0;
  const body = `ISA*00*~${'EB*C*IND*30*****1500~'.repeat(40)}`;
  const fetch = async (): Promise<CacheableResponse> => {
    upstream += 1;
    await sleep(PAYER_LATENCY_MS);
    return { kind: 'benefits', response: { format: 'x12-271', body, receivedAt: new Date().toISOString() } };
  };
  const cache = createCoverageCache({ keySecret: randomBytes(32), encryptionKeys: { current: { id: 'bench', key: randomBytes(32) } }, memoryMaxEntries: 50_000 });
  try {
    // Hits: one caller after another for 1 s, so each sample is one lookup + decrypt.
    await cache.getOrFetch(member(0), fetch);
    const hitSamples: number[] = [];
    const hitStart = performance.now();
    while (performance.now() - hitStart < 1000 && hitSamples.length < 500_000) {
      const started = performance.now();
      await cache.getOrFetch(member(0), fetch);
      hitSamples.push(performance.now() - started);
    }
    const hitElapsed = (performance.now() - hitStart) / 1000;

    // Misses: 5 waves of 200 distinct members at once; throughput is bound by payer latency.
    const missSamples: number[] = [];
    const missStart = performance.now();
    for (let wave = 0; wave < 5; wave += 1) {
      await Promise.all(
        Array.from({ length: 200 }, async (_, index) => {
          const started = performance.now();
          await cache.getOrFetch(member(1 + wave * 200 + index), fetch);
          missSamples.push(performance.now() - started);
        }),
      );
    }
    const missElapsed = (performance.now() - missStart) / 1000;

    upstream = 0;
    await Promise.all(Array.from({ length: 1000 }, () => cache.getOrFetch(member(999_999), fetch)));

    return {
      hitPerSec: Math.round(hitSamples.length / hitElapsed),
      missPerSec: Math.round(missSamples.length / missElapsed),
      hitP50Ms: Number(median(hitSamples).toFixed(4)),
      missP50Ms: Number(median(missSamples).toFixed(1)),
      stampedeUpstreamCalls: upstream,
    };
  } finally {
    await cache.close();
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(await runCacheBench());
}
