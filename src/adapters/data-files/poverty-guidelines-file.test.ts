import t, { type Test } from 'tap';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluateSlidingScale } from '../../core/rules/sliding-scale.js';
import { loadPovertyGuidelineFile, loadPovertyGuidelineFiles } from './poverty-guidelines-file.js';
import { DataFileError } from './read-data-file.js';
import { loadSlidingFeeScheduleFile } from './sliding-fee-schedule-file.js';

const fixture = (name: string) => fileURLToPath(new URL(`../../../fixtures/rules/${name}`, import.meta.url));
const guidelines = loadPovertyGuidelineFiles([fixture('poverty-guidelines-2025.json'), fixture('poverty-guidelines-2026.json')]);
const schedule = loadSlidingFeeScheduleFile(fixture('sliding-fee-schedule.json'));

// Expected guideline amounts typed from the published tables (facts.md 4.1), not computed by the code under test.
const EXPECTED: { year: number; date: string; region: 'contiguous' | 'alaska' | 'hawaii'; size: number; cents: number }[] = [
  { year: 2025, date: '2025-06-02', region: 'contiguous', size: 1, cents: 1_565_000 },
  { year: 2025, date: '2025-06-02', region: 'contiguous', size: 4, cents: 3_215_000 },
  { year: 2025, date: '2025-06-02', region: 'contiguous', size: 8, cents: 5_415_000 },
  { year: 2025, date: '2025-06-02', region: 'alaska', size: 1, cents: 1_955_000 },
  { year: 2025, date: '2025-06-02', region: 'alaska', size: 4, cents: 4_019_000 },
  { year: 2025, date: '2025-06-02', region: 'alaska', size: 8, cents: 6_771_000 },
  { year: 2025, date: '2025-06-02', region: 'hawaii', size: 1, cents: 1_799_000 },
  { year: 2025, date: '2025-06-02', region: 'hawaii', size: 4, cents: 3_698_000 },
  { year: 2025, date: '2025-06-02', region: 'hawaii', size: 8, cents: 6_230_000 },
  { year: 2026, date: '2026-03-02', region: 'contiguous', size: 1, cents: 1_596_000 },
  { year: 2026, date: '2026-03-02', region: 'contiguous', size: 4, cents: 3_300_000 },
  { year: 2026, date: '2026-03-02', region: 'contiguous', size: 8, cents: 5_572_000 },
  { year: 2026, date: '2026-03-02', region: 'alaska', size: 1, cents: 1_995_000 },
  { year: 2026, date: '2026-03-02', region: 'alaska', size: 4, cents: 4_125_000 },
  { year: 2026, date: '2026-03-02', region: 'alaska', size: 8, cents: 6_965_000 },
  { year: 2026, date: '2026-03-02', region: 'hawaii', size: 1, cents: 1_836_000 },
  { year: 2026, date: '2026-03-02', region: 'hawaii', size: 4, cents: 3_795_000 },
  { year: 2026, date: '2026-03-02', region: 'hawaii', size: 8, cents: 6_407_000 },
];


t.test('the shipped files put households of 1, 4 and 8 exactly at 100% and 200% of the published amounts in the lower tier, one cent more moves them up', async (t) => {
  for (const row of EXPECTED) {
    const name = `${row.year} ${row.region} household of ${row.size}`;
    const base = { householdSize: row.size, region: row.region, dateOfService: row.date };
    const at100 = evaluate({ ...base, annualIncomeCents: row.cents });
    t.equal(at100.guideline.amountCents, row.cents, `${name}: guideline amount`);
    t.equal(at100.guideline.year, row.year, `${name}: guideline year`);
    t.equal(at100.percentOfPovertyPpm, 1_000_000, `${name}: exactly 100%`);
    t.equal(at100.tier.id, 'A', `${name}: at 100% pays the nominal fee`);
    const above100 = evaluate({ ...base, annualIncomeCents: row.cents + 1 });
    t.equal(above100.tier.id, 'B', `${name}: one cent above 100% gets the 80% discount`);
    t.equal(above100.percentOfPovertyText, '100%', `${name}: still displays 100% (rounded down)`);
    const at200 = evaluate({ ...base, annualIncomeCents: row.cents * 2 });
    t.equal(at200.percentOfPovertyPpm, 2_000_000, `${name}: exactly 200%`);
    t.equal(at200.tier.id, 'E', `${name}: at 200% still gets the 20% discount`);
    const above200 = evaluate({ ...base, annualIncomeCents: row.cents * 2 + 1 });
    t.equal(above200.tier.id, 'F', `${name}: one cent above 200% gets no discount`);
    t.same(above200.charge, { kind: 'none' });
  }
});

t.test('the 2025 Alaska and Hawaii files say their increments are unconfirmed and name the Federal Register notice', async (t) => {
  const y2025 = guidelines.find((g) => g.year === 2025);
  t.equal(y2025?.regions.alaska.verified, false);
  t.equal(y2025?.regions.hawaii.verified, false);
  t.equal(y2025?.regions.contiguous.verified, true);
  t.match(y2025?.source.document, /2025-01377/);
  t.match(guidelines.find((g) => g.year === 2026)?.source.url, /2026-00755/);
});

const broken = (t: Test, name: string, body: unknown) => join(t.testdir({ [name]: JSON.stringify(body) }), name);
type Region = { perAdditionalPersonCents: number };
const valid = () =>
  JSON.parse(JSON.stringify(loadPovertyGuidelineFile(fixture('poverty-guidelines-2026.json')))) as { effectiveFrom: string; regions: Partial<Record<string, Region>> };

t.test('a broken guideline file stops start-up with the file name and the failing field', async (t) => {
  const body = valid();
  body.regions.hawaii = { ...body.regions.hawaii, perAdditionalPersonCents: 6530.5 };
  delete body.regions.alaska;
  const file = broken(t, 'bad-guidelines.json', body);
  const error = t.throws(() => loadPovertyGuidelineFile(file)) as DataFileError;
  t.type(error, DataFileError);
  t.match(error.message, /bad-guidelines\.json/);
  t.match(error.issues, [/regions\.alaska/, /regions\.hawaii\.perAdditionalPersonCents: must be whole cents/].sort());
});

t.test('a guideline whose effective date is outside its year, or two files with one date, are refused', async (t) => {
  const body = valid();
  body.effectiveFrom = '2025-01-15';
  const error = t.throws(() => loadPovertyGuidelineFile(broken(t, 'wrong-year.json', body))) as DataFileError;
  t.same(error.issues, ['effectiveFrom: must fall in 2026, the guideline year']);
  const dir = t.testdir({ 'a.json': JSON.stringify(valid()), 'b.json': JSON.stringify(valid()) });
  const duplicate = t.throws(() => loadPovertyGuidelineFiles([join(dir, 'a.json'), join(dir, 'b.json')])) as DataFileError;
  t.match(duplicate.message, /b\.json[\s\S]*effectiveFrom: 2026-01-13 is already the effective date/);
});

t.test('a missing or non-JSON guideline file is refused with its name', async (t) => {
  const dir = t.testdir({ 'not-json.json': '{ year: 2026' });
  t.throws(() => loadPovertyGuidelineFile(join(dir, 'not-json.json')), { name: 'DataFileError', message: /not-json\.json[\s\S]*not valid JSON/ });
  t.throws(() => loadPovertyGuidelineFile(join(dir, 'absent.json')), { message: /absent\.json[\s\S]*cannot be read \(ENOENT\)/ });
});

function evaluate(input: { householdSize: number; region: 'contiguous' | 'alaska' | 'hawaii'; dateOfService: string; annualIncomeCents: number }) {
  return evaluateSlidingScale(input, guidelines, schedule);
}
