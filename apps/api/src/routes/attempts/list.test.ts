import type { FastifyInstance } from 'fastify';
import type { Compilable } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/build-test-app.ts';
import { signedInAgent, startAttempt } from '../../../test/factories.ts';
import { listAttemptsQuery } from '../../data/attempts.ts';
import { lastScoredQuery } from '../../data/stats.ts';
import { decodeCursor } from '../../lib/cursor.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(() => app.close());

/** Many scored attempts for one user, written directly: what years of practice look like. */
async function bulkAttempts(userId: string, count: number) {
  await app.prisma.$executeRaw`
    INSERT INTO attempts (id, user_id, mode, status, feedback, question_count, started_at, submitted_at,
                          correct_count, percent, scaled_score, passed)
    SELECT gen_random_uuid(), ${userId}::uuid, (ARRAY['mock', 'practice', 'drill'])[1 + g % 3]::"AttemptMode",
           'submitted', 'deferred', 10, now() - make_interval(mins => g), now() - make_interval(mins => g - 5),
           g % 11, (g % 11) * 10, 100 + (g % 11) * 90, g % 11 >= 7
    FROM generate_series(1, ${count}) AS g`;
  // Scoring keeps this count; rows written straight into the table must too.
  await app.prisma
    .$executeRaw`UPDATE users SET scored_attempts = scored_attempts + ${count} WHERE id = ${userId}::uuid`;
  await app.prisma.$executeRaw`ANALYZE attempts`;
}

async function plan(query: Compilable): Promise<string> {
  const { sql, parameters } = query.compile();
  const rows = await app.prisma.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(`EXPLAIN ${sql}`, ...parameters);
  return rows.map((r) => r['QUERY PLAN']).join('\n');
}

describe('GET /api/attempts', () => {
  it('pages newest first with an opaque cursor, without gaps or repeats (ties on startedAt included)', async () => {
    const { agent, user } = await signedInAgent(app);
    const created: string[] = [];
    for (let i = 0; i < 7; i++) created.push((await startAttempt(agent, { mode: 'practice', questionCount: 1 })).id);
    // Three attempts started in the same millisecond: the id breaks the tie.
    await app.prisma.attempt.updateMany({
      where: { id: { in: created.slice(2, 5) } },
      data: { startedAt: new Date('2026-01-01T00:00:00Z') },
    });

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `/api/attempts?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const res = await agent.get(url).expect(200);
      expect(res.body.items.length).toBeLessThanOrEqual(3);
      seen.push(...res.body.items.map((i: { id: string }) => i.id));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(7);
    expect([...seen].sort()).toEqual([...created].sort());

    const rows = await app.prisma.attempt.findMany({ where: { userId: user.id } });
    const startedAt = new Map(rows.map((r) => [r.id, r.startedAt.getTime()]));
    const times = seen.map((id) => startedAt.get(id) ?? 0);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('summarises each attempt: in progress without score, scored with per-domain results', async () => {
    const { agent } = await signedInAgent(app);
    const open = await startAttempt(agent, { mode: 'practice', questionCount: 2 });
    const timed = await startAttempt(agent, { mode: 'practice', questionCount: 3, timeLimitMinutes: 30 });
    const done = await startAttempt(agent, { mode: 'practice', questionCount: 2 });
    const first = open.questions[0];
    await agent
      .put(`/api/attempts/${open.id}/answers/1`)
      .send({ selected: [first?.options[0]?.id], flagged: false, seq: 1 })
      .expect(200);
    // A flag alone is not an answer.
    await agent.put(`/api/attempts/${open.id}/answers/2`).send({ selected: [], flagged: true, seq: 1 }).expect(200);
    await agent.post(`/api/attempts/${done.id}/submit`).expect(200);
    const res = await agent.get('/api/attempts').expect(200);
    const byId = new Map(res.body.items.map((i: { id: string }) => [i.id, i]));
    // Running attempts say how far along they are and, when timed, how long is left.
    expect(byId.get(open.id)).toMatchObject({
      status: 'in_progress',
      percent: null,
      scaledScore: null,
      domains: null,
      answeredCount: 1,
      remainingSeconds: null,
    });
    expect(byId.get(timed.id)).toMatchObject({ answeredCount: 0 });
    const left = (byId.get(timed.id) as { remainingSeconds: number }).remainingSeconds;
    expect(left).toBeGreaterThan(29 * 60);
    expect(left).toBeLessThanOrEqual(30 * 60);
    // Only mocks get an estimated scaled score and a verdict.
    expect(byId.get(done.id)).toMatchObject({
      status: 'submitted',
      percent: 0,
      scaledScore: null,
      passed: null,
      answeredCount: null,
      remainingSeconds: null,
    });
    expect((byId.get(done.id) as { domains: unknown[] }).domains.length).toBeGreaterThan(0);
    expect(res.body.nextCursor).toBeNull();
  });

  it('validates limit and cursor, naming the field', async () => {
    const { agent } = await signedInAgent(app);
    for (const query of ['limit=0', 'limit=101', 'limit=x']) {
      const res = await agent.get(`/api/attempts?${query}`).expect(400);
      expect(res.body.errors[0].field).toBe('querystring.limit');
    }
    const res = await agent.get('/api/attempts?cursor=not-a-cursor').expect(400);
    expect(res.body.errors).toEqual([{ field: 'querystring.cursor', message: expect.any(String) }]);
  });

  it('stays on the indexes with thousands of attempts', async () => {
    const { agent, user } = await signedInAgent(app);
    await bulkAttempts(user.id, 3000);

    const first = await agent.get('/api/attempts?limit=50').expect(200);
    expect(first.body.items).toHaveLength(50);
    const cursor = decodeCursor(first.body.nextCursor);
    const listPlan = await plan(listAttemptsQuery(user.id, 50, cursor));
    expect(listPlan).toContain('attempts_user_id_started_at_id_idx');
    expect(listPlan).not.toMatch(/Sort|Seq Scan/);

    const trendPlan = await plan(lastScoredQuery(user.id, 50));
    expect(trendPlan).toContain('attempts_user_id_mode_submitted_at_idx');
    expect(trendPlan).not.toContain('Seq Scan');

    // How long stats take at this size is measured by `pnpm bench` (growth phase), not timed here:
    // a busy machine would make a time limit flaky, the plans above are what keeps it fast.
    const stats = await agent.get('/api/stats').expect(200);
    expect(stats.body.attemptsSubmitted).toBe(3000);
    expect(stats.body.trend).toHaveLength(50);
  });
});
