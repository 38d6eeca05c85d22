import crypto from 'node:crypto';
import t from 'tap';
import Fastify, { type FastifyInstance } from 'fastify';
import { createLogger } from '../../logger.js';
import { createLogCapture } from '../../../test/support/log-capture.js';
import { sendProblem } from '../app.js';
import { problemFromError } from '../problem.js';
import { API_SCOPE_NAMES, hashApiKey, parseApiKeysEnv, type ApiScope } from '../../adapters/data-files/api-keys-file.js';
import {
  ApiKeyAuthConfigError,
  NO_KEYS_WARNING,
  findApiKey,
  registerApiKeyAuth,
  scopesFromSecurity,
  stripPhiForPatient,
} from './api-key-auth.js';

const SCOPED: ApiScope[] = API_SCOPE_NAMES.filter((s) => s !== 'patient');
const keyFor = (scope: string) => `key-${scope.replace(':', '-')}-${'x'.repeat(32)}`;
const ALL_SCOPES_KEY = `all-${'y'.repeat(40)}`;
const EXPIRED_KEY = `expired-${'z'.repeat(40)}`;
const PATIENT_KEY = `patient-${'p'.repeat(40)}`;

const KEYS = parseApiKeysEnv(
  [
    ...SCOPED.map((scope) => `only-${scope.replace(':', '-')}/${scope}/${hashApiKey(keyFor(scope))}`),
    `everything/${SCOPED.join('+')}/${hashApiKey(ALL_SCOPES_KEY)}`,
    `old/estimates:create/${hashApiKey(EXPIRED_KEY)}/2020-01-01T00:00:00Z`,
    `patient-app/patient+estimates:create/${hashApiKey(PATIENT_KEY)}`,
  ].join(','),
);

async function build(options: { keys?: typeof KEYS; env?: 'development' | 'test' | 'production' } = {}) {
  const log = createLogCapture();
  const app = Fastify({ loggerInstance: createLogger({ level: 'info', pretty: false }, log.stream) }) as unknown as FastifyInstance;
  // The app's one place that maps errors to problem+json (the plugin throws, it does not reply).
  app.setErrorHandler((error, request, reply) => sendProblem(reply, problemFromError(error, request)));
  registerApiKeyAuth(app, { keys: options.keys ?? KEYS, env: options.env ?? 'test', now: () => new Date('2026-03-01T00:00:00Z') });
  for (const scope of SCOPED) {
    app.get(`/scoped/${scope}`, { config: { scopes: [scope] } }, async (request) => ({ caller: request.apiKey?.name }));
  }
  app.get('/open', async (request) => ({ caller: request.apiKey?.name ?? null }));
  app.post('/estimates', { config: { scopes: ['estimates:create'] } }, async () => ({
    totalCents: 12_300,
    subscriber: { relationship: 'self', phi: { memberId: 'W123456789', firstName: 'Ada', dateOfBirth: '1990-01-01' } },
    plan: { groupNumber: 'G-77', type: 'PPO' },
  }));
  await app.ready();
  t.teardown(() => app.close());
  return { app, log };
}

t.test('a key with a scope may call that scope\'s routes and no other scoped route', async (t) => {
  const { app } = await build();
  for (const scope of SCOPED) {
    for (const route of SCOPED) {
      const res = await app.inject({ url: `/scoped/${route}`, headers: { authorization: `Bearer ${keyFor(scope)}` } });
      if (route === scope) {
        t.equal(res.statusCode, 200, `${scope} key calls ${route}`);
        t.same(res.json(), { caller: `only-${scope.replace(':', '-')}` });
      } else {
        t.equal(res.statusCode, 403, `${scope} key is refused on ${route}`);
        t.equal(res.json().code, 'auth.insufficient-scope');
        t.match(res.headers['www-authenticate'], `scope="${route}"`);
      }
    }
  }
});

t.test('a request without a key gets 401 auth.missing-key as problem+json', async (t) => {
  const { app } = await build();
  const res = await app.inject({ url: '/scoped/payers:read' });
  t.equal(res.statusCode, 401);
  t.match(res.headers['content-type'], 'application/problem+json');
  t.match(res.json(), { code: 'auth.missing-key', status: 401, instance: '/scoped/payers:read' });
  t.match(res.headers['www-authenticate'], /^Bearer realm=/);
});

t.test('an unknown key and an expired key get the same 401 auth.invalid-key', async (t) => {
  const { app } = await build();
  const unknown = await app.inject({ url: '/scoped/estimates:create', headers: { 'x-api-key': 'not-a-key-we-issued' } });
  const expired = await app.inject({ url: '/scoped/estimates:create', headers: { 'x-api-key': EXPIRED_KEY } });
  for (const res of [unknown, expired]) {
    t.equal(res.statusCode, 401);
    t.equal(res.json().code, 'auth.invalid-key');
    t.equal(res.json().detail, 'The API key is unknown, revoked or expired');
    t.match(res.headers['www-authenticate'], 'error="invalid_token"');
  }
});

t.test('a key is accepted as Bearer (any case) or as x-api-key, and a malformed Authorization is no key', async (t) => {
  const { app } = await build();
  const url = '/scoped/payers:read';
  t.equal((await app.inject({ url, headers: { authorization: `Bearer ${ALL_SCOPES_KEY}` } })).statusCode, 200);
  t.equal((await app.inject({ url, headers: { authorization: `bearer ${ALL_SCOPES_KEY}` } })).statusCode, 200);
  t.equal((await app.inject({ url, headers: { 'x-api-key': ALL_SCOPES_KEY } })).statusCode, 200);
  const basic = await app.inject({ url, headers: { authorization: `Basic ${ALL_SCOPES_KEY}` } });
  t.equal(basic.json().code, 'auth.missing-key');
});

t.test('open routes serve callers without a key and still identify callers with one', async (t) => {
  const { app } = await build();
  t.same((await app.inject({ url: '/open' })).json(), { caller: null });
  t.same((await app.inject({ url: '/open', headers: { 'x-api-key': ALL_SCOPES_KEY } })).json(), { caller: 'everything' });
  t.equal((await app.inject({ url: '/open', headers: { 'x-api-key': 'wrong' } })).statusCode, 200);
});

t.test('key lookup compares SHA-256 digests in constant time against every configured key', async (t) => {
  const calls = t.capture(crypto, 'timingSafeEqual', crypto.timingSafeEqual);
  const found = findApiKey(KEYS, keyFor('payers:read'));
  t.equal(found?.name, 'only-payers-read');
  t.equal(calls.args().length, KEYS.length, 'no early exit after the match');
  for (const [a, b] of calls.args()) t.equal((a as Buffer).length === 32 && (b as Buffer).length === 32, true);
  t.equal(findApiKey(KEYS, 'short'), undefined, 'a key of another length is hashed, never compared raw');
});

t.test('a patient key creates estimates but never sees member identifiers', async (t) => {
  const { app } = await build();
  const patient = await app.inject({ method: 'POST', url: '/estimates', headers: { 'x-api-key': PATIENT_KEY } });
  t.equal(patient.statusCode, 200);
  t.same(patient.json(), { totalCents: 12_300, subscriber: { relationship: 'self' }, plan: { type: 'PPO' } });
  t.notMatch(patient.body, /W123456789|Ada|1990-01-01|G-77/);
  const clinic = await app.inject({ method: 'POST', url: '/estimates', headers: { 'x-api-key': ALL_SCOPES_KEY } });
  t.match(clinic.body, 'W123456789', 'clinic keys keep the identifiers');
});

t.test('stripPhiForPatient removes phi and member identifiers at any depth and keeps the rest', async (t) => {
  const input = {
    coverage: [{ subscriber: { phi: { memberId: 'M1' }, relationship: 'self' }, memberId: 'M1', plan: { groupNumber: 'G', name: 'Gold' } }],
    nested: { deeper: { subscriberId: 'S1', otherIds: { SY: '123' }, amountCents: 5 } },
    total: 10,
    note: null,
  };
  t.same(stripPhiForPatient(input), {
    coverage: [{ subscriber: { relationship: 'self' }, plan: { name: 'Gold' } }],
    nested: { deeper: { amountCents: 5 } },
    total: 10,
    note: null,
  });
  t.equal(input.coverage[0]?.memberId, 'M1', 'the input is not changed');

  // An estimate's scenarios share one lines array: the copy shares it too, stripped once.
  const lines = [{ date: '2026-12-07', phi: { memberId: 'M1' }, patientPaysCents: 100 }];
  const estimate = stripPhiForPatient({ low: { lines }, expected: { lines }, high: { lines } });
  t.equal(estimate.low.lines, estimate.high.lines, 'shared in the input, shared in the copy');
  t.not(estimate.low.lines, lines, 'still a copy');
  t.same(estimate.expected.lines, [{ date: '2026-12-07', patientPaysCents: 100 }]);
});

t.test('with no keys outside production everything is allowed and one loud warning is logged', async (t) => {
  const { app, log } = await build({ keys: [], env: 'development' });
  const res = await app.inject({ url: '/scoped/admin' });
  t.equal(res.statusCode, 200);
  t.same(res.json(), { caller: 'development-no-auth' });
  await app.inject({ url: '/scoped/payers:read' });
  const warnings = log.records().filter((r) => r.msg === NO_KEYS_WARNING);
  t.equal(warnings.length, 1);
  t.equal(warnings[0]?.level, 40);
});

t.test('with no keys and NODE_ENV=production the app refuses to build', async (t) => {
  const app = Fastify();
  t.teardown(() => app.close());
  t.throws(() => registerApiKeyAuth(app, { keys: [], env: 'production' }), ApiKeyAuthConfigError);
  t.throws(() => registerApiKeyAuth(app, { keys: [], env: 'production' }), /API_KEYS or API_KEYS_FILE/);
});

t.test('a route with an unknown scope fails at start-up', async (t) => {
  const app = Fastify();
  t.teardown(() => app.close());
  registerApiKeyAuth(app, { keys: KEYS, env: 'test' });
  t.throws(() => app.get('/typo', { config: { scopes: ['estimate:create' as ApiScope] } }, async () => ({})), /unknown scope "estimate:create"/);
});

t.test('scopes come from an OpenAPI security list, and an unknown scope there is an error', async (t) => {
  t.same(scopesFromSecurity([{ bearerAuth: ['estimates:create'] }, { apiKeyHeader: ['estimates:create'] }]), ['estimates:create']);
  t.same(scopesFromSecurity([]), []);
  t.same(scopesFromSecurity(undefined), []);
  t.throws(() => scopesFromSecurity([{ bearerAuth: ['everything'] }]), /unknown scope/);
});
