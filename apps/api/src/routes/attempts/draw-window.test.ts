import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, testDatabaseUrl } from '../../../test/build-test-app.ts';
import { signedInAgent, startAttempt } from '../../../test/factories.ts';
import { insertQuestions } from '../../../test/synthetic-data.ts';
import { DRAW_WINDOW } from '../../data/questions.ts';

// A bank far larger than the draw window: each domain contributes a random window of its questions
// (in random_key order from a random point) instead of being sorted whole. The mock must still be
// right: the weights, only active questions, no repeats, and unseen questions first.

let app: FastifyInstance;
let db: pg.Client;
beforeAll(async () => {
  app = await buildTestApp();
  db = new pg.Client({ connectionString: testDatabaseUrl() });
  await db.connect();
  await insertQuestions(db, 0, 4_000);
  // Retire a quarter of them: they must never be drawn.
  await db.query("UPDATE questions SET retired_at = now() WHERE id LIKE 'synthetic-%' AND random() < 0.25");
  await db.query('ANALYZE questions');
});
afterAll(async () => {
  await db?.end();
  await app?.close();
});

describe('drawing a mock from a bank larger than the window', () => {
  it('keeps the weights, draws only active questions and prefers unseen ones across mocks', async () => {
    const perDomain = await db.query<{ domain: string; n: number }>(
      'SELECT domain, count(*)::int AS n FROM questions WHERE retired_at IS NULL GROUP BY domain',
    );
    for (const row of perDomain.rows) expect(row.n).toBeGreaterThan(DRAW_WINDOW);
    const retired = new Set(
      (await db.query<{ id: string }>('SELECT id FROM questions WHERE retired_at IS NOT NULL')).rows.map((r) => r.id),
    );

    const { agent } = await signedInAgent(app);
    const seen = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const attempt = await startAttempt(agent, { mode: 'mock' });
      const ids = attempt.questions.map((q) => q.questionId);
      const domains = attempt.questions.reduce<Record<string, number>>((acc, q) => {
        acc[q.domain] = (acc[q.domain] ?? 0) + 1;
        return acc;
      }, {});
      expect(domains).toEqual({ secure: 19, resilient: 17, 'high-performing': 16, 'cost-optimized': 13 });
      expect(ids.filter((id) => retired.has(id))).toEqual([]);
      // Every window holds far more unseen questions than a mock takes: no repeats at all.
      for (const id of ids) {
        expect(seen.has(id), `${id} drawn twice`).toBe(false);
        seen.add(id);
      }
      // One mock at a time: finish this one before the next.
      await agent.post(`/api/attempts/${attempt.id}/submit`).expect(200);
    }
    expect(seen.size).toBe(5 * 65);
  });
});
