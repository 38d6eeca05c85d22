/**
 * Real redis-server processes for tests: one server on a free 127.0.0.1 port in a temp dir, or a
 * 3-node cluster. Every process and dir is removed in t.teardown, and killed on process exit as
 * a last resort. When redis-server is missing, Redis tests are skipped with a visible notice,
 * except under CI=true, where a missing server fails the run.
 */
import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The subset of a tap Test these helpers use. */
export interface TestLike {
  teardown(fn: () => unknown): void;
  fail(message: string): unknown;
  pass(message: string, extra: { skip: string }): unknown;
}

function onPath(binary: string): boolean {
  return spawnSync(binary, ['--version'], { stdio: 'ignore' }).status === 0;
}

/** True when both redis-server and redis-cli can be run. */
export const redisAvailable: boolean = onPath('redis-server') && onPath('redis-cli');

/** The notice printed when Redis tests are skipped. */
export const REDIS_MISSING_NOTICE = 'redis-server not found: Redis tests skipped';

/**
 * True when the test may go on. Otherwise it prints the notice and skips, or fails under CI=true,
 * so a green CI run always means Redis was really exercised.
 */
export function requireRedis(t: TestLike, available = redisAvailable, env: NodeJS.ProcessEnv = process.env): boolean {
  if (available) return true;
  if (env.CI === 'true') {
    t.fail('redis-server not found and CI=true: Redis tests cannot be skipped in CI');
    return false;
  }
  process.stderr.write(`\n*** ${REDIS_MISSING_NOTICE} ***\n`);
  // A skipped assertion shows up as SKIP in tap's summary, so the gap is never silent.
  t.pass(REDIS_MISSING_NOTICE, { skip: REDIS_MISSING_NOTICE });
  return false;
}

const live = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A free port below 55535, so port + 10000 (the cluster bus) is valid and free too. */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const port = 20000 + Math.floor(Math.random() * 35000);
    if ((await portIsFree(port)) && (await portIsFree(port + 10000))) return port;
  }
  throw new Error('no free port found after 50 attempts');
}

/** Runs redis-cli against a port and returns its output, or throws. */
export async function redisCli(port: number, ...args: string[]): Promise<string> {
  const { stdout } = await run('redis-cli', ['-h', '127.0.0.1', '-p', String(port), ...args], { timeout: 5000 });
  return stdout;
}

async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await sleep(50);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

/** A running redis-server that can be stopped, crashed and started again on the same port. */
export interface RedisServer {
  port: number;
  url: string;
  /** Kills it with SIGKILL, as a crash would. */
  kill(): Promise<void>;
  /** Starts it again on the same port (empty: nothing is persisted). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

async function startProcess(port: number, dir: string, extra: string[]): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', '--loglevel', 'warning', ...extra],
    { stdio: 'ignore' },
  );
  live.add(child);
  child.once('exit', () => live.delete(child));
  try {
    await waitUntil(`redis-server on port ${port}`, async () => {
      if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}`);
      return (await redisCli(port, 'PING')).trim() === 'PONG';
    }, 5000);
  } catch (error) {
    await stopProcess(child, 'SIGKILL');
    throw error;
  }
  return child;
}

async function stopProcess(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), 2000);
  await exited;
  clearTimeout(timer);
}

async function startOne(t: TestLike, extra: string[] = [], port?: number): Promise<RedisServer> {
  const dir = await mkdtemp(join(tmpdir(), 'ce-redis-'));
  let chosen = port ?? (await freePort());
  let child: ChildProcess | undefined;
  // A random port can be taken between the check and the bind; try a few.
  for (let attempt = 0; child === undefined; attempt += 1) {
    try {
      child = await startProcess(chosen, dir, extra);
    } catch (error) {
      if (attempt >= 3 || port !== undefined) {
        await rm(dir, { recursive: true, force: true });
        throw error;
      }
      chosen = await freePort();
    }
  }
  let current: ChildProcess = child;
  const server: RedisServer = {
    port: chosen,
    url: `redis://127.0.0.1:${chosen}`,
    kill: () => stopProcess(current, 'SIGKILL'),
    async restart() {
      await stopProcess(current, 'SIGKILL');
      current = await startProcess(chosen, dir, extra);
    },
    stop: () => stopProcess(current, 'SIGTERM'),
  };
  t.teardown(async () => {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  });
  return server;
}

/** Starts a throwaway redis-server on a free port; it is stopped and its dir removed at teardown. */
export async function startRedisServer(t: TestLike): Promise<RedisServer> {
  return startOne(t);
}

/** A running Redis Cluster with no replicas. */
export interface RedisCluster {
  nodes: RedisServer[];
  /** `host:port` seeds for ioredis Cluster. */
  seeds: string[];
}

/** Starts `size` cluster-enabled nodes, joins them with redis-cli --cluster create and waits for cluster_state:ok. */
export async function startRedisCluster(t: TestLike, size = 3): Promise<RedisCluster> {
  const nodes: RedisServer[] = [];
  for (let index = 0; index < size; index += 1) {
    nodes.push(await startOne(t, ['--cluster-enabled', 'yes', '--cluster-config-file', 'nodes.conf', '--cluster-node-timeout', '2000']));
  }
  const seeds = nodes.map((node) => `127.0.0.1:${node.port}`);
  await run('redis-cli', ['--cluster', 'create', ...seeds, '--cluster-replicas', '0', '--cluster-yes'], { timeout: 20_000 });
  for (const node of nodes) {
    await waitUntil(`cluster_state:ok on ${node.port}`, async () => (await redisCli(node.port, 'CLUSTER', 'INFO')).includes('cluster_state:ok'), 15_000);
  }
  return { nodes, seeds };
}
