import t from 'tap';
import { ConfigError, loadConfig } from './config.js';

const ROOT = '/srv/coverage-estimator';

t.test('with no variables at all the embedded defaults work, with warnings about unsafe ones', async (t) => {
  const config = loadConfig({}, ROOT);
  t.equal(config.port, 3000);
  t.equal(config.host, '127.0.0.1');
  t.same(config.redis, {}, 'no Redis: the in-memory cache is used');
  t.equal(config.files.payerDirectory, `${ROOT}/fixtures/payers/payers.json`);
  t.equal(config.cache.keySecretOrigin, 'generated');
  t.equal(config.cache.encryptionKey.key.length, 32);
  t.equal(config.warnings.length, 3);
  t.match(config.warnings[0], /CACHE_KEY_SECRET is not set/);
  t.ok(Object.isFrozen(config));
});

t.test('every invalid variable is reported in one message', async (t) => {
  const error = t.throws(() =>
    loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud', REDIS_URL: 'http://cache:6379', CACHE_ENCRYPTION_KEY: 'c2hvcnQ=' }, ROOT),
  ) as ConfigError;
  t.ok(error instanceof ConfigError);
  t.equal(error.issues.length, 4);
  t.match(error.message, /PORT: must be a whole number/);
  t.match(error.message, /LOG_LEVEL/);
  t.match(error.message, /REDIS_URL: must be a redis:\/\/ or rediss:\/\/ URL/);
  t.match(error.message, /CACHE_ENCRYPTION_KEY: must be 32 bytes/);
});

t.test('production refuses to start on per-process random cache secrets', async (t) => {
  const error = t.throws(() => loadConfig({ NODE_ENV: 'production' }, ROOT)) as ConfigError;
  t.match(error.message, /CACHE_KEY_SECRET: required when NODE_ENV=production/);
  t.match(error.message, /CACHE_ENCRYPTION_KEY: required when NODE_ENV=production/);
  const ok = loadConfig(
    { NODE_ENV: 'production', CACHE_KEY_SECRET: 'k'.repeat(40), CACHE_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'), AUDIT_HASH_SECRET: 'a'.repeat(40) },
    ROOT,
  );
  t.equal(ok.cache.keySecretOrigin, 'configured');
  t.same(ok.warnings, []);
});

t.test('previous encryption keys, trusted proxies, Redis cluster nodes and absolute paths are parsed', async (t) => {
  const key = Buffer.alloc(32, 1).toString('base64');
  const config = loadConfig(
    {
      CACHE_PREVIOUS_ENCRYPTION_KEYS: `old1:${key}, old2:${key}`,
      TRUST_PROXY: '10.0.0.0/8,127.0.0.1',
      REDIS_CLUSTER_NODES: '127.0.0.1:7000,127.0.0.1:7001',
      PAYER_DIRECTORY_FILE: '/etc/ce/payers.json',
    },
    ROOT,
  );
  t.same(config.cache.previousEncryptionKeys.map((k) => k.id), ['old1', 'old2']);
  t.same(config.trustProxy, ['10.0.0.0/8', '127.0.0.1']);
  t.same(config.redis.clusterNodes, ['127.0.0.1:7000', '127.0.0.1:7001']);
  t.equal(config.files.payerDirectory, '/etc/ce/payers.json');
  t.throws(() => loadConfig({ CACHE_PREVIOUS_ENCRYPTION_KEYS: 'nokey' }, ROOT), /keyId:<32-byte base64 key>/);
  t.throws(() => loadConfig({ REDIS_URL: 'redis://a:6379', REDIS_CLUSTER_NODES: 'b:7000' }, ROOT), /set one, not both/);
});

t.test('the clinic time zone is UTC by default and must be a time zone the runtime knows', async (t) => {
  t.equal(loadConfig({}, ROOT).clinicTimeZone, 'UTC');
  t.equal(loadConfig({ CLINIC_TIME_ZONE: 'America/Los_Angeles' }, ROOT).clinicTimeZone, 'America/Los_Angeles');
  const error = t.throws(() => loadConfig({ CLINIC_TIME_ZONE: 'Pacific Standard' }, ROOT)) as ConfigError;
  t.match(error.message, /CLINIC_TIME_ZONE: must be an IANA time zone/);
});
