/**
 * The browsable API reference, rendered once from the bundled contract: operations with their
 * examples, component schemas, and the problem catalog that `type` URIs in problems link to.
 * Self-contained HTML (no external assets), so it works offline and inside a clinic's network.
 */
import { ERROR_CATALOG } from '../../core/errors.js';
import { resolveLocalRef, type Contract, type Json } from '../contract.js';
import { STATUS_BY_KIND } from '../problem.js';
import { escapeHtml } from './html-escape.js';

type JsonObject = { [key: string]: Json };
const isObject = (v: Json | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

function pretty(value: Json | undefined): string {
  return `<pre><code>${escapeHtml(JSON.stringify(value, null, 2))}</code></pre>`;
}

function examplesOf(document: JsonObject, media: Json | undefined): Json[] {
  const resolved = resolveLocalRef(document, media);
  if (!isObject(resolved)) return [];
  if (resolved.example !== undefined) return [resolved.example];
  if (isObject(resolved.examples)) {
    return Object.values(resolved.examples).map((e) => (isObject(e) ? (e.value ?? null) : null));
  }
  return [];
}

function schemaName(schema: Json | undefined): string {
  if (isObject(schema) && typeof schema.$ref === 'string') return schema.$ref.split('/').pop() ?? '';
  return '';
}

/** Renders the reference page HTML. */
export function renderReferencePage(contract: Contract): string {
  const doc = contract.document;
  const info = isObject(doc.info) ? doc.info : {};
  const sections = contract.operations.map((op) => {
    const spec = op.spec;
    const params = (Array.isArray(spec.parameters) ? spec.parameters : []).map((p) => resolveLocalRef(doc, p)).filter(isObject);
    const body = resolveLocalRef(doc, spec.requestBody);
    const bodyContent = isObject(body) && isObject(body.content) ? body.content : {};
    const responses = isObject(spec.responses) ? spec.responses : {};
    return `<section id="op-${escapeHtml(op.operationId)}" class="op">
  <h3><span class="method ${op.method.toLowerCase()}">${op.method}</span> <code>${escapeHtml(op.path)}</code></h3>
  <p class="summary">${escapeHtml(spec.summary)} <small>(${escapeHtml(op.operationId)})</small></p>
  ${spec.description ? `<p>${escapeHtml(spec.description)}</p>` : ''}
  ${params.length ? `<h4>Parameters</h4><ul>${params.map((p) => `<li><code>${escapeHtml(p.name)}</code> in ${escapeHtml(p.in)}${p.required ? ' (required)' : ''}: ${escapeHtml(p.description ?? '')}</li>`).join('')}</ul>` : ''}
  ${Object.entries(bodyContent).map(([media, m]) => `<h4>Request body <small>${escapeHtml(media)}</small> ${escapeHtml(schemaName(isObject(m) ? m.schema : undefined))}</h4>${examplesOf(doc, m).map(pretty).join('')}`).join('')}
  <h4>Responses</h4>
  ${Object.entries(responses).map(([status, r]) => {
    const resolved = resolveLocalRef(doc, r);
    const content = isObject(resolved) && isObject(resolved.content) ? resolved.content : {};
    return `<details><summary><strong>${escapeHtml(status)}</strong> ${escapeHtml(isObject(resolved) ? resolved.description : '')}</summary>${Object.entries(content).map(([media, m]) => `<p><small>${escapeHtml(media)}</small> ${escapeHtml(schemaName(isObject(m) ? m.schema : undefined))}</p>${examplesOf(doc, m).map(pretty).join('')}`).join('')}</details>`;
  }).join('\n')}
</section>`;
  });
  const components = isObject(doc.components) && isObject(doc.components.schemas) ? doc.components.schemas : {};
  const schemaSections = Object.entries(components).map(
    ([name, schema]) => `<details id="schema-${escapeHtml(name)}"><summary><code>${escapeHtml(name)}</code></summary>${pretty(schema)}</details>`,
  );
  const problems = Object.entries(ERROR_CATALOG).map(
    ([code, entry]) => `<tr id="problem-${escapeHtml(code)}"><td><code>${escapeHtml(code)}</code></td><td>${STATUS_BY_KIND[entry.kind]}</td><td>${escapeHtml(entry.title)}</td></tr>`,
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(info.title)} API reference</title>
<style>
body{font-family:system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;line-height:1.5;color:#1a1a1a}
code,pre{font-family:ui-monospace,monospace}pre{background:#f4f4f4;padding:.75rem;overflow:auto;border-radius:4px}
.method{display:inline-block;min-width:4rem;padding:0 .4rem;border-radius:3px;color:#fff;background:#444;font-size:.9rem;text-align:center}
.method.get{background:#1f5f99}.method.post{background:#1c6b3a}.op{border-top:1px solid #ddd;padding-top:.5rem}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}
</style></head><body>
<header><h1>${escapeHtml(info.title)} <small>${escapeHtml(info.version)}</small></h1><p>${escapeHtml(info.summary)}</p>
<p>The contract: <a href="/openapi.yaml">openapi.yaml</a> · <a href="/openapi.json">openapi.json</a></p></header>
<nav><h2>Operations</h2><ul>${contract.operations.map((op) => `<li><a href="#op-${escapeHtml(op.operationId)}">${op.method} ${escapeHtml(op.path)}</a> ${escapeHtml(op.spec.summary)}</li>`).join('')}</ul></nav>
<main><h2>Operations</h2>${sections.join('\n')}
<h2 id="schemas">Schemas</h2>${schemaSections.join('\n')}
<h2 id="problems">Problem types</h2><p>Every error is <code>application/problem+json</code> (RFC 9457); branch on <code>code</code>.</p>
<table><thead><tr><th>code</th><th>status</th><th>title</th></tr></thead><tbody>${problems.join('')}</tbody></table></main>
</body></html>`;
}
