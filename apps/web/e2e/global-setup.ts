import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import getPort from 'get-port';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The app's embedded database, for operator commands (pnpm user:reset-password). */
    databaseUrl: string;
  }
}

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * Runs the built app (API + SPA) exactly as `pnpm start` does, on its own embedded Postgres in a
 * temporary folder, for the whole end-to-end run.
 */
export default async function setup(project: TestProject) {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'saa-e2e-'));
  const port = await getPort();
  const pgPort = await getPort();
  const server = spawn(process.execPath, [path.join(ROOT, 'apps/api/dist/server.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(pgPort),
      LOG_LEVEL: 'warn',
      // Every test signs up its own users from one IP, faster than the default limit allows.
      AUTH_RATE_LIMIT_PER_MINUTE: '1000',
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the app did not start within 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk;
      if (output.includes('ready at')) {
        clearTimeout(timer);
        resolve();
      }
    };
    server.stdout.on('data', onData);
    server.stderr.on('data', onData);
    server.on('exit', (code) => reject(new Error(`the app exited with ${code}:\n${output}`)));
  });
  project.provide('baseUrl', `http://127.0.0.1:${port}`);
  // The embedded cluster's fixed local credentials (apps/api/src/db/embedded-postgres.ts).
  project.provide('databaseUrl', `postgresql://postgres:saa-practice-local@127.0.0.1:${pgPort}/saa`);

  return async () => {
    const exited = new Promise((r) => server.once('exit', r));
    server.kill('SIGTERM');
    await exited;
    await rm(dataDir, { recursive: true, force: true });
  };
}
