/**
 * The end-to-end harness: the real app listening on 127.0.0.1 (random port) and Debian's Chromium
 * driven by playwright-core. Without /usr/bin/chromium the browser tests skip with a visible notice,
 * except in CI (CI=true), where a missing browser fails the run.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { buildTestApp } from '../support/build-test-app.js';
import { PACKAGE_ROOT } from '../../src/server.js';

/** Debian's Chromium; CHROMIUM_PATH overrides it (e.g. to check the skip path). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = path.join(PACKAGE_ROOT, 'docs/screenshots');
export const AXE_PATH = path.join(PACKAGE_ROOT, 'node_modules/axe-core/axe.min.js');

/** Why the browser tests cannot run here, or undefined when they can. */
export function browserUnavailable(): string | undefined {
  return existsSync(CHROMIUM_PATH) ? undefined : `Chromium is not installed at ${CHROMIUM_PATH} (apt-get install -y chromium)`;
}

/** Starts the app on a random local port and launches Chromium. */
export async function startHarness() {
  const { app } = await buildTestApp({ LOG_LEVEL: 'warn' });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return {
    app,
    browser,
    baseUrl: `http://127.0.0.1:${port}`,
    async close() {
      await browser.close();
      await app.close();
    },
  };
}

/** Collects Content-Security-Policy violations and script errors a page reports. */
export function watchPage(page: Page) {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (/Content Security Policy|Refused to/i.test(msg.text())) problems.push(`csp: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`error: ${err.message}`));
  return problems;
}

/** Serious and critical axe-core violations on the page, as "id: help (n nodes)" lines. */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  // The pages' CSP (script-src 'self') refuses an injected <script> (page.addScriptTag), as it
  // should; evaluating the source through DevTools runs it without weakening the policy under test.
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(readFileSync(AXE_PATH, 'utf8'));
  // Page functions are passed as source text: this project compiles without the DOM lib.
  type AxeResult = { violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] };
  const result = await page.evaluate<AxeResult>("axe.run(document, { resultTypes: ['violations'] })");
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

/** Saves a screenshot of a page (full length) or of one part of it under docs/screenshots/. */
export async function screenshot(target: Page | Locator, name: string, { fullPage = true } = {}) {
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  if ('goto' in target) await target.screenshot({ path: file, fullPage });
  else await target.screenshot({ path: file });
}
