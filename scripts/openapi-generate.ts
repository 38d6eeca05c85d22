/**
 * Regenerates src/http/generated/openapi.ts from openapi.yaml + schemas/ with openapi-typescript.
 * `--check` regenerates in memory and exits 1 when the committed file has drifted (CI runs it).
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { bundleContract } from '../src/http/contract.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = path.join(root, 'src/http/generated/openapi.ts');
const HEADER = `/**
 * DO NOT EDIT. Generated from openapi.yaml and schemas/ by \`npm run openapi:generate\`.
 * CI runs \`npm run openapi:check\` and fails when this file drifts from the contract.
 */
/* eslint-disable */
`;

const document = bundleContract(root);
const ast = await openapiTS(document as never, { alphabetize: true, exportType: false });
const generated = HEADER + astToString(ast);

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    current = '';
  }
  if (current !== generated) {
    process.stderr.write(`${path.relative(root, target)} is out of date with openapi.yaml: run \`npm run openapi:generate\` and commit the result.\n`);
    process.exit(1);
  }
  process.stdout.write('openapi: generated types match the contract\n');
} else {
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, generated);
  process.stdout.write(`openapi: wrote ${path.relative(root, target)}\n`);
}
