import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import getPort from 'get-port';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '../test/build-test-app.ts';
import { createEmptyDatabase } from '../test/scratch-database.ts';

const SERVER = fileURLToPath(new URL('./server.ts', import.meta.url));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Starts the real server process; resolves when it exits, or calls `whileRunning` once ready. */
function runServer(env: Record<string, string>, whileRunning?: (port: number) => Promise<void>): Promise<Run> {
  const port = Number(env.PORT);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', SERVER], {
      env: { ...process.env, LOG_LEVEL: 'silent', SERVE_WEB: 'false', SEED_ON_START: 'false', ...env },
    });
    let stdout = '';
    let stderr = '';
    let started = false;
    const timer = setTimeout(() => child.kill('SIGKILL'), 25_000);
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      if (!started && stdout.includes('ready at') && whileRunning) {
        started = true;
        whileRunning(port)
          .then(() => child.kill('SIGTERM'))
          .catch((error) => {
            child.kill('SIGKILL');
            reject(error);
          });
      }
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const lines = (text: string) => text.trim().split('\n').filter(Boolean);

describe('the server process', () => {
  it('serves, then shuts down cleanly on SIGTERM', async () => {
    const port = await getPort();
    const run = await runServer({ PORT: String(port), DATABASE_URL: testDatabaseUrl() }, async (p) => {
      const res = await fetch(`http://127.0.0.1:${p}/api/health`);
      expect(res.status).toBe(200);
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`ready at http://127.0.0.1:${port}`);
  });

  // Each case starts its own server process and mostly waits on it, so they run side by side.
  describe.concurrent('fails with one readable line and a non-zero exit', () => {
    let blocker: ReturnType<typeof createServer>;
    let busyPort: number;
    beforeAll(async () => {
      busyPort = await getPort();
      blocker = createServer();
      await new Promise<void>((r) => blocker.listen(busyPort, '127.0.0.1', r));
    });
    afterAll(() => new Promise<void>((r) => blocker.close(() => r())));

    it('when the port is already in use', async () => {
      const run = await runServer({ PORT: String(busyPort), DATABASE_URL: testDatabaseUrl() });
      expect(run.code).toBe(1);
      expect(lines(run.stderr)).toEqual([
        `[saa] error: port ${busyPort} is already in use: stop the other program or set PORT.`,
      ]);
    });

    it('when DATABASE_URL points at nothing', async () => {
      const url = `postgresql://postgres:pw@127.0.0.1:${await getPort()}/saa`;
      const run = await runServer({ PORT: String(await getPort()), DATABASE_URL: url });
      expect(run.code).toBe(1);
      expect(lines(run.stderr)).toHaveLength(1);
      expect(run.stderr).toMatch(/connection refused/);
    });

    it('when the password is wrong, without printing it', async () => {
      const url = new URL(testDatabaseUrl());
      url.password = 'wrong-password-123';
      const run = await runServer({ PORT: String(await getPort()), DATABASE_URL: url.toString() });
      expect(run.code).toBe(1);
      expect(lines(run.stderr)).toHaveLength(1);
      expect(run.stderr).toMatch(/rejected the user name or password/);
      expect(run.stderr + run.stdout).not.toContain('wrong-password-123');
    });

    it('when a migration fails', async () => {
      const db = await createEmptyDatabase();
      try {
        // A table in the way of the first migration.
        const client = new pg.Client({ connectionString: db.url });
        await client.connect();
        await client.query('CREATE TABLE questions (id integer)');
        await client.end();
        const run = await runServer({ PORT: String(await getPort()), DATABASE_URL: db.url });
        expect(run.code).toBe(1);
        expect(lines(run.stderr)).toHaveLength(1);
        expect(run.stderr).toMatch(/\[saa\] error: a migration failed/);
      } finally {
        await db.drop();
      }
    });

    it('when a setting is invalid', async () => {
      const run = await runServer({ PORT: 'eighty' });
      expect(run.code).toBe(1);
      expect(lines(run.stderr)).toEqual([
        '[saa] error: invalid configuration: PORT: Invalid input: expected number, received NaN',
      ]);
    });
  });
});
