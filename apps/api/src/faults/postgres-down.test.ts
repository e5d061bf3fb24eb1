import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AttemptResponse } from '@saa/contract/attempts';
import type { FastifyInstance } from 'fastify';
import getPort from 'get-port';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../test/build-test-app.ts';
import { signedInAgent, startAttempt } from '../../test/factories.ts';
import { seed } from '../db/database.ts';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '../db/embedded-postgres.ts';
import { applyMigrations } from '../db/migrations.ts';

// Fault: Postgres goes away in the middle of an exam and comes back. This file runs its own
// Postgres (the shared test server must not stop), stops it and starts it again on the same data.

let dir: string;
let port: number;
let database: EmbeddedDatabase;
let app: FastifyInstance;

const startPostgres = () => startEmbeddedPostgres({ dataDir: path.join(dir, 'data'), port, database: 'saa' });

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'saa-fault-pg-'));
  port = await getPort();
  database = await startPostgres();
  await applyMigrations(database.url);
  await seed(database.url, () => {});
  app = await buildTestApp({}, database.url);
});

afterAll(async () => {
  await app?.close();
  await database?.stop();
  await rm(dir, { recursive: true, force: true });
});

function expectUnavailable(res: request.Response) {
  expect(res.status).toBe(503);
  expect(res.headers['content-type']).toContain('application/problem+json');
  expect(res.body).toMatchObject({ status: 503, code: 'database_unavailable' });
  expect(res.headers['retry-after']).toBe('5');
}

describe('Postgres stopped mid-exam', () => {
  it('answers 503 problem+json while it is down, and recovers by itself when it is back', async () => {
    const me = await signedInAgent(app);
    const attempt: AttemptResponse = await startAttempt(me.agent, { mode: 'mock' });
    const save = (position: number, seq: number) => {
      const q = attempt.questions[position - 1];
      return me.agent
        .put(`/api/attempts/${attempt.id}/answers/${position}`)
        .send({ selected: q?.options.slice(0, q.choose).map((o) => o.id), flagged: false, seq });
    };
    expect((await save(1, 1)).status).toBe(200);

    await database.stop();

    const health = await request(app.server).get('/api/health');
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ status: 'unavailable', database: 'down' });
    expectUnavailable(await save(2, 2));
    expectUnavailable(await me.agent.get(`/api/attempts/${attempt.id}`));
    expectUnavailable(await me.agent.get('/api/stats'));
    expectUnavailable(await me.agent.post(`/api/attempts/${attempt.id}/submit`));
    // What needs no database still works: the process is alive and answering.
    expect((await request(app.server).get('/api/attempts')).status).toBe(401);

    database = await startPostgres();

    // No restart of the API: its pool opens new connections once Postgres accepts them.
    let up = false;
    for (const until = Date.now() + 20_000; !up && Date.now() < until; ) {
      up = (await request(app.server).get('/api/health')).status === 200;
      if (!up) await new Promise((r) => setTimeout(r, 200));
    }
    expect(up).toBe(true);
    expect((await save(2, 2)).status).toBe(200);
    const read = await me.agent.get(`/api/attempts/${attempt.id}`).expect(200);
    expect(read.body.questions[0].answer.seq).toBe(1);
    expect(read.body.questions[1].answer.seq).toBe(2);
    expect(read.body.status).toBe('in_progress');
  });
});
