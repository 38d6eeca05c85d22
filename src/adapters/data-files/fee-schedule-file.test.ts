import t from 'tap';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { loadFeeScheduleFile } from './fee-schedule-file.js';
import { DataFileError } from './read-data-file.js';

const fixture = fileURLToPath(new URL('../../../fixtures/pricing/fee-schedule.json', import.meta.url));

function writeTemp(content: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'fee-schedule-'));
  const file = join(dir, 'fees.json');
  writeFileSync(file, JSON.stringify(content));
  return file;
}

const entry = {
  code: 'S9480', codeSystem: 'HCPCS', description: 'IOP day', effectiveFrom: '2025-01-01',
  chargeCents: 45000, contractedCents: { 'sandbox-ppo': 25000 },
};

t.test('loads the shipped fee schedule with an IOP per diem for every sandbox payer', async (t) => {
  const schedule = loadFeeScheduleFile(fixture);
  const s9480 = schedule.entries.find((e) => e.code === 'S9480');
  t.equal(s9480?.chargeCents, 45000);
  t.equal(s9480?.contractedCents['sandbox-ppo'], 25000);
  for (const code of ['S9480', 'H0015', 'H0035', 'H0018', '90853', '90837', '90791', '90834']) {
    t.ok(schedule.entries.some((e) => e.code === code), `has ${code}`);
  }
  t.notOk('$comment' in schedule, 'drops the comment');
});

t.test('names the file and the field when a charge is in dollars instead of cents', async (t) => {
  const file = writeTemp({ id: 'x', entries: [{ ...entry, chargeCents: 450.5 }] });
  const error = t.throws(() => loadFeeScheduleFile(file)) as DataFileError;
  t.type(error, DataFileError);
  t.equal(error.file, file);
  t.match(error.message, file);
  t.match(error.issues.join('\n'), /entries\.0\.chargeCents: must be whole cents/);
});

t.test('rejects a payer id that is not in directory form, naming the field', async (t) => {
  const file = writeTemp({ id: 'x', entries: [{ ...entry, contractedCents: { 'Sandbox PPO': 25000 } }] });
  const error = t.throws(() => loadFeeScheduleFile(file)) as DataFileError;
  t.match(error.issues.join('\n'), /entries\.0\.contractedCents/);
});

t.test('rejects two price ranges for the same code that overlap', async (t) => {
  const file = writeTemp({ id: 'x', entries: [entry, { ...entry, effectiveFrom: '2025-06-01' }] });
  const error = t.throws(() => loadFeeScheduleFile(file)) as DataFileError;
  t.match(error.issues.join('\n'), /entries\.1\.effectiveFrom: overlaps entries\.0 for code S9480/);
});

t.test('rejects a range that ends before it starts', async (t) => {
  const file = writeTemp({ id: 'x', entries: [{ ...entry, effectiveTo: '2024-12-31' }] });
  const error = t.throws(() => loadFeeScheduleFile(file)) as DataFileError;
  t.match(error.issues.join('\n'), /entries\.0\.effectiveTo: must not be before effectiveFrom/);
});

t.test('says the file cannot be read when it is missing', async (t) => {
  const error = t.throws(() => loadFeeScheduleFile('/nonexistent/fees.json')) as DataFileError;
  t.match(error.issues[0], /cannot be read \(ENOENT\)/);
});
