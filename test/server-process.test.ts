/**
 * The real process: start-up refuses bad configuration and broken data files with one clear
 * message and a non-zero exit; a running server answers on a socket and shuts down gracefully.
 */
import t from 'tap';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../src/server.js';

function startServer(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(PACKAGE_ROOT, 'src/server.ts')], {
    cwd: PACKAGE_ROOT,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

async function waitFor<T>(probe: () => T | undefined, timeoutMs: number): Promise<T> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const value = probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('timed out waiting');
}

t.test('an invalid environment stops start-up with every problem listed and exit code 1', async (t) => {
  const server = startServer({ PORT: 'abc', LOG_LEVEL: 'chatty' });
  t.equal(await server.exited, 1);
  const { stderr } = server.output();
  t.match(stderr, /Invalid configuration/);
  t.match(stderr, /PORT: must be a whole number/);
  t.match(stderr, /LOG_LEVEL/);
});

t.test('production without cache secrets refuses to start', async (t) => {
  const server = startServer({ NODE_ENV: 'production' });
  t.equal(await server.exited, 1);
  t.match(server.output().stderr, /CACHE_KEY_SECRET: required when NODE_ENV=production/);
});

t.test('a broken payer directory file stops start-up naming the file and field', async (t) => {
  const dir = t.testdir();
  const file = path.join(dir, 'payers.json');
  writeFileSync(file, JSON.stringify({ payers: [{ id: 'x', name: 'X', format: 'x12-271', transactions: ['270/271'], sandbox: 'yes' }] }));
  const server = startServer({ PAYER_DIRECTORY_FILE: file });
  t.equal(await server.exited, 1);
  t.match(server.output().stderr, new RegExp(`Invalid data file ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  t.match(server.output().stderr, /payers\.0\.(id|sandbox)/);
});

t.test('the server answers on a socket and exits 0 on SIGTERM', async (t) => {
  const server = startServer({ LOG_LEVEL: 'info' });
  t.teardown(() => server.child.kill('SIGKILL'));
  const port = await waitFor(() => /listening at http:\/\/127\.0\.0\.1:(\d+)/.exec(server.output().stdout)?.[1], 20_000);
  const res = await fetch(`http://127.0.0.1:${port}/health/ready`);
  t.equal(res.status, 200);
  t.equal(((await res.json()) as { status: string }).status, 'ready');
  server.child.kill('SIGTERM');
  t.equal(await server.exited, 0);
  t.match(server.output().stdout, /shutting down/);
});
