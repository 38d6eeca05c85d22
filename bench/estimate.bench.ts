/**
 * Cost-engine throughput: whole-program estimates per second for a 12-week, 5-days-a-week IOP
 * (60 per-diem lines) on one core, fully known PPO terms. Run: npx tsx bench/estimate.bench.ts
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { estimateProgramCost, type EstimateInput } from '../src/core/estimate/estimate-program.js';
import { buildManualTerms } from '../src/core/estimate/manual-terms.js';
import type { FeeSchedule } from '../src/core/estimate/fee-schedule.js';
import { PACKAGE_ROOT } from '../src/server.js';

const feeSchedule = JSON.parse(
  readFileSync(path.join(PACKAGE_ROOT, 'fixtures/pricing/fee-schedule.json'), 'utf8'),
) as FeeSchedule;

/** The benchmark input: a typical in-network PPO estimate. */
export const benchInput: EstimateInput = {
  plan: { levelOfCare: 'iop-mental-health', startDate: '2025-03-03', daysPerWeek: 5, hoursPerDay: 3, weeks: 12 },
  terms: {
    in: buildManualTerms({
      network: 'in',
      deductible: { individual: { totalCents: 150_000, remainingCents: 30_000 } },
      outOfPocket: { individual: { totalCents: 600_000, remainingCents: 480_000 } },
      coinsurancePpm: 200_000,
      authorizationRequired: 'yes',
      referralRequired: 'no',
    }),
  },
  networkStatus: 'in',
  feeSchedule,
  payerId: 'sandbox-ppo',
  asOf: '2025-03-01',
  planType: 'PPO',
  authorization: { units: 30, unit: 'day' },
};

/** Runs estimates for about `seconds` after a warm-up and reports the rate. */
export async function runEstimateBench(seconds = 2): Promise<{ estimatesPerSec: number; linesPerEstimate: number }> {
  let sink = 0;
  for (let i = 0; i < 2_000; i++) sink += estimateProgramCost(benchInput).range.expectedCents;
  const deadline = performance.now() + seconds * 1000;
  let count = 0;
  const started = performance.now();
  while (performance.now() < deadline) {
    for (let i = 0; i < 500; i++) sink += estimateProgramCost(benchInput).range.expectedCents;
    count += 500;
  }
  const elapsed = (performance.now() - started) / 1000;
  const linesPerEstimate = estimateProgramCost(benchInput).expected.lines.length;
  if (sink < 0) throw new Error('unreachable: keeps the optimizer from dropping the work');
  return { estimatesPerSec: Math.round(count / elapsed), linesPerEstimate };
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { estimatesPerSec, linesPerEstimate } = await runEstimateBench();
  console.log(`estimate: ${estimatesPerSec.toLocaleString('en-US')} estimates/s (${linesPerEstimate} lines each, one core, target >= 20,000/s)`);
}
