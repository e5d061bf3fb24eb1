import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countLost, runCandidates } from './candidate.ts';
import { HttpTarget } from './client.ts';
import { Recorder } from './latency.ts';
import { type BenchPostgres, type ChildServer, startApi, startPostgres } from './processes.ts';

// A small `pnpm bench` for CI, on the same parts as the real one: an embedded Postgres, the API's
// production build (npm test builds it first) and the candidate flow (sign up and in, a full mock
// with changes of mind and stale saves, submit, review, stats) for a few candidates at once, then
// the database check that every acknowledged answer is stored as acknowledged.

let postgres: BenchPostgres;
let api: ChildServer;
let target: HttpTarget;
let databaseUrl: string;
beforeAll(async () => {
  postgres = await startPostgres(undefined, tmpdir());
  databaseUrl = await postgres.createDatabase('saa_bench_smoke');
  api = await startApi(databaseUrl, {});
  target = new HttpTarget(api.url, 10);
}, 180_000);
afterAll(async () => {
  await target?.close();
  await api?.stop();
  await postgres?.stop();
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

    const db = new pg.Client({ connectionString: databaseUrl });
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
  }, 120_000);
});
