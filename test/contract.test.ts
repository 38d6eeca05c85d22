/**
 * The contract stays true: every route the app serves is in openapi.yaml, every contract
 * operation is served, and every request example, sent to the app, gets an answer that matches
 * the documented schema for its status.
 */
import t from 'tap';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { buildTestApp } from './support/build-test-app.js';
import { addContractFormats, loadContract, resolveLocalRef, type Json } from '../src/http/contract.js';
import { PACKAGE_ROOT } from '../src/server.js';

type JsonObject = { [key: string]: Json };
const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;
const contract = loadContract(PACKAGE_ROOT);

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
addContractFormats(ajv);
ajv.addSchema({ $id: 'contract', components: contract.document.components });

/** Validates a value against a response/request schema of the bundled contract. */
function validate(schema: Json, value: unknown): string | undefined {
  const wrapped = JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"contract#/components/')) as object;
  const check = ajv.compile(wrapped);
  return check(value) ? undefined : ajv.errorsText(check.errors);
}

function mediaOf(response: Json | undefined): [string, JsonObject] | undefined {
  const resolved = resolveLocalRef(contract.document, response);
  if (!isObject(resolved) || !isObject(resolved.content)) return undefined;
  const entry = Object.entries(resolved.content)[0];
  return entry && isObject(entry[1]) ? [entry[0], entry[1]] : undefined;
}

function examples(media: JsonObject | undefined): { name: string; value: Json }[] {
  if (!media) return [];
  if (media.example !== undefined) return [{ name: 'example', value: media.example }];
  if (isObject(media.examples)) {
    return Object.entries(media.examples).map(([name, e]) => ({ name, value: isObject(e) ? (e.value ?? null) : null }));
  }
  return [];
}

t.test('every served route is in the contract and every contract operation is served', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());
  const served = app.registeredRoutes.filter((r) => !r.methodNotAllowed && r.method !== 'HEAD');
  const documented = new Set(contract.operations.map((op) => `${op.method} ${op.url}`));
  for (const route of served) {
    t.ok(documented.has(`${route.method} ${route.url}`), `${route.method} ${route.url} is documented in openapi.yaml`);
  }
  const servedKeys = new Set(served.map((r) => `${r.method} ${r.url}`));
  for (const op of contract.operations) {
    t.ok(servedKeys.has(`${op.method} ${op.url}`), `${op.operationId} (${op.method} ${op.path}) is served`);
  }
});

t.test('every operation documents a request example (when it takes input) and a response example', async (t) => {
  for (const op of contract.operations) {
    const body = resolveLocalRef(contract.document, op.spec.requestBody);
    if (isObject(body)) {
      const media = mediaOf(body);
      t.ok(examples(media?.[1]).length > 0, `${op.operationId} has a request example`);
    }
    const responses = isObject(op.spec.responses) ? op.spec.responses : {};
    const success = Object.entries(responses).find(([status]) => /^2/.test(status));
    t.ok(success, `${op.operationId} documents a success response`);
    const media = success ? mediaOf(success[1]) : undefined;
    if (media && media[0].includes('json')) {
      const list = examples(media[1]);
      t.ok(list.length > 0, `${op.operationId} has a success response example`);
      for (const ex of list) {
        t.equal(validate(media[1].schema ?? {}, ex.value), undefined, `${op.operationId} response example "${ex.name}" matches its schema`);
      }
    }
  }
});

t.test('every request example, sent to the app, is answered as documented', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());
  for (const op of contract.operations) {
    const params = (Array.isArray(op.spec.parameters) ? op.spec.parameters : [])
      .map((p) => resolveLocalRef(contract.document, p))
      .filter(isObject);
    let url = op.url;
    const query = new URLSearchParams();
    for (const p of params) {
      if (p.example === undefined) continue;
      if (p.in === 'path') url = url.replace(`:${String(p.name)}`, encodeURIComponent(String(p.example)));
      if (p.in === 'query') query.set(String(p.name), String(p.example));
    }
    const body = resolveLocalRef(contract.document, op.spec.requestBody);
    const bodyMedia = isObject(body) ? mediaOf(body) : undefined;
    const requestExamples = bodyMedia ? examples(bodyMedia[1]) : [{ name: 'no body', value: null }];
    for (const ex of requestExamples) {
      const qs = query.toString();
      const res = await app.inject({
        method: op.method as 'GET',
        url: qs ? `${url}?${qs}` : url,
        ...(bodyMedia ? { headers: { 'content-type': bodyMedia[0] }, payload: typeof ex.value === 'string' ? ex.value : JSON.stringify(ex.value) } : {}),
      });
      const responses = isObject(op.spec.responses) ? op.spec.responses : {};
      const documented = responses[String(res.statusCode)] ?? responses.default;
      t.ok(documented, `${op.operationId} "${ex.name}": status ${res.statusCode} is documented`);
      const media = mediaOf(documented);
      if (!media) continue;
      t.match(res.headers['content-type'], media[0].split(';')[0]!, `${op.operationId} "${ex.name}": content type ${media[0]}`);
      if (media[0].includes('json') && media[1].schema) {
        t.equal(validate(media[1].schema, res.json()), undefined, `${op.operationId} "${ex.name}": the answer matches its schema`);
      }
      t.ok(res.statusCode < 500, `${op.operationId} "${ex.name}" does not fail with a 5xx`);
    }
  }
});
