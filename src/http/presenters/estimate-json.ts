/**
 * The createEstimate answer as JSON: byte for byte what the route's response schema gives through
 * Fastify's serializer, with less work. Low, expected and high share their lines and weeks
 * whenever their terms are the same (the common, fully known case), and those are most of the
 * ~87 KB body, so the schema serializer wrote the same lines three times. Here each shared array
 * is written once per response and reused; nothing is kept between responses.
 *
 * Every value is still written by a serializer compiled from the contract, so properties the
 * schema does not name are dropped (the PHI safeguard). Only the three enclosing objects
 * (EstimateResponse, ProgramEstimate, ScenarioEstimate) are joined here, the way
 * fast-json-stringify joins them: required properties first, then optional ones, each in schema
 * order; an undefined property is left out, a missing required one throws. A schema feature this
 * join does not reproduce (defaults, extra properties, combinators) fails when the serializer is
 * built, instead of quietly changing the output.
 */
import { CONTRACT_SCHEMA_ID, resolveLocalRef, toSharedRefs, type Contract, type Json } from '../contract.js';

type JsonObject = { [key: string]: Json };

/** Compiles a JSON schema into a serializer, as the route's own serializer compiler does. */
export type CompileSerializer = (schema: JsonObject) => (value: unknown) => string;

/** Writes one value; `written` holds what this response already serialized, per writer. */
type Write = (value: unknown, written: Map<Write, Map<object, string>>) => string;

// The keywords an enclosing object may use; anything else could change fast-json-stringify's output.
const JOINABLE_KEYWORDS = new Set(['type', 'properties', 'required', 'additionalProperties', 'description', 'title']);

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function componentSchema(contract: Contract, name: string): JsonObject {
  const schema = resolveLocalRef(contract.document, { $ref: `#/components/schemas/${name}` });
  if (!isObject(schema)) throw new Error(`estimate serializer: schema ${name} is not in the contract`);
  return schema;
}

/** A serializer compiled from the contract, for a property's own schema. */
function compiled(compile: CompileSerializer, schema: Json): Write {
  const serialize = compile(toSharedRefs(schema) as JsonObject);
  return (value) => serialize(value);
}

/** Writes each distinct array once per response; a repeat (the same object) reuses the text. */
function once(write: Write): Write {
  return (value, written) => {
    if (typeof value !== 'object' || value === null) return write(value, written);
    let mine = written.get(write);
    if (mine === undefined) {
      mine = new Map();
      written.set(write, mine);
    }
    let json = mine.get(value);
    if (json === undefined) {
      json = write(value, written);
      mine.set(value, json);
    }
    return json;
  };
}

/**
 * Joins an object's properties as fast-json-stringify does. `nested` writes some properties
 * itself; `shared` names the properties written once per response.
 */
function joinObject(
  contract: Contract,
  name: string,
  compile: CompileSerializer,
  options: { nested?: Record<string, Write>; shared?: readonly string[] },
): Write {
  const schema = componentSchema(contract, name);
  for (const keyword of Object.keys(schema)) {
    if (!JOINABLE_KEYWORDS.has(keyword)) throw new Error(`estimate serializer: ${name} uses "${keyword}", which the join does not reproduce`);
  }
  const properties = schema.properties;
  if (schema.type !== 'object' || schema.additionalProperties !== false || !isObject(properties)) {
    throw new Error(`estimate serializer: ${name} must be an object with properties and no additional ones`);
  }
  const required = Array.isArray(schema.required) ? schema.required.map(String) : [];
  const keys = Object.keys(properties);
  for (const key of required) if (!keys.includes(key)) throw new Error(`estimate serializer: ${name} requires "${key}" but does not define it`);
  for (const key of [...Object.keys(options.nested ?? {}), ...(options.shared ?? [])]) {
    if (!keys.includes(key)) throw new Error(`estimate serializer: ${name} has no property "${key}"`);
  }
  // Required first, each group in schema order: fast-json-stringify's (stable) order.
  const ordered = [...keys.filter((key) => required.includes(key)), ...keys.filter((key) => !required.includes(key))];
  const fields = ordered.map((key) => {
    const resolved = resolveLocalRef(contract.document, properties[key]);
    if (isObject(resolved) && resolved.default !== undefined) throw new Error(`estimate serializer: ${name}.${key} has a default, which the join does not reproduce`);
    const own = options.nested?.[key] ?? compiled(compile, properties[key] ?? {});
    return { key, prefix: `${JSON.stringify(key)}:`, required: required.includes(key), write: options.shared?.includes(key) ? once(own) : own };
  });
  return (input, written) => {
    const obj = (input !== null && typeof input === 'object' && typeof (input as { toJSON?: unknown }).toJSON === 'function'
      ? (input as { toJSON(): unknown }).toJSON()
      : input) as Record<string, unknown> | null;
    if (obj === null) return '{}';
    let json = '';
    for (const field of fields) {
      const value = obj[field.key];
      if (value === undefined) {
        if (field.required) throw new Error(`"${field.key}" is required!`);
        continue;
      }
      json += (json === '' ? '{' : ',') + field.prefix + field.write(value, written);
    }
    return json === '' ? '{}' : `${json}}`;
  };
}

/**
 * Builds the createEstimate serializer. `responseSchema` is the route's 200 schema; it must be the
 * contract's EstimateResponse, or this serializer would not be the one the contract describes.
 */
export function estimateResponseSerializer(contract: Contract, responseSchema: Json | undefined, compile: CompileSerializer): (payload: unknown) => string {
  const expected = `${CONTRACT_SCHEMA_ID}#/components/schemas/EstimateResponse`;
  if (!isObject(responseSchema) || responseSchema.$ref !== expected || Object.keys(responseSchema).length !== 1) {
    throw new Error(`estimate serializer: the createEstimate 200 response must be exactly { $ref: ${expected} }`);
  }
  const scenario = joinObject(contract, 'ScenarioEstimate', compile, { shared: ['lines', 'weeks'] });
  const estimate = joinObject(contract, 'ProgramEstimate', compile, { nested: { low: scenario, expected: scenario, high: scenario } });
  const response = joinObject(contract, 'EstimateResponse', compile, { nested: { estimate } });
  return (payload) => response(payload, new Map());
}
