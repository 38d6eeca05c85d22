import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import t from 'tap';
import { DataFileError } from './read-data-file.js';
import { ApiKeysConfigError, hashApiKey, loadApiKeys, loadApiKeysFile, parseApiKeysEnv } from './api-keys-file.js';

const A = hashApiKey('key-a');
const B = hashApiKey('key-b');

function tempFile(t: { teardown(fn: () => void): void }, name: string, content: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ce-keys-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

t.test('API_KEYS in the compact form gives names, scopes, digests and expiry', async (t) => {
  const keys = parseApiKeysEnv(`clinic-a/estimates:create+payers:read/${A}, portal/patient+estimates:create/${B}/2026-12-31T23:59:59Z`);
  t.equal(keys.length, 2);
  t.same(keys[0]?.scopes, ['estimates:create', 'payers:read']);
  t.equal(keys[0]?.digest.toString('hex'), A);
  t.equal(keys[0]?.expiresAt, undefined);
  t.equal(keys[1]?.expiresAt?.toISOString(), '2026-12-31T23:59:59.000Z');
});

t.test('API_KEYS as a JSON array is read the same way', async (t) => {
  const keys = parseApiKeysEnv(JSON.stringify([{ name: 'ops', scopes: ['admin'], sha256: A, expiresAt: '2027-01-01' }]));
  t.equal(keys[0]?.name, 'ops');
  t.equal(keys[0]?.expiresAt?.toISOString(), '2027-01-01T00:00:00.000Z');
});

t.test('a malformed API_KEYS names the entry and field and never echoes a raw key', async (t) => {
  const error = t.throws(() => parseApiKeysEnv(`good/admin/${A},bad/estimate:create/my-secret-raw-key`)) as ApiKeysConfigError;
  t.type(error, ApiKeysConfigError);
  t.match(error.issues.join('\n'), /entry 1\.scopes\.0/);
  t.match(error.issues.join('\n'), /entry 1\.sha256: must be the 64-hex-digit SHA-256/);
  t.notMatch(error.message, 'my-secret-raw-key');
  t.throws(() => parseApiKeysEnv('[not json'), /API_KEYS:\n {2}- is not valid JSON/);
});

t.test('duplicate names or keys, and a patient key with admin, are refused', async (t) => {
  t.throws(() => parseApiKeysEnv(`x/admin/${A},x/admin/${B}`), /entry 1\.name: "x" is already used/);
  t.throws(() => parseApiKeysEnv(`x/admin/${A},y/admin/${A.toUpperCase()}`), /entry 1\.sha256: is the same key/);
  t.throws(() => parseApiKeysEnv(`p/patient+admin/${A}`), /a patient key cannot also hold the admin scope/);
});

t.test('API_KEYS_FILE is validated and errors name the file and the field', async (t) => {
  const good = tempFile(t, 'keys.yaml', `keys:\n  - name: clinic\n    scopes: [eligibility:check]\n    sha256: ${A}\n`);
  t.equal(loadApiKeysFile(good)[0]?.name, 'clinic');
  const bad = tempFile(t, 'keys.json', JSON.stringify({ keys: [{ name: 'clinic', scopes: [], sha256: A, key: 'raw' }] }));
  const error = t.throws(() => loadApiKeysFile(bad)) as DataFileError;
  t.type(error, DataFileError);
  t.equal(error.file, bad);
  t.match(error.issues.join('\n'), /keys\.0\.scopes: must list at least one scope/);
  t.match(error.issues.join('\n'), /keys\.0: Unrecognized key: "key"/);
});

t.test('keys from API_KEYS and API_KEYS_FILE are combined and may not clash', async (t) => {
  const file = tempFile(t, 'keys.json', JSON.stringify({ keys: [{ name: 'file-key', scopes: ['admin'], sha256: B }] }));
  t.same(loadApiKeys({ apiKeys: `env-key/admin/${A}`, apiKeysFile: file }).map((k) => k.name), ['env-key', 'file-key']);
  t.throws(() => loadApiKeys({ apiKeys: `env-key/admin/${B}`, apiKeysFile: file }), /clashes with "env-key"|clashes/);
  t.same(loadApiKeys({}), []);
});
