import t from 'tap';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyReply } from 'fastify';
import { CONTRACT_SCHEMA_ID, fastifySchemaFor, loadContract, type Contract, type Json } from '../contract.js';
import { estimateResponseSerializer } from './estimate-json.js';
import { estimateCost, type EstimateCostRequest } from '../../use-cases/estimate-cost.js';
import { normalizePayerDocument } from '../../adapters/payers/normalize-payer-document.js';
import { offlineDeps } from '../../../test/support/estimate-deps.js';

const root = path.resolve(import.meta.dirname, '../../..');
const fixture = (file: string) => path.join(root, 'fixtures', file);
const contract = loadContract(root);
const responseSchema = (fastifySchemaFor(contract, 'createEstimate').response as Record<string, Json>)['200'];

/** Two routes answering the same payload: one through the contract's schema serializer, one through the join. */
async function serializers(build: Contract = contract) {
  const app = Fastify();
  app.addSchema({ $id: CONTRACT_SCHEMA_ID, components: contract.document.components });
  let payload: unknown;
  let joined: ((payload: unknown) => string) | undefined;
  const compileWith = (reply: FastifyReply) => (schema: Record<string, Json>) => {
    const serialize = reply.compileSerializationSchema(schema);
    return (value: unknown) => serialize(value as Record<string, unknown>);
  };
  app.post('/schema', { schema: { response: { 200: responseSchema } } }, async () => payload);
  app.post('/joined', async (_request, reply) => {
    joined ??= estimateResponseSerializer(build, responseSchema, compileWith(reply));
    reply.type('application/json; charset=utf-8').serializer(joined);
    return payload;
  });
  await app.ready();
  return {
    app,
    async both(value: unknown) {
      payload = value;
      const [schema, join] = await Promise.all([app.inject({ method: 'POST', url: '/schema' }), app.inject({ method: 'POST', url: '/joined' })]);
      return { schema, join };
    },
  };
}

/** Estimates as the use case returns them (scenarios sharing their lines), from typed-in terms and a payer answer. */
async function estimates() {
  const answer = (file: string) => normalizePayerDocument(readFileSync(fixture(`sandbox/responses/${file}`), 'utf8'), 'x12-271').coverages[0]!;
  const deps = offlineDeps();
  const plan = { levelOfCare: 'iop-mental-health' as const, startDate: '2026-12-07', daysPerWeek: 3, hoursPerDay: 3, weeks: 12 };
  const requests: EstimateCostRequest[] = [
    { payerId: 'sandbox-ppo', networkStatus: 'in', plan, coverage: answer('sandbox-ppo-active.271') },
    { payerId: 'sandbox-ppo', networkStatus: 'unknown', plan, coverage: answer('sandbox-ppo-active.271'), authorization: { units: 5, unit: 'day' } },
    { payerId: 'sandbox-hmo', networkStatus: 'out', plan, coverage: answer('sandbox-hmo-referral.271') },
    { payerId: 'sandbox-hdhp', networkStatus: 'in', plan: { ...plan, weeks: 30 }, coverage: answer('sandbox-hdhp-hsa.271') },
    {
      payerId: 'sandbox-ppo',
      networkStatus: 'in',
      plan: { ...plan, weeks: 2, extraSessions: [{ code: '90791', when: 'first-day' }, { code: '90837', when: 'weekly' }] },
      terms: { in: { notCovered: true } },
      asOf: '2026-11-26',
      slidingScale: { householdSize: 1, annualIncomeCents: 1_000_000, region: 'contiguous', dateOfService: '2026-12-07' },
    },
    { payerId: 'sandbox-ppo', networkStatus: 'in', plan, terms: { planType: 'PPO', in: { coinsurancePpm: 200_000 } }, asOf: '2026-11-26' },
  ];
  return Promise.all(requests.map((request) => estimateCost(deps, request)));
}

t.test('the joined serializer writes the same bytes as the contract schema, shared lines or not', async (t) => {
  const { app, both } = await serializers();
  t.teardown(() => app.close());
  const results = await estimates();
  t.ok(results.some((r) => r.estimate.low.lines === r.estimate.high.lines), 'some estimates share their lines between scenarios');
  t.ok(results.some((r) => r.estimate.low.lines !== r.estimate.high.lines), 'some do not');
  for (const [i, result] of results.entries()) {
    const { schema, join } = await both(result);
    t.equal(schema.statusCode, 200);
    t.equal(join.body, schema.body, `estimate ${i}: same body`);
    t.equal(join.headers['content-type'], schema.headers['content-type'], `estimate ${i}: same content type`);
    // Unshared copies (as a patient key's stripped copy is) give the same bytes too.
    t.equal((await both(structuredClone(result))).join.body, schema.body, `estimate ${i}: same body from an unshared copy`);
  }
});

t.test('properties the contract does not name never reach the body, at any depth', async (t) => {
  const { app, both } = await serializers();
  t.teardown(() => app.close());
  const [result] = await estimates();
  const leaky = structuredClone(result!) as unknown as Record<string, any>;
  leaky.memberId = 'W123456789';
  leaky.estimate.dateOfBirth = '1990-01-01';
  leaky.estimate.expected.subscriberId = 'W123456789';
  leaky.estimate.low.lines[0].memberId = 'W123456789';
  leaky.estimate.high.weeks[0].lastName = 'Lovelace';
  leaky.priorAuth.ssn = '123-45-6789';
  const { schema, join } = await both(leaky);
  t.notMatch(join.body, /W123456789|1990-01-01|Lovelace|123-45-6789/);
  t.equal(join.body, schema.body);
});

t.test('a missing required property fails as the schema serializer fails, and undefined optional ones are left out', async (t) => {
  const { app, both } = await serializers();
  t.teardown(() => app.close());
  const [result] = await estimates();
  const { join } = await both({ ...result, estimate: { ...result!.estimate, summary: undefined } });
  t.equal(join.statusCode, 500, 'a required property left out is an error, not a body without it');
  const { schema, join: joined } = await both({ ...result, coverageSource: undefined, slidingScale: undefined });
  t.equal(joined.body, schema.body);
});

t.test('the join refuses a contract it would not reproduce byte for byte', async (t) => {
  const compile = () => () => '';
  const changed = (mutate: (schemas: Record<string, any>) => void): Contract => {
    const document = structuredClone(contract.document) as Record<string, any>;
    mutate(document.components.schemas);
    return { ...contract, document };
  };
  t.throws(() => estimateResponseSerializer(contract, { $ref: 'contract#/components/schemas/ProgramEstimate' }, compile), /must be exactly/);
  t.throws(() => estimateResponseSerializer(changed((s) => { s.ScenarioEstimate.anyOf = [{ required: ['lines'] }]; }), responseSchema, compile), /anyOf/);
  t.throws(() => estimateResponseSerializer(changed((s) => { s.ProgramEstimate.additionalProperties = true; }), responseSchema, compile), /no additional/);
  t.throws(() => estimateResponseSerializer(changed((s) => { s.ProgramEstimate.properties.summary.default = ''; }), responseSchema, compile), /default/);
  t.throws(() => estimateResponseSerializer(changed((s) => { delete s.ScenarioEstimate.properties.lines; s.ScenarioEstimate.required = s.ScenarioEstimate.required.filter((k: string) => k !== 'lines'); }), responseSchema, compile), /no property "lines"/);
});
