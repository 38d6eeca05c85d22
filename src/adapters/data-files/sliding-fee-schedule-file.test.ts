import t, { type Test } from 'tap';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataFileError } from './read-data-file.js';
import { loadSlidingFeeScheduleFile } from './sliding-fee-schedule-file.js';

const shipped = fileURLToPath(new URL('../../../fixtures/rules/sliding-fee-schedule.json', import.meta.url));
const raw = async () => JSON.parse(await readFile(shipped, 'utf8')) as { tiers: Record<string, unknown>[] } & Record<string, unknown>;

const issuesFor = (t: Test, body: unknown): string[] => {
  const file = join(t.testdir({ 'schedule.json': JSON.stringify(body) }), 'schedule.json');
  try {
    loadSlidingFeeScheduleFile(file);
    return [];
  } catch (error) {
    if (!(error instanceof DataFileError)) throw error;
    t.match(error.message, /schedule\.json/, 'the message names the file');
    return error.issues;
  }
};

t.test('the shipped schedule loads with HRSA pay classes and discounts as exact ppm', async (t) => {
  const schedule = loadSlidingFeeScheduleFile(shipped);
  t.same(schedule.tiers.map((tier) => [tier.abovePercent, tier.upToPercent]), [[0, 100], [100, 125], [125, 150], [150, 175], [175, 200], [200, null]]);
  t.same(schedule.tiers[0]?.charge, { kind: 'nominal', amountCents: 1500, per: 'day' });
  t.same(schedule.tiers[1]?.charge, { kind: 'discount', discountPpm: 800_000 });
  t.equal(schedule.applyToInsuredPatientResponsibility, false);
  t.equal(schedule.annualCapPpmOfIncome, undefined);
});

t.test('an annual cap given as a percent of income loads as ppm', async (t) => {
  const body = { ...(await raw()), annualCapPercentOfIncome: 2.5 };
  const file = join(t.testdir({ 'capped.json': JSON.stringify(body) }), 'capped.json');
  t.equal(loadSlidingFeeScheduleFile(file).annualCapPpmOfIncome, 25_000);
});

t.test('a gap between tiers is refused with the tier and field named', async (t) => {
  const body = await raw();
  body.tiers[2] = { ...body.tiers[2], abovePercent: 130 };
  t.same(issuesFor(t, body), ['tiers.2.abovePercent: gap: incomes above 125% and up to 130% fall in no tier']);
});

t.test('overlapping tiers are refused with the tier and field named', async (t) => {
  const body = await raw();
  body.tiers[3] = { ...body.tiers[3], abovePercent: 140 };
  t.same(issuesFor(t, body), ['tiers.3.abovePercent: overlap: incomes above 140% and up to 150% fall in two tiers']);
});

t.test('a schedule that does not start at 0% or has a capped last tier is refused', async (t) => {
  const body = await raw();
  body.tiers[0] = { ...body.tiers[0], abovePercent: 10 };
  body.tiers[5] = { ...body.tiers[5], upToPercent: 300 };
  t.same(issuesFor(t, body), [
    'tiers.0.abovePercent: the first tier must start at 0% so no income is left out',
    'tiers.5.upToPercent: the last tier must be open-ended (null) so incomes above 300% land in a tier',
  ]);
});

t.test('a discount over 100%, a fractional nominal fee and an unknown charge kind are refused by field', async (t) => {
  const body = await raw();
  body.tiers[1] = { ...body.tiers[1], charge: { kind: 'discount', discountPercent: 120 } };
  body.tiers[0] = { ...body.tiers[0], charge: { kind: 'nominal', amountCents: 10.5, per: 'day' } };
  body.tiers[2] = { ...body.tiers[2], charge: { kind: 'free' } };
  const issues = issuesFor(t, body);
  t.ok(issues.some((i) => i.startsWith('tiers.1.charge.discountPercent: must be at most 100')), 'discount over 100%');
  t.ok(issues.some((i) => i.startsWith('tiers.0.charge.amountCents: must be whole cents')), 'fractional nominal fee');
  t.ok(issues.some((i) => i.startsWith('tiers.2.charge')), 'unknown charge kind');
});
