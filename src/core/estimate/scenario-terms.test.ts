import t from 'tap';
import { buildManualTerms } from './manual-terms.js';
import { parseIsoDay } from './calendar-days.js';
import { resolveScenarioTerms, type ScenarioContext, type ScenarioName } from './scenario-terms.js';

const day = (date: string) => parseIsoDay(date)!;
const context = (terms: ScenarioContext['terms']): ScenarioContext => ({
  network: 'in', terms, asOfDay: day('2026-11-20'), firstDay: day('2026-12-07'), lastDay: day('2027-02-26'),
  planYear: { startMonth: 1, startDay: 1 }, planYearAssumed: true,
});
const all = (ctx: ScenarioContext) => (['low', 'expected', 'high'] as ScenarioName[]).map((name) => resolveScenarioTerms(name, ctx));

t.test('terms the payer gave in full read no scenario-specific assumption: one resolution serves all three', async (t) => {
  const ctx = context(buildManualTerms({
    network: 'in',
    deductible: { individual: { totalCents: 150_000, remainingCents: 30_000 } },
    outOfPocket: { individual: { totalCents: 600_000, remainingCents: 480_000 } },
    coinsurancePpm: 200_000,
  }));
  const [low, expected, high] = all(ctx);
  t.equal(low!.dependsOnScenario, false);
  t.same(expected, low, 'expected resolves to the same terms as low');
  t.same(high, low, 'high resolves to the same terms as low');
});

t.test('an unknown read differently per scenario marks the terms as scenario-dependent', async (t) => {
  const cases = {
    'no coinsurance or copay': buildManualTerms({ network: 'in', deductible: { individual: { remainingCents: 0 } } }),
    'deductible total without remaining': buildManualTerms({ network: 'in', deductible: { individual: { totalCents: 150_000 } }, coinsurancePpm: 200_000 }),
    'no deductible': buildManualTerms({ network: 'in', coinsurancePpm: 200_000 }),
    'copay without deductible order': buildManualTerms({ network: 'in', copay: { amountCents: 4_000, per: 'day' }, deductible: { individual: { remainingCents: 10_000 } } }),
  };
  for (const [name, terms] of Object.entries(cases)) {
    const [low, expected, high] = all(context(terms));
    t.ok(low!.dependsOnScenario && expected!.dependsOnScenario && high!.dependsOnScenario, `${name}: scenario-dependent`);
    t.not(JSON.stringify(low!.terms), JSON.stringify(high!.terms), `${name}: low and high differ`);
  }
});

t.test('whenever terms say they do not depend on the scenario, low, expected and high resolve to the same terms (any terms)', async (t) => {
  const fc = await import('fast-check');
  const cents = fc.integer({ min: 0, max: 2_000_000 });
  const accumulator = fc.record({ totalCents: cents, remainingCents: cents }, { requiredKeys: [] });
  const terms = fc.record({
    deductible: fc.record({ individual: accumulator, family: accumulator }, { requiredKeys: [] }),
    outOfPocket: fc.record({ individual: accumulator, family: accumulator }, { requiredKeys: [] }),
    coinsurancePpm: fc.integer({ min: 0, max: 1_000_000 }),
    copay: fc.record({ amountCents: cents, per: fc.constantFrom('visit' as const, 'day' as const) }),
    deductibleAppliesToCopay: fc.boolean(),
    limit: fc.record({ total: fc.integer({ min: 0, max: 60 }), remaining: fc.integer({ min: 0, max: 60 }), unit: fc.constantFrom('visit' as const, 'day' as const), period: fc.constantFrom('calendar-year' as const, 'plan-year' as const) }, { requiredKeys: ['unit', 'period'] }),
    notCovered: fc.boolean(),
  }, { requiredKeys: [] });
  let independent = 0;
  fc.assert(fc.property(terms, fc.constantFrom('in' as const, 'out' as const), (input, network) => {
    const ctx = { ...context(buildManualTerms({ ...input, network })), network };
    const [low, expected, high] = all(ctx);
    if (low!.dependsOnScenario) return true;
    independent++;
    return JSON.stringify(expected) === JSON.stringify(low) && JSON.stringify(high) === JSON.stringify(low);
  }), { numRuns: 500, seed: 20261127 });
  t.ok(independent > 0, 'some generated terms were scenario-independent');
});
