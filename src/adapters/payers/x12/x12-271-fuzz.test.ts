import t from 'tap';
import { readFileSync, readdirSync } from 'node:fs';
import { isDomainError } from '../../../core/errors.js';
import { x12271ToCoverages } from './x12-271-to-coverage.js';

/** mulberry32: a tiny seeded PRNG so every run mutates the same way and failures reproduce. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const root = new URL('../../../../fixtures/x12/', import.meta.url);
const bases = ['samples/', 'behavioral-health/'].flatMap((dir) =>
  readdirSync(new URL(dir, root)).map((f) => readFileSync(new URL(`${dir}${f}`, root), 'utf8')),
);
const NOISE = '*~^:>|{}!\r\n\t \x1dABCEGHILNPRSUWYZ0123456789.-';

function mutate(text: string, rnd: () => number): string {
  const pick = (n: number): number => Math.floor(rnd() * n);
  const steps = 1 + pick(3);
  let out = text;
  for (let i = 0; i < steps; i++) {
    const pos = pick(out.length + 1);
    switch (pick(6)) {
      case 0: // truncation
        out = out.slice(0, pos);
        break;
      case 1: // byte flip
        out = out.slice(0, pos) + NOISE.charAt(pick(NOISE.length)) + out.slice(pos + 1);
        break;
      case 2: { // separator swap: one delimiter everywhere becomes another
        const from = '*~^:'.charAt(pick(4));
        const to = '*~^:|\n'.charAt(pick(6));
        out = out.split(from).join(to);
        break;
      }
      case 3: { // segment deletion
        const start = out.lastIndexOf('~', pos);
        const end = out.indexOf('~', pos);
        if (end !== -1) out = out.slice(0, start + 1) + out.slice(end + 1);
        break;
      }
      case 4: { // segment duplication
        const start = out.lastIndexOf('~', pos) + 1;
        const end = out.indexOf('~', pos);
        if (end !== -1) out = out.slice(0, end + 1) + out.slice(start, end + 1) + out.slice(end + 1);
        break;
      }
      default: // insert noise
        out = out.slice(0, pos) + NOISE.charAt(pick(NOISE.length)).repeat(1 + pick(4)) + out.slice(pos);
    }
  }
  return out;
}

t.test('3,000 mutated 271s give coverages or a parse error, never a crash', async (t) => {
  const rnd = prng(0x271);
  const outcomes = { coverages: 0, parseError: 0 };
  const started = Date.now();
  for (let i = 0; i < 3000; i++) {
    const base = bases[i % bases.length]!;
    const mutated = mutate(base, rnd);
    try {
      const coverages = x12271ToCoverages(mutated);
      if (!Array.isArray(coverages) || coverages.length === 0) t.fail(`case ${i}: no coverage and no error`);
      JSON.stringify(coverages);
      outcomes.coverages++;
    } catch (error) {
      if (isDomainError(error) && error.code === 'format.parse-error' && typeof error.meta['position'] === 'number') {
        outcomes.parseError++;
      } else {
        t.fail(`case ${i}: unexpected ${isDomainError(error) ? error.code : String(error)}`);
        break;
      }
    }
  }
  t.equal(outcomes.coverages + outcomes.parseError, 3000);
  t.ok(outcomes.coverages > 300 && outcomes.parseError > 300, `both outcomes occur (${JSON.stringify(outcomes)})`);
  t.ok(Date.now() - started < 20_000, 'bounded time');
});
