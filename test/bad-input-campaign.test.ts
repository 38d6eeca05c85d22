/**
 * The bad-input campaign: 10,000 generated malformed requests across every operation that takes
 * input (wrong types, huge strings, deep nesting, invalid dates, unicode tricks, prototype-pollution
 * keys, truncated JSON, wrong media types). Every answer must be a 4xx problem, never a 5xx; the
 * app must keep serving; and memory must return to its baseline afterwards.
 */
import t from 'tap';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { buildTestApp } from './support/build-test-app.js';
import { loadContract, resolveLocalRef, type Json } from '../src/http/contract.js';
import { PACKAGE_ROOT } from '../src/server.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

type JsonObject = { [key: string]: Json };
const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const TOTAL = 10_000;

/** A small deterministic PRNG, so a failure can be replayed from its seed. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = Math.imul(state ^ (state >>> 15), 1 | state);
    x ^= x + Math.imul(x ^ (x >>> 7), 61 | x);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const NASTY_STRINGS = [
  'x'.repeat(200_000),
  '\u202Eevil\u202C',
  '\u0000nul\u0000',
  '\uD800',
  '𝓐𝓛𝓔𝓧',
  '1985-02-30',
  '2026-13-01',
  '0000-00-00',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  "'; DROP TABLE members; --",
  '${jndi:ldap://127.0.0.1/a}',
  '   ',
  '',
  'NaN',
  '1e309',
];
const NASTY_VALUES: Json[] = [null, true, -1, 1.5, 1e308, -0, 9007199254740993, [], {}, [[[]]], { $ref: '#/x' }, 'true'];

function deep(depth: number): Json {
  let node: Json = 'leaf';
  for (let i = 0; i < depth; i++) node = { a: node };
  return node;
}

/** Mutates one randomly chosen place in a request example. */
function mutate(value: Json, next: () => number, depth = 0): Json {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  if (isObject(value)) {
    const keys = Object.keys(value);
    const roll = next();
    if (keys.length === 0 || roll < 0.12) {
      const polluted: JsonObject = JSON.parse(JSON.stringify(value)) as JsonObject;
      const key = pick(['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'x'.repeat(5000)]);
      polluted[key] = key === '__proto__' ? { polluted: true, isAdmin: true } : pick(NASTY_VALUES);
      return polluted;
    }
    const key = pick(keys);
    const copy: JsonObject = { ...value };
    if (roll < 0.2) delete copy[key];
    else if (roll < 0.3) copy[key] = deep(50 + Math.floor(next() * 2000));
    else copy[key] = depth < 4 && next() < 0.6 ? mutate(value[key] ?? null, next, depth + 1) : pick([...NASTY_VALUES, ...NASTY_STRINGS]);
    return copy;
  }
  if (Array.isArray(value)) {
    if (value.length === 0 || next() < 0.3) return pick([[], Array.from({ length: 2000 }, () => 'x'), [null], value.concat(value)]);
    const i = Math.floor(next() * value.length);
    const copy = [...value];
    copy[i] = mutate(value[i] ?? null, next, depth + 1);
    return copy;
  }
  return pick([...NASTY_VALUES, ...NASTY_STRINGS]);
}

function bodyFor(json: string, next: () => number): { payload: string; contentType: string } {
  const roll = next();
  if (roll < 0.08) return { payload: json.slice(0, Math.floor(next() * json.length)), contentType: 'application/json' };
  if (roll < 0.11) return { payload: json, contentType: 'text/xml' };
  if (roll < 0.13) return { payload: '{"a":'.repeat(20_000), contentType: 'application/json' };
  if (roll < 0.15) return { payload: Buffer.from(Array.from({ length: 512 }, () => Math.floor(next() * 256))).toString('latin1'), contentType: 'application/json' };
  return { payload: json, contentType: 'application/json' };
}

t.test(`${TOTAL} malformed requests get 4xx answers, the app keeps serving and memory returns to baseline`, async (t) => {
  const { app } = await buildTestApp({ SANDBOX_TIMEOUT_MS: '20', LOG_LEVEL: 'warn' });
  t.teardown(() => app.close());
  const contract = loadContract(PACKAGE_ROOT);
  const targets = contract.operations
    .map((op) => {
      const body = resolveLocalRef(contract.document, op.spec.requestBody);
      const media = isObject(body) && isObject(body.content) ? body.content['application/json'] : undefined;
      const examples = isObject(media) && isObject(media.examples) ? Object.values(media.examples).map((e) => (isObject(e) ? e.value : null)) : isObject(media) && media.example !== undefined ? [media.example] : [];
      return { op, examples: examples.filter((e): e is Json => e !== undefined && e !== null) };
    })
    .filter((target) => target.examples.length > 0);
  t.ok(targets.length >= 8, `campaign covers ${targets.length} operations with request bodies`);

  const next = random(20261126);
  const statuses = new Map<number, number>();
  const fiveHundreds: string[] = [];
  const warmup = async (n: number) => {
    for (let i = 0; i < n; i++) {
      const target = targets[i % targets.length]!;
      await app.inject({ method: target.op.method as 'POST', url: target.op.url, payload: target.examples[0] as object });
    }
  };
  await warmup(40);
  gc();
  const baseline = process.memoryUsage().heapUsed;

  for (let i = 0; i < TOTAL; i++) {
    const target = targets[i % targets.length]!;
    const example = target.examples[Math.floor(next() * target.examples.length)]!;
    const mutated = mutate(example, next);
    const { payload, contentType } = bodyFor(JSON.stringify(mutated), next);
    const res = await app.inject({ method: target.op.method as 'POST', url: target.op.url, headers: { 'content-type': contentType }, payload });
    statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
    if (res.statusCode >= 500 && fiveHundreds.length < 5) fiveHundreds.push(`${target.op.operationId} #${i}: ${res.statusCode} ${res.body.slice(0, 200)}`);
  }
  const counts = Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0]));
  t.comment(`status counts: ${JSON.stringify(counts)}`);
  t.same(fiveHundreds, [], 'no request got a 5xx');
  const accepted = [...statuses].filter(([status]) => status < 400).reduce((n, [, c]) => n + c, 0);
  t.ok(accepted < TOTAL * 0.2, `most mutations are refused (${accepted} happened to stay valid)`);
  for (const status of statuses.keys()) t.ok(status < 500, `status ${status} is not a server error`);

  const health = await app.inject({ method: 'GET', url: '/health/ready' });
  t.equal(health.statusCode, 200, 'the app still answers');

  gc();
  const after = process.memoryUsage().heapUsed;
  const growthMb = (after - baseline) / 1024 / 1024;
  t.comment(`heap: baseline ${(baseline / 1048576).toFixed(1)} MB, after ${(after / 1048576).toFixed(1)} MB`);
  t.ok(growthMb < 32, `heap returns to its baseline (grew ${growthMb.toFixed(1)} MB)`);
});
