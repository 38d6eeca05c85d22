import t from 'tap';
import { identity, MEMBER_PHI, newKey } from '../../../test/support/cache-fixtures.js';
import { cacheIdentityFromInquiry, cacheKeysFor } from './cache-key.js';

const secret = newKey();

t.test('the same person asked about the same services gets the same key however the request was typed', async (t) => {
  const typed = identity();
  const sloppy = {
    ...typed,
    payerId: ' AETNA ',
    subscriber: { memberId: MEMBER_PHI.memberId.toLowerCase(), firstName: ' philomena', lastName: 'QUACKENBUSH ', dateOfBirth: MEMBER_PHI.dateOfBirth },
    serviceTypes: ['30', 'mh', 'MH'],
  };
  t.same(cacheKeysFor(sloppy, secret), cacheKeysFor(typed, secret));
});

t.test('a different member, birth date, provider, service or date gets a different key', async (t) => {
  const base = cacheKeysFor(identity(), secret).valueKey;
  const variants = [
    identity({ memberId: 'ZXQ987654322' }),
    { ...identity(), subscriber: { ...identity().subscriber, dateOfBirth: '1983-07-20' } },
    { ...identity(), providerNpi: '1999999992' },
    { ...identity(), serviceTypes: ['MH'] },
    identity({ serviceDate: '2026-03-03' }),
    { ...identity(), dependent: { firstName: 'Kid', dateOfBirth: '2015-01-01' } },
  ];
  const keys = new Set(variants.map((variant) => cacheKeysFor(variant, secret).valueKey));
  t.equal(keys.size, variants.length);
  t.notOk(keys.has(base));
});

t.test('keys carry no PHI and cannot be recomputed without the secret', async (t) => {
  const { valueKey, lockKey } = cacheKeysFor(identity(), secret);
  t.match(valueKey, /^ce:v1:elig:\{[A-Za-z0-9_-]{43}\}$/);
  t.equal(lockKey, `${valueKey}:lock`);
  for (const phi of Object.values(MEMBER_PHI)) t.notOk(valueKey.includes(phi));
  t.not(cacheKeysFor(identity(), newKey()).valueKey, valueKey);
});

t.test('an inquiry can share answers across a month of service when asked to', async (t) => {
  const inquiry = {
    payerId: 'aetna',
    provider: { npi: '1234567893' },
    subscriber: { memberId: 'M1', dateOfBirth: '1990-01-01' },
    dateOfService: '2026-03-02',
    serviceTypes: ['MH'],
  };
  const march2 = cacheKeysFor(cacheIdentityFromInquiry(inquiry, 'month'), secret);
  const march30 = cacheKeysFor(cacheIdentityFromInquiry({ ...inquiry, dateOfService: '2026-03-30' }, 'month'), secret);
  t.same(march2, march30);
  t.not(cacheKeysFor(cacheIdentityFromInquiry(inquiry), secret).valueKey, cacheKeysFor(cacheIdentityFromInquiry({ ...inquiry, dateOfService: '2026-03-30' }), secret).valueKey);
});
