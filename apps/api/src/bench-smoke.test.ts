import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countLost, runCandidates } from '../../../bench/candidate.ts';
import { HttpTarget } from '../../../bench/client.ts';
import { Recorder } from '../../../bench/latency.ts';
import { buildTestApp, testDatabaseUrl } from '../test/build-test-app.ts';

// A small `pnpm bench` for CI: the same candidate flow (sign up and in, a full mock with changes
// of mind and stale saves, submit, review, stats) for a few candidates at once, over real HTTP,
// then the database check that every acknowledged answer is stored as acknowledged.

let app: FastifyInstance;
let target: HttpTarget;
beforeAll(async () => {
  app = await buildTestApp();
  await app.listen({ port: 0, host: '127.0.0.1' });
  target = new HttpTarget(`http://127.0.0.1:${(app.server.address() as AddressInfo).port}`, 10);
});
afterAll(async () => {
  await target?.close();
  await app?.close();
});

describe('bench smoke', () => {
  it('runs 5 candidates through a full mock with 0 errors and 0 lost answers', async () => {
    const recorder = new Recorder();
    const { outcomes, errors } = await runCandidates(5, {
      target,
      recorder,
      runId: randomBytes(4).toString('hex'),
      // More changes of mind and stale saves than the real bench, so the small run exercises them.
      reanswerRate: 0.4,
      staleRate: 0.2,
    });
    expect(errors).toEqual([]);
    expect(outcomes.every((o) => o.attemptId !== null && o.acknowledged.size === 65)).toBe(true);
    expect(outcomes.reduce((n, o) => n + o.staleSaves, 0)).toBeGreaterThan(0);

    const db = new pg.Client({ connectionString: testDatabaseUrl() });
    await db.connect();
    try {
      const lost = await countLost(db, outcomes);
      expect(lost).toEqual({ checked: 5 * 65, lost: 0, examples: [] });
    } finally {
      await db.end();
    }
    for (const name of ['signup', 'login', 'startMock', 'saveAnswer', 'getAttempt', 'submit', 'review', 'stats']) {
      expect(recorder.samples.get(name)?.length, name).toBeGreaterThan(0);
    }
  });
});
