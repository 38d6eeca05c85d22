/**
 * The HTTP contract: openapi.yaml plus the component schemas under schemas/, bundled into one
 * in-memory OpenAPI 3.1 document. Request validation, response serialization, generated types,
 * the served /openapi.yaml and the reference page all come from this one bundle.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { isValidNpi } from '../core/npi.js';

/** A JSON value as read from YAML. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** One operation of the contract, as the app and the tests need it. */
export interface ContractOperation {
  operationId: string;
  method: string;
  /** OpenAPI path template, e.g. /v1/payers/{payerId}. */
  path: string;
  /** Fastify route URL, e.g. /v1/payers/:payerId. */
  url: string;
  spec: JsonObject;
}

/** The bundled contract. */
export interface Contract {
  document: JsonObject;
  operations: ContractOperation[];
  operation(operationId: string): ContractOperation;
}

/** The $id under which the components are registered with Fastify's validator and serializer. */
export const CONTRACT_SCHEMA_ID = 'contract';

/** The media types an operation's request body may be sent in, as the contract lists them. */
export function requestMediaTypes(contract: Contract, operationId: string): string[] {
  const body = resolveLocalRef(contract.document, contract.operation(operationId).spec.requestBody);
  return isObject(body) && isObject(body.content) ? Object.keys(body.content) : [];
}

/** Formats the contract names beyond JSON Schema's own (`format: npi`), for every validator that reads it. */
export const CONTRACT_FORMATS = { npi: isValidNpi } as const;

/** Adds the contract's own formats to an Ajv instance (Fastify's request validator, the contract tests). */
export function addContractFormats<A extends { addFormat(name: string, format: { type: 'string'; validate: (value: string) => boolean }): unknown }>(ajv: A): A {
  for (const [name, validate] of Object.entries(CONTRACT_FORMATS)) ajv.addFormat(name, { type: 'string', validate });
  return ajv;
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Rewrites every file-relative $ref ("./x.yaml#/Name", "#/Name") to "#/components/schemas/Name". */
function rewriteRefs(node: Json, known: Set<string>, where: string): Json {
  if (Array.isArray(node)) return node.map((item) => rewriteRefs(item, known, where));
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string' && /^#\/components\/(?!schemas\/)/.test(value)) {
      out[key] = value;
    } else if (key === '$ref' && typeof value === 'string') {
      const match = /^(?:[^#]*)#\/(?:components\/schemas\/)?([A-Za-z0-9_.-]+)$/.exec(value);
      if (!match?.[1] || !known.has(match[1])) throw new Error(`${where}: unresolved $ref "${value}"`);
      out[key] = `#/components/schemas/${match[1]}`;
    } else {
      out[key] = rewriteRefs(value, known, where);
    }
  }
  return out;
}

/** Reads openapi.yaml and schemas/*.yaml from `rootDir` and bundles them into one document. */
export function bundleContract(rootDir: string): JsonObject {
  const root = parseYaml(readFileSync(path.join(rootDir, 'openapi.yaml'), 'utf8')) as JsonObject;
  const schemaDir = path.join(rootDir, 'schemas');
  const collected: Record<string, { schema: Json; file: string }> = {};
  for (const file of readdirSync(schemaDir).filter((f) => /\.ya?ml$/.test(f)).sort()) {
    const content = parseYaml(readFileSync(path.join(schemaDir, file), 'utf8')) as JsonObject | null;
    for (const [name, schema] of Object.entries(content ?? {})) {
      if (collected[name]) throw new Error(`schemas/${file}: schema "${name}" is already defined in ${collected[name].file}`);
      collected[name] = { schema, file: `schemas/${file}` };
    }
  }
  const known = new Set(Object.keys(collected));
  const components = isObject(root.components) ? root.components : {};
  // Every schema listed in openapi.yaml must exist in schemas/, and every schema file entry is published.
  for (const [name, value] of Object.entries(isObject(components.schemas) ? components.schemas : {})) {
    if (!known.has(name)) throw new Error(`openapi.yaml: components.schemas.${name} is not defined in schemas/`);
    void value;
  }
  const schemas: JsonObject = {};
  for (const name of [...known].sort()) {
    const entry = collected[name];
    if (entry) schemas[name] = rewriteRefs(entry.schema, known, entry.file);
  }
  const bundled: JsonObject = { ...root, components: { ...components, schemas } };
  bundled.paths = rewriteRefs(root.paths ?? {}, known, 'openapi.yaml paths');
  if (isObject(components.responses)) {
    (bundled.components as JsonObject).responses = rewriteRefs(components.responses, known, 'openapi.yaml responses');
  }
  return bundled;
}

/** Loads the contract and indexes its operations. */
export function loadContract(rootDir: string): Contract {
  const document = bundleContract(rootDir);
  const operations: ContractOperation[] = [];
  for (const [pathTemplate, item] of Object.entries(isObject(document.paths) ? document.paths : {})) {
    if (!isObject(item)) continue;
    for (const method of HTTP_METHODS) {
      const spec = item[method];
      if (!isObject(spec)) continue;
      const operationId = spec.operationId;
      if (typeof operationId !== 'string') throw new Error(`openapi.yaml: ${method.toUpperCase()} ${pathTemplate} has no operationId`);
      operations.push({
        operationId,
        method: method.toUpperCase(),
        path: pathTemplate,
        url: pathTemplate.replace(/\{([^}]+)\}/g, ':$1'),
        spec,
      });
    }
  }
  return {
    document,
    operations,
    operation(operationId) {
      const found = operations.find((op) => op.operationId === operationId);
      if (!found) throw new Error(`operation ${operationId} is not in openapi.yaml`);
      return found;
    },
  };
}

/** Resolves a local "#/components/..." reference inside the bundled document. */
export function resolveLocalRef(document: JsonObject, node: Json | undefined): Json | undefined {
  let current: Json | undefined = node;
  for (let depth = 0; depth < 10 && isObject(current) && typeof current.$ref === 'string'; depth++) {
    const parts = current.$ref.replace(/^#\//, '').split('/');
    let target: Json | undefined = document;
    for (const part of parts) target = isObject(target) ? target[part] : undefined;
    current = target;
  }
  return current;
}

/** Points a bundled schema's local refs at the shared schema registered under CONTRACT_SCHEMA_ID. */
export function toSharedRefs(node: Json): Json {
  if (Array.isArray(node)) return node.map(toSharedRefs);
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    out[key] = key === '$ref' && typeof value === 'string' && value.startsWith('#/') ? `${CONTRACT_SCHEMA_ID}${value}` : toSharedRefs(value);
  }
  return out;
}

/**
 * Builds the Fastify route schema (body, params, querystring, 2xx JSON responses) for one operation
 * from the contract, so validation and serialization cannot drift from openapi.yaml.
 */
export function fastifySchemaFor(contract: Contract, operationId: string): Record<string, Json> {
  const op = contract.operation(operationId);
  const schema: Record<string, Json> = {};
  const parameters = (Array.isArray(op.spec.parameters) ? op.spec.parameters : [])
    .map((p) => resolveLocalRef(contract.document, p))
    .filter(isObject);
  for (const location of ['path', 'query'] as const) {
    const params = parameters.filter((p) => p.in === location);
    if (params.length === 0) continue;
    const properties: JsonObject = {};
    const required: string[] = [];
    for (const p of params) {
      properties[String(p.name)] = toSharedRefs(p.schema ?? {});
      if (p.required === true) required.push(String(p.name));
    }
    schema[location === 'path' ? 'params' : 'querystring'] = {
      type: 'object',
      properties,
      required,
      additionalProperties: location === 'path',
    };
  }
  const body = resolveLocalRef(contract.document, op.spec.requestBody);
  if (isObject(body) && isObject(body.content)) {
    const media = Object.entries(body.content).filter((entry): entry is [string, JsonObject] => isObject(entry[1]) && entry[1].schema !== undefined);
    if (media.length === 1 && media[0]?.[0] === 'application/json') {
      schema.body = toSharedRefs(media[0][1].schema ?? {});
    } else if (media.length > 0) {
      // Several media types: Fastify validates each against its own schema.
      const content: JsonObject = {};
      for (const [type, m] of media) content[type] = { schema: toSharedRefs(m.schema ?? {}) };
      schema.body = { content };
    }
  }
  const responses: JsonObject = {};
  for (const [status, response] of Object.entries(isObject(op.spec.responses) ? op.spec.responses : {})) {
    if (!/^2\d\d$/.test(status)) continue;
    const resolved = resolveLocalRef(contract.document, response);
    const content = isObject(resolved) && isObject(resolved.content) ? resolved.content : {};
    const json = content['application/json'];
    if (isObject(json) && json.schema) responses[status] = toSharedRefs(json.schema);
  }
  if (Object.keys(responses).length > 0) schema.response = responses;
  return schema;
}
