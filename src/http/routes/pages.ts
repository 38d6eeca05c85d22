/**
 * The pages for people, served by the service itself: GET /console (intake coordinator console),
 * GET /estimate (a patient's cost estimate), GET /assets/{file} (their scripts and stylesheet) and
 * GET /v1/intake/checklist (the intake fit checklist content the console renders).
 *
 * The files in src/http/pages/ are read once at start-up (a missing file stops the service) and
 * served with a strict Content-Security-Policy: scripts and styles only from this origin, no inline
 * script, fetches only to this origin, no frames of us anywhere. The pages call the same public API
 * as any client, so they hold no privileges of their own.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { contractRoute } from '../contract-route.js';
import { problemFromCode } from '../problem.js';
import { sendProblem, type AppDeps } from '../app.js';
import { INTAKE_CHECKLIST } from '../../core/intake/intake-checklist.js';
import { buildGoodFaithEstimate } from '../../core/rules/good-faith-estimate.js';
import { tenWeekIopInput } from '../../core/rules/gfe-test-scenario.js';
import { renderGoodFaithEstimateHtml } from '../presenters/good-faith-estimate-html.js';
import type { components } from '../generated/openapi.js';

type IntakeChecklist = components['schemas']['IntakeChecklist'];

/** A static file held in memory with its validator. */
interface Asset {
  body: Buffer;
  type: string;
  etag: string;
}

const ASSET_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** Names GET /assets/{file} may serve (the contract's pattern, checked again here). */
const ASSET_NAME = /^[a-z0-9-]{1,60}\.(js|css)$/;

/**
 * Where the page files live: beside this module's folder when run from src/ (tsx), and
 * src/http/pages/ from the package root when run from dist/ or dist-bench/src/ (tsc does not copy them).
 */
export function findPagesDir(moduleUrl: string = import.meta.url): string {
  const here = path.dirname(fileURLToPath(moduleUrl));
  const candidates = [path.resolve(here, '../pages'), path.resolve(here, '../../../src/http/pages'), path.resolve(here, '../../../../src/http/pages')];
  const found = candidates.find((dir) => existsSync(path.join(dir, 'console.html')));
  if (!found) throw new Error(`pages: console.html not found in ${candidates.join(' or ')}; copy src/http/pages/ with the build`);
  return found;
}

function etagOf(body: Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/**
 * SHA-256 sources for the inline <style> of the printable Good Faith Estimate. The console opens
 * that document from a blob: URL, which inherits the console's policy; allowing its exact
 * stylesheet by hash keeps `style-src` free of 'unsafe-inline'. The CSS is a constant of the
 * presenter, so one rendering at start-up gives the hash for every estimate.
 */
export function goodFaithEstimateStyleHashes(): string[] {
  const html = renderGoodFaithEstimateHtml(buildGoodFaithEstimate(tenWeekIopInput()));
  return [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map(
    (m) => `'sha256-${createHash('sha256').update(m[1] ?? '', 'utf8').digest('base64')}'`,
  );
}

/** The policy for the console and the patient page. */
export function pageContentSecurityPolicy(extraStyleSources: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self'${extraStyleSources.map((s) => ` ${s}`).join('')}`,
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Reads every page file once; throws naming the directory when one is missing. */
function loadPages(dir: string): { html: Map<string, Asset>; assets: Map<string, Asset> } {
  const html = new Map<string, Asset>();
  for (const name of ['console.html', 'estimate.html']) {
    const body = readFileSync(path.join(dir, name));
    html.set(name, { body, type: 'text/html; charset=utf-8', etag: etagOf(body) });
  }
  const assets = new Map<string, Asset>();
  for (const name of readdirSync(dir).sort()) {
    const type = ASSET_TYPES[path.extname(name)];
    if (!type || !ASSET_NAME.test(name)) continue;
    const body = readFileSync(path.join(dir, name));
    assets.set(name, { body, type, etag: etagOf(body) });
  }
  return { html, assets };
}

function sendAsset(request: FastifyRequest, reply: FastifyReply, asset: Asset) {
  // Revalidate every time: a deploy changes the files, and 304s keep it cheap.
  reply.header('cache-control', 'no-cache').header('etag', asset.etag).header('x-content-type-options', 'nosniff');
  if (request.headers['if-none-match'] === asset.etag) return reply.status(304).send();
  return reply.type(asset.type).send(asset.body);
}

/** Registers the page, asset and intake-checklist routes. */
export function registerPageRoutes(app: FastifyInstance, deps: AppDeps, options: { pagesDir?: string } = {}): void {
  const { html, assets } = loadPages(options.pagesDir ?? findPagesDir());
  const csp = pageContentSecurityPolicy(goodFaithEstimateStyleHashes());

  const page = (name: string) => async (request: FastifyRequest, reply: FastifyReply) => {
    const asset = html.get(name);
    if (!asset) throw new Error(`pages: ${name} was not loaded`);
    reply
      .header('content-security-policy', csp)
      .header('referrer-policy', 'no-referrer')
      .header('x-frame-options', 'DENY')
      .header('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=()');
    return sendAsset(request, reply, asset);
  };
  contractRoute(app, deps.contract, 'getConsolePage', page('console.html'));
  contractRoute(app, deps.contract, 'getPatientEstimatePage', page('estimate.html'));

  contractRoute(app, deps.contract, 'getPageAsset', async (request, reply) => {
    const { file } = request.params as { file: string };
    const asset = ASSET_NAME.test(file) ? assets.get(file) : undefined;
    if (!asset) {
      return sendProblem(
        reply,
        problemFromCode('route.not-found', 'No page asset with that name', { instance: request.url.split('?')[0] ?? request.url, requestId: request.id }),
      );
    }
    return sendAsset(request, reply, asset);
  });

  const checklist: IntakeChecklist = INTAKE_CHECKLIST;
  contractRoute(app, deps.contract, 'getIntakeChecklist', async () => checklist);
}
