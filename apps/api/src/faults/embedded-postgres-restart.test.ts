import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import getPort from 'get-port';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../test/build-test-app.ts';
import { startEmbeddedPostgres } from '../db/embedded-postgres.ts';

// Fault: the embedded Postgres dies under a running app (killed, out of memory). The app starts
// it again by itself and is healthy within 15 s, without being restarted.

const dir = await mkdtemp(path.join(tmpdir(), 'saa-supervised-'));
const dataDir = path.join(dir, 'data');
const lines: string[] = [];
const database = await startEmbeddedPostgres({
  dataDir,
  port: await getPort(),
  supervise: (line) => lines.push(line),
});
const app = await buildTestApp({}, database.url);
afterAll(async () => {
  await app.close();
  await database.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('the supervised embedded Postgres', () => {
  it('is started again after being killed, and /api/health is 200 again within 15 s', async () => {
    await request(app.server).get('/api/health').expect(200);
    const pid = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    process.kill(pid, 'SIGKILL');

    const killedAt = Date.now();
    let sawOutage = false;
    for (;;) {
      const res = await request(app.server).get('/api/health');
      if (res.status === 503) sawOutage = true;
      if (res.status === 200 && sawOutage) break;
      expect(Date.now() - killedAt, 'healthy again within 15 s').toBeLessThan(15_000);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(lines.some((line) => /stopped; starting it again/.test(line))).toBe(true);
    expect(lines.at(-1)).toMatch(/running again/);
  });
});
