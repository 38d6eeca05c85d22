/**
 * Behaviour every coverage-cache backend must show, run against memory and real Redis alike.
 * `make` builds a cache on the backend under test with a movable clock and test options.
 */
import type { Test } from 'tap';
import type { CoverageCacheAdapter, CoverageCacheOptions } from '../../src/adapters/cache/coverage-cache.js';
import { DomainError } from '../../src/core/errors.js';
import type { Clock } from '../../src/core/ports.js';
import { countingPayer, failingPayer, identity, movableClock } from './cache-fixtures.js';

/** Builds a cache on the backend under test; it must be closed at teardown by the builder. */
export type MakeCache = (t: Test, options: Partial<CoverageCacheOptions> & { clock: Clock }) => Promise<CoverageCacheAdapter>;

const fresh = { eligibility: 600, accumulators: 60 };
const policy = { freshSeconds: fresh, staleIfErrorSeconds: 3600, negativeTtlSeconds: 30 };

/** Registers the shared behaviour tests under `t`. */
export function cacheContract(t: Test, make: MakeCache): void {
  t.test('answers a repeat check from the cache without calling the payer again', async (t) => {
    const clock = movableClock();
    const cache = await make(t, { ...policy, clock });
    const payer = countingPayer();
    const first = await cache.getOrFetch(identity(), payer.fetch);
    clock.advance(5);
    const second = await cache.getOrFetch(identity(), payer.fetch);
    t.equal(payer.calls, 1);
    t.match(first, { cache: 'miss', stale: false, ageSeconds: 0, kind: 'benefits' });
    t.match(second, { cache: 'hit', stale: false, ageSeconds: 5, asOf: first.asOf });
    t.equal(second.response.body, first.response.body);
  });

  t.test('asks the payer again once the fresh window has passed', async (t) => {
    const clock = movableClock();
    const cache = await make(t, { ...policy, clock });
    const payer = countingPayer();
    await cache.getOrFetch(identity(), payer.fetch);
    clock.advance(fresh.accumulators + 1);
    const later = await cache.getOrFetch(identity(), payer.fetch);
    t.equal(payer.calls, 2);
    t.equal(later.cache, 'miss');
    t.match(later.response.body, /call-2/);
  });

  t.test('an answer that says when it stops being fresh (freshUntil) is asked again after that, even inside the fresh window', async (t) => {
    const clock = movableClock();
    const cache = await make(t, { ...policy, clock });
    const payer = countingPayer();
    const until = new Date(clock.now().getTime() + 10_000).toISOString();
    const fetch = async () => ({ ...(await payer.fetch()), freshUntil: until });
    await cache.getOrFetch(identity(), fetch);
    clock.advance(5);
    t.equal((await cache.getOrFetch(identity(), fetch)).cache, 'hit', 'before its end');
    clock.advance(6);
    t.equal((await cache.getOrFetch(identity(), fetch)).cache, 'miss', `after its end, though the fresh window is ${fresh.accumulators} s`);
    t.equal(payer.calls, 2);
  });

  t.test('keeps deductible answers fresh for less time than eligibility status', async (t) => {
    const clock = movableClock();
    const cache = await make(t, { ...policy, clock });
    const payer = countingPayer();
    await cache.getOrFetch(identity(), payer.fetch, { dataKind: 'eligibility' });
    clock.advance(fresh.accumulators + 10);
    const status = await cache.getOrFetch(identity(), payer.fetch, { dataKind: 'eligibility' });
    t.equal(status.cache, 'hit', 'status is still fresh');
    const deductible = await cache.getOrFetch(identity(), payer.fetch, { dataKind: 'accumulators' });
    t.equal(deductible.cache, 'miss', 'accumulators are refetched');
    t.equal(payer.calls, 2);
  });

  for (const code of ['payer.timeout', 'payer.unavailable', 'payer.circuit-open'] as const) {
    t.test(`serves the last answer flagged stale when the payer fails with ${code}`, async (t) => {
      const clock = movableClock();
      const cache = await make(t, { ...policy, clock });
      const first = await cache.getOrFetch(identity(), countingPayer().fetch);
      clock.advance(fresh.accumulators + 100);
      const down = failingPayer(new DomainError(code, 'payer down'));
      const served = await cache.getOrFetch(identity(), down.fetch);
      t.equal(down.calls, 1, 'the payer was tried first');
      t.match(served, { cache: 'stale', stale: true, asOf: first.asOf, ageSeconds: fresh.accumulators + 100 });
      t.equal(served.response.body, first.response.body);
      t.equal(cache.stats().staleServed, 1);
    });
  }

  t.test('does not hide an unreadable payer answer behind a stale one', async (t) => {
    const clock = movableClock();
    const cache = await make(t, { ...policy, clock });
    await cache.getOrFetch(identity(), countingPayer().fetch);
    clock.advance(fresh.accumulators + 1);
    const broken = failingPayer(new DomainError('payer.malformed-response', 'bad 271'));
    await t.rejects(cache.getOrFetch(identity(), broken.fetch), { code: 'payer.malformed-response' });
  });

  t.test('stops serving stale answers once the stale-if-error window has passed', async (t) => {
    const clock = movableClock();
    const cache = await make(t, { ...policy, clock });
    await cache.getOrFetch(identity(), countingPayer().fetch);
    clock.advance(fresh.accumulators + policy.staleIfErrorSeconds + 1);
    const down = failingPayer(new DomainError('payer.timeout', 'payer down'));
    await t.rejects(cache.getOrFetch(identity(), down.fetch), { code: 'payer.timeout' });
  });

  t.test('remembers a definitive rejection only for the negative TTL', async (t) => {
    const clock = movableClock();
    const cache = await make(t, { ...policy, clock });
    const payer = countingPayer({ kind: 'rejection', body: 'AAA*N**72*C~' });
    await cache.getOrFetch(identity(), payer.fetch, { dataKind: 'eligibility' });
    clock.advance(policy.negativeTtlSeconds - 5);
    const again = await cache.getOrFetch(identity(), payer.fetch, { dataKind: 'eligibility' });
    t.match(again, { cache: 'hit', kind: 'rejection' });
    clock.advance(10);
    const later = await cache.getOrFetch(identity(), payer.fetch, { dataKind: 'eligibility' });
    t.equal(later.cache, 'miss');
    t.equal(payer.calls, 2);
  });

  t.test('never serves a cached rejection stale when the payer is down', async (t) => {
    const clock = movableClock();
    const cache = await make(t, { ...policy, clock });
    await cache.getOrFetch(identity(), countingPayer({ kind: 'rejection' }).fetch);
    clock.advance(policy.negativeTtlSeconds + 1);
    const down = failingPayer(new DomainError('payer.unavailable', 'payer down'));
    await t.rejects(cache.getOrFetch(identity(), down.fetch), { code: 'payer.unavailable' });
  });

  t.test('with bypass skips the cached answer but stores the new one', async (t) => {
    const clock = movableClock();
    const cache = await make(t, { ...policy, clock });
    const payer = countingPayer();
    await cache.getOrFetch(identity(), payer.fetch);
    const bypassed = await cache.getOrFetch(identity(), payer.fetch, { bypass: true });
    t.equal(bypassed.cache, 'bypass');
    t.match(bypassed.response.body, /call-2/);
    const next = await cache.getOrFetch(identity(), payer.fetch);
    t.equal(next.cache, 'hit');
    t.match(next.response.body, /call-2/, 'the bypassing call refreshed the entry');
    t.equal(payer.calls, 2);
  });

  t.test('keeps different members and service dates apart', async (t) => {
    const cache = await make(t, { ...policy, clock: movableClock() });
    const payer = countingPayer();
    await cache.getOrFetch(identity(), payer.fetch);
    await cache.getOrFetch(identity({ memberId: 'OTHER000111' }), payer.fetch);
    await cache.getOrFetch(identity({ serviceDate: '2026-03-03' }), payer.fetch);
    const again = await cache.getOrFetch(identity({ memberId: 'OTHER000111' }), payer.fetch);
    t.equal(payer.calls, 3);
    t.match(again.response.body, /call-2/);
  });

  t.test('makes one payer call for 500 identical concurrent checks', async (t) => {
    const cache = await make(t, { ...policy, clock: movableClock() });
    const payer = countingPayer({ latencyMs: 100 });
    const answers = await Promise.all(Array.from({ length: 500 }, () => cache.getOrFetch(identity(), payer.fetch)));
    t.equal(payer.calls, 1);
    t.equal(new Set(answers.map((answer) => answer.response.body)).size, 1, 'everyone got the same answer');
    t.equal(cache.stats().coalesced, 499);
  });

  t.test('hands one payer failure to every concurrent caller and caches nothing', async (t) => {
    const cache = await make(t, { ...policy, clock: movableClock() });
    const down = failingPayer(new DomainError('payer.timeout', 'payer down'));
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => cache.getOrFetch(identity(), down.fetch)));
    t.equal(down.calls, 1);
    t.ok(results.every((result) => result.status === 'rejected' && (result.reason as DomainError).code === 'payer.timeout'));
    const payer = countingPayer();
    t.equal((await cache.getOrFetch(identity(), payer.fetch)).cache, 'miss');
    t.equal(payer.calls, 1);
  });

  t.test('reports itself healthy while the store answers', async (t) => {
    const cache = await make(t, { ...policy, clock: movableClock() });
    t.match(await cache.health(), { status: 'ok' });
  });
}
