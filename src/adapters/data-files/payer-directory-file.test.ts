import t from 'tap';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadPayerDirectoryFile } from './payer-directory-file.js';
import { DataFileError } from './read-data-file.js';

t.test('the shipped payer directory loads', async (t) => {
  const payers = loadPayerDirectoryFile(path.resolve(import.meta.dirname, '../../../fixtures/payers/payers.json'));
  t.ok(payers.some((p) => p.id === 'sandbox-ppo' && p.sandbox));
});

t.test('a broken payer directory names the file and the failing field', async (t) => {
  const dir = t.testdir();
  const file = path.join(dir, 'payers.json');
  writeFileSync(file, JSON.stringify({ payers: [{ id: 'Bad Id', name: '', format: 'edifact', transactions: [] }] }));
  const error = t.throws(() => loadPayerDirectoryFile(file)) as DataFileError;
  t.ok(error instanceof DataFileError);
  t.match(error.message, file);
  t.match(error.issues.join('\n'), /payers\.0\.id: must be lower-case/);
  t.match(error.issues.join('\n'), /payers\.0\.format/);
  t.match(error.issues.join('\n'), /payers\.0\.transactions/);
});

t.test('duplicate ids or aliases across payers are rejected', async (t) => {
  const dir = t.testdir();
  const file = path.join(dir, 'payers.json');
  const payer = { name: 'X', format: 'x12-271', transactions: ['270/271'] };
  writeFileSync(file, JSON.stringify({ payers: [{ ...payer, id: 'acme', aliases: ['A1'] }, { ...payer, id: 'other', aliases: ['a1'] }] }));
  t.throws(() => loadPayerDirectoryFile(file), /"a1" is already used by payers\.0/);
});

t.test('a file that is not JSON, or missing, is a clear error', async (t) => {
  const dir = t.testdir();
  const file = path.join(dir, 'payers.json');
  writeFileSync(file, '{ not json');
  t.throws(() => loadPayerDirectoryFile(file), /is not valid JSON/);
  t.throws(() => loadPayerDirectoryFile(path.join(dir, 'missing.json')), /cannot be read \(ENOENT\)/);
});

t.test('service types per inquiry is a whole number from 1 to 99 (X12 EQ01 repeats at most 99 times)', async (t) => {
  const dir = t.testdir();
  const file = path.join(dir, 'payers.json');
  const withSetting = (serviceTypesPerInquiry: unknown) => JSON.stringify({
    payers: [{
      id: 'acme', name: 'Acme', format: 'x12-271', transactions: ['270/271'],
      connection: { endpoint: 'https://edi.acme.example/270', x12: { senderId: 'CLINIC01', receiverId: 'ACME' }, serviceTypesPerInquiry },
    }],
  });
  writeFileSync(file, withSetting(1));
  t.equal(loadPayerDirectoryFile(file)[0]?.connection?.serviceTypesPerInquiry, 1);
  for (const bad of [0, 1.5, 100, '1']) {
    writeFileSync(file, withSetting(bad));
    const error = t.throws(() => loadPayerDirectoryFile(file)) as DataFileError;
    t.match(error.issues.join('\n'), /payers\.0\.connection\.serviceTypesPerInquiry/, `${JSON.stringify(bad)} is refused`);
  }
});
