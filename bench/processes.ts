// The processes a bench run needs: Postgres (embedded, or DATABASE_URL), the API's
// production build as a child process, and the hello-world ceiling server.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { adminQuery, startEmbeddedPostgres, urlForDatabase } from '@saa/api/for-benchmarks';
import getPort from 'get-port';
import { postmasterOf } from './machine-load.ts';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `pnpm build`'s API half when its sources are newer than apps/api/dist (the SPA is not served here). */
export function ensureApiBuilt(): void {
  const script = "const m = await import('./scripts/toolchain.mjs'); m.ensureApiBuilt();";
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('building the API failed');
}

export interface BenchPostgres {
  /** The database the API under test uses. */
  url: string;
  embedded: boolean;
  /** Where the data is: the embedded cluster's folder and its file system; DATABASE_URL's is unknown. */
  data: { dir: string; filesystem: string } | null;
  /** The embedded cluster's postmaster (its backends are its children); null for DATABASE_URL. */
  postmaster(): number | null;
  /** A fresh database on the same server; dropped again by `stop`. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

/** The type of the file system holding `dir` (its longest mount point prefix in /proc/mounts), e.g. tmpfs. */
export function filesystemOf(dir: string): string {
  try {
    let best = { mount: '', type: 'unknown' };
    for (const line of readFileSync('/proc/mounts', 'utf8').split('\n')) {
      const [, mount, type] = line.split(' ');
      if (!mount || !type) continue;
      const inside = dir === mount || dir.startsWith(mount.endsWith('/') ? mount : `${mount}/`);
      if (inside && mount.length >= best.mount.length) best = { mount, type };
    }
    return best.type;
  } catch {
    return 'unknown';
  }
}

/** An embedded Postgres in a new folder under `dataParent`, on a free port, or the server of DATABASE_URL when set. */
export async function startPostgres(databaseUrl: string | undefined, dataParent: string): Promise<BenchPostgres> {
  const created: string[] = [];
  const dropCreated = async (base: string) => {
    for (const name of created)
      await adminQuery(base, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
  };
  if (databaseUrl) {
    return {
      url: databaseUrl,
      embedded: false,
      data: null,
      postmaster: () => null,
      async createDatabase(name) {
        await adminQuery(databaseUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await adminQuery(databaseUrl, `CREATE DATABASE "${name}"`);
        created.push(name);
        return urlForDatabase(databaseUrl, name);
      },
      stop: () => dropCreated(databaseUrl),
    };
  }
  const dir = await mkdtemp(path.join(dataParent, 'saa-bench-pg-'));
  const database = await startEmbeddedPostgres({
    dataDir: path.join(dir, 'data'),
    port: await getPort(),
    database: 'saa_bench',
  });
  return {
    url: database.url,
    embedded: true,
    data: { dir, filesystem: filesystemOf(dir) },
    postmaster: () => postmasterOf(path.join(dir, 'data')),
    async createDatabase(name) {
      await adminQuery(database.url, `CREATE DATABASE "${name}"`);
      created.push(name);
      return urlForDatabase(database.url, name);
    },
    async stop() {
      await database.stop().catch(() => {});
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export interface ChildServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

function collectOutput(child: ChildProcess): () => string {
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString().split('\n').filter(Boolean));
    if (lines.length > 40) lines.splice(0, lines.length - 40);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => lines.join('\n');
}

async function waitUntilUp(child: ChildProcess, url: string, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${output()}`);
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.ok) return;
    } catch {}
    await sleep(200);
  }
  child.kill('SIGKILL');
  throw new Error(`the server did not come up within ${timeoutMs} ms:\n${output()}`);
}

/** Every child server still running, so that an interrupted run can stop them all. */
const running = new Map<() => Promise<void>, number>();

export async function stopAllChildren(): Promise<void> {
  for (const stop of [...running.keys()]) await stop();
}

/** The process ids of the child servers running now (API, hello-world). */
export function runningPids(): number[] {
  return [...running.values()];
}

function stopper(child: ChildProcess): () => Promise<void> {
  const stop = async () => {
    running.delete(stop);
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, sleep(15_000)]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  running.set(stop, child.pid ?? 0);
  return stop;
}

/** The API's production build (apps/api/dist/server.js) on a free port, against `databaseUrl`. */
export async function startApi(databaseUrl: string, env: Record<string, string>): Promise<ChildServer> {
  const port = await getPort();
  // For profiling a run, e.g. BENCH_API_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof".
  const nodeArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, path.join(ROOT, 'apps/api/dist/server.js')], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      SERVE_WEB: 'false',
      LOG_LEVEL: 'warn',
      // Every simulated candidate signs up and in from 127.0.0.1.
      AUTH_RATE_LIMIT_PER_MINUTE: '100000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = collectOutput(child);
  // For digging into a run, e.g. with BENCH_API_NODE_ARGS=--trace-gc: all the API's output to a file.
  if (process.env.BENCH_API_LOG) {
    const log = createWriteStream(process.env.BENCH_API_LOG, { flags: 'a' });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
  }
  const url = `http://127.0.0.1:${port}`;
  const stop = stopper(child);
  await waitUntilUp(child, `${url}/api/health`, output, 120_000);
  return { url, pid: child.pid ?? 0, stop };
}

/** The hello-world Fastify server (bench/hello-server.ts) on a free port. */
export async function startHello(databaseUrl?: string): Promise<ChildServer> {
  const port = await getPort();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench/hello-server.ts')], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      PORT: String(port),
      NODE_ENV: 'production',
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = collectOutput(child);
  const url = `http://127.0.0.1:${port}`;
  const stop = stopper(child);
  await waitUntilUp(child, `${url}/`, output, 30_000);
  return { url, pid: child.pid ?? 0, stop };
}
