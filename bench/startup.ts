import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import getPort from 'get-port';
import { ROOT } from './processes.ts';

export interface StartupResult {
  /** From `node scripts/start.mjs` to the first 200 from /api/health, on a built tree with an initialised database. */
  readyMs: number;
  /** The same for the very first start, which also creates the database, migrates and seeds. */
  firstStartMs: number;
}

/** Runs `pnpm start`'s script with its own data folder until /api/health answers, then stops it. */
async function timeOneStart(dataDir: string, pgPort: number): Promise<number> {
  const port = await getPort();
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts/start.mjs')], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      EMBEDDED_PG_PORT: String(pgPort),
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
    },
    stdio: 'ignore',
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`pnpm start exited with ${child.exitCode}`);
      const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return Math.round(performance.now() - started);
      if (performance.now() - started > 120_000) throw new Error('pnpm start was not ready within 120 s');
      await new Promise((r) => setTimeout(r, 25));
    }
  } finally {
    child.kill('SIGINT');
    await exited;
  }
}

/** `pnpm start` twice on a fresh data folder: the second start is what a user restarting waits for. */
export async function measureStartup(): Promise<StartupResult> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'saa-bench-start-'));
  const pgPort = await getPort();
  try {
    const firstStartMs = await timeOneStart(dataDir, pgPort);
    const readyMs = await timeOneStart(dataDir, pgPort);
    return { readyMs, firstStartMs };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
