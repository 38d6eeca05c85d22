import path from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import nock from 'nock';
import { loadPayerDirectoryFile, payerDirectorySchema, resolvePayer, type PayerEntry } from '../../data-files/payer-directory-file.js';
import { isDomainError } from '../../../core/errors.js';
import type { EligibilityInquiry } from '../../../core/ports.js';
import { createPayerGateways } from './payer-gateways.js';
import { PayerConfigurationError } from './payer-credentials.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const shipped = loadPayerDirectoryFile(path.join(ROOT, 'fixtures/payers/payers.json'));
const SANDBOX_DIR = path.join(ROOT, 'fixtures/sandbox');

const realPayer = {
  id: 'acme-health',
  name: 'Acme Health',
  aliases: ['ACME'],
  format: 'x12-271',
  transactions: ['270/271'],
  crosswalk: [{ system: 'clearinghouse', id: '60054' }],
  connection: {
    endpoint: 'https://payer.test/x12',
    auth: { type: 'oauth2-client-credentials', tokenUrl: 'https://payer.test/token', clientIdEnv: 'ACME_CLIENT_ID', clientSecretEnv: 'ACME_CLIENT_SECRET' },
    x12: { senderId: 'CLINIC', receiverId: 'ACME' },
  },
};
const withReal = (): PayerEntry[] => payerDirectorySchema.parse({ payers: [...shipped, realPayer] }).payers;

const inquiry: EligibilityInquiry = {
  payerId: 'sandbox-ppo',
  provider: { npi: '1234567893', organizationName: 'SANDBOX BEHAVIORAL HEALTH CLINIC' },
  subscriber: { memberId: 'SBX-PPO-0001' },
  dateOfService: '2026-01-05',
  serviceTypes: ['30'],
};

t.test('resolves a payer by id, alias or crosswalk id, ignoring case and spaces', async (t) => {
  const directory = withReal();
  t.equal(resolvePayer(directory, 'sandbox-ppo').id, 'sandbox-ppo');
  t.equal(resolvePayer(directory, ' sbxppo ').id, 'sandbox-ppo');
  t.equal(resolvePayer(directory, 'acme').id, 'acme-health');
  t.equal(resolvePayer(directory, '60054').id, 'acme-health', 'clearinghouse trading partner id');
});

t.test('answers payer.not-found for an unknown id without echoing it', async (t) => {
  try {
    resolvePayer(shipped, 'SBX-PPO-0001');
    t.fail('expected payer.not-found');
  } catch (error) {
    t.ok(isDomainError(error) && error.code === 'payer.not-found');
    t.notMatch((error as Error).message, /SBX-PPO-0001/);
  }
});

t.test('rejects a directory where a crosswalk id collides with another payer', async (t) => {
  const clash = { ...realPayer, crosswalk: [{ system: 'x12', id: '99001' }] };
  t.notOk(payerDirectorySchema.safeParse({ payers: [...shipped, clash] }).success);
});

t.test('rejects connection settings that break the CAQH CORE 20-second limit or send PHI over plain http', async (t) => {
  const withConnection = (connection: Record<string, unknown>) =>
    payerDirectorySchema.safeParse({ payers: [{ ...realPayer, connection: { ...realPayer.connection, ...connection } }] });
  t.notOk(withConnection({ timeouts: { overallMs: 25_000 } }).success, 'overall deadline above 20 s');
  t.notOk(withConnection({ endpoint: 'http://payer.example.com/x12' }).success, 'plain http to a remote host');
  t.ok(withConnection({ endpoint: 'http://127.0.0.1:8080/x12' }).success, 'plain http on loopback is fine');
  t.notOk(withConnection({ auth: { type: 'api-key', header: 'X-Key', keyEnv: 'lower-case name' } }).success, 'secret named by something other than a variable name');
  t.notOk(payerDirectorySchema.safeParse({ payers: [{ ...realPayer, connection: undefined }] }).success, 'a real payer without a connection');
});

t.test('stops start-up naming every missing secret variable of a configured payer', async (t) => {
  const error = t.throws(() => createPayerGateways(withReal(), { env: { ACME_CLIENT_ID: 'id-value' }, sandboxTimeoutMs: 50, sandboxFixturesDir: SANDBOX_DIR }));
  t.type(error, PayerConfigurationError);
  t.match((error as Error).message, /acme-health: environment variable ACME_CLIENT_SECRET is not set/);
  t.notMatch((error as Error).message, /id-value/);
});

t.test('serves sandbox payers from stored responses and real payers over HTTP, looked up by alias', async (t) => {
  nock.disableNetConnect();
  t.teardown(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });
  const gateways = createPayerGateways(withReal(), {
    env: { ACME_CLIENT_ID: 'id', ACME_CLIENT_SECRET: 'secret' },
    sandboxTimeoutMs: 50,
    sandboxFixturesDir: SANDBOX_DIR,
  });
  t.teardown(() => gateways.close());
  const sandboxAnswer = await gateways('SBXPPO').fetchEligibility(inquiry);
  t.match(sandboxAnswer.body, /NM1\*IL\*1\*SANDBOX\*PPOACTIVE/);

  nock('https://payer.test')
    .post('/token')
    .reply(200, { access_token: 'tok', expires_in: 3600 })
    .post('/x12')
    .reply(200, sandboxAnswer.body);
  const real = await gateways('ACME').fetchEligibility({ ...inquiry, payerId: 'acme-health' });
  t.equal(real.body, sandboxAnswer.body);
  t.same(gateways.getCircuitStates(), { 'acme-health': 'closed' });
  t.throws(() => gateways('no-such-payer'), { code: 'payer.not-found' });
});
