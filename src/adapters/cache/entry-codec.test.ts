import t from 'tap';
import { newKey } from '../../../test/support/cache-fixtures.js';
import { openEntry, parseKeyring, sealEntry, type CacheEntry } from './entry-codec.js';

const entry: CacheEntry = {
  kind: 'benefits',
  storedAt: '2026-03-02T15:00:00.000Z',
  response: { format: 'x12-271', body: 'NM1*IL*1*DOE*JANE****MI*W123~', receivedAt: '2026-03-02T15:00:00.000Z' },
};

t.test('a sealed entry opens again under the same cache key', async (t) => {
  const keyring = { current: { id: 'k1', key: newKey() } };
  const sealed = sealEntry(entry, 'ce:v1:elig:{a}', keyring);
  t.notOk(sealed.includes('DOE'));
  t.same(openEntry(sealed, 'ce:v1:elig:{a}', keyring), { ok: true, entry });
  t.not(sealEntry(entry, 'ce:v1:elig:{a}', keyring), sealed, 'a fresh IV every time');
  const answeredForToday: CacheEntry = { ...entry, response: { ...entry.response, dateOfServiceAsked: '2026-03-02' } };
  t.same(openEntry(sealEntry(answeredForToday, 'ce:v1:elig:{a}', keyring), 'ce:v1:elig:{a}', keyring), { ok: true, entry: answeredForToday }, 'the date the payer answered for is kept');
});

t.test('a sealed entry does not open under another cache key, a flipped bit or an unknown key id', async (t) => {
  const keyring = { current: { id: 'k1', key: newKey() } };
  const sealed = sealEntry(entry, 'ce:v1:elig:{a}', keyring);
  t.match(openEntry(sealed, 'ce:v1:elig:{b}', keyring), { ok: false, reason: 'authentication-failed' });
  const bytes = Buffer.from(sealed.split('.')[2] ?? '', 'base64url');
  bytes[20] = (bytes[20] ?? 0) ^ 1;
  t.match(openEntry(`ce1.k1.${bytes.toString('base64url')}`, 'ce:v1:elig:{a}', keyring), { ok: false, reason: 'authentication-failed' });
  t.match(openEntry(sealed, 'ce:v1:elig:{a}', { current: { id: 'k2', key: newKey() } }), { ok: false, reason: 'unknown-key-id', keyId: 'k1' });
  t.match(openEntry('{"plain":"json"}', 'ce:v1:elig:{a}', keyring), { ok: false, reason: 'malformed' });
});

t.test('keys come from the environment as base64 and bad ones stop start-up', async (t) => {
  const current = newKey().toString('base64');
  const old = newKey().toString('base64');
  const keyring = parseKeyring('k2', current, `k1:${old}`);
  t.equal(keyring.previous?.[0]?.id, 'k1');
  t.throws(() => parseKeyring('k2', Buffer.alloc(31).toString('base64')), /32 bytes/);
  t.throws(() => parseKeyring('k2', current, 'no-colon'), /id:base64/);
  t.throws(() => parseKeyring('k2', current, `k2:${old}`), /listed twice/);
});
