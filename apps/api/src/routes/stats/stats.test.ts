import { StatsResponse } from '@saa/contract/stats';
import type { FastifyInstance } from 'fastify';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/build-test-app.ts';
import { answerAndSubmit, type SignedIn, signedInAgent, startAttempt } from '../../../test/factories.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(() => app.close());

/** A practice on one section with the given verdicts (true: right, false: wrong), submitted. */
async function practise(me: SignedIn, section: string, verdicts: boolean[]) {
  const attempt = await startAttempt(me.agent, {
    mode: 'practice',
    sections: [section],
    questionCount: verdicts.length,
  });
  return answerAndSubmit(app, me, attempt, verdicts);
}

/** The questions right (of 65) that give this estimated score: 100 + 900 × correct / 65. */
const correctFor = (scaledScore: number) => Math.round(((scaledScore - 100) / 900) * 65);

async function insertMock(userId: string, scaledScore: number, minutesAgo: number) {
  await app.prisma.$executeRaw`
    INSERT INTO attempts (id, user_id, mode, status, feedback, question_count, started_at, submitted_at,
                          correct_count, percent, scaled_score, passed)
    VALUES (gen_random_uuid(), ${userId}::uuid, 'mock', 'submitted', 'deferred', 65,
            now() - make_interval(mins => ${minutesAgo + 130}), now() - make_interval(mins => ${minutesAgo}),
            ${correctFor(scaledScore)}, 0, ${scaledScore}, ${scaledScore >= 720})`;
  // Scoring keeps this count; rows written straight into the table must too.
  await app.prisma.$executeRaw`UPDATE users SET scored_attempts = scored_attempts + 1 WHERE id = ${userId}::uuid`;
}

describe('GET /api/stats', () => {
  it('needs a session', async () => {
    await request(app.server).get('/api/stats').expect(401);
  });

  it('starts empty', async () => {
    const { agent } = await signedInAgent(app);
    const stats = StatsResponse.parse((await agent.get('/api/stats').expect(200)).body);
    expect(stats).toMatchObject({
      attemptsSubmitted: 0,
      trend: [],
      weakestSections: [],
      readiness: { scaledScore: null, basedOnMocks: 0, passingScore: 720, ready: false, range: null, narrowing: null },
      drill: { due: 0, scheduled: 0 },
    });
    expect(stats.domains.map((d) => [d.domain, d.accuracy])).toEqual([
      ['secure', null],
      ['resilient', null],
      ['high-performing', null],
      ['cost-optimized', null],
    ]);
    expect(stats.sections).toHaveLength(78);
  });

  it('computes accuracy per section and domain, weakest sections, trend and the drill queue', async () => {
    const me = await signedInAgent(app);
    const lambda = await practise(me, 'lambda', [true, true, true, false]);
    const roles = await practise(me, 'iam-roles', [false, false, true]);
    await practise(me, 'dax', [false, false]);

    const stats = StatsResponse.parse((await me.agent.get('/api/stats').expect(200)).body);
    expect(stats.attemptsSubmitted).toBe(3);
    const section = (id: string) => stats.sections.find((s) => s.section === id);
    expect(section('lambda')).toMatchObject({ answered: 4, correct: 3, accuracy: 75, title: 'AWS Lambda' });
    expect(section('iam-roles')).toMatchObject({ answered: 3, correct: 1, accuracy: 33.3 });
    expect(section('dax')).toMatchObject({ answered: 2, correct: 0, accuracy: 0 });
    expect(section('vpc')).toBeUndefined();
    expect(section('rds')).toMatchObject({ answered: 0, accuracy: null });

    // Per domain = the sum over its sections, whatever domains those questions belong to.
    const rows = await app.prisma.userSectionStat.findMany({ where: { userId: me.user.id } });
    for (const d of stats.domains) {
      const mine = rows.filter((r) => r.domain === d.domain);
      expect(d.answered).toBe(mine.reduce((n, r) => n + r.answered, 0));
      expect(d.correct).toBe(mine.reduce((n, r) => n + r.correct, 0));
    }
    expect(stats.domains.reduce((n, d) => n + d.answered, 0)).toBe(9);

    // Only sections with at least 3 answers qualify, lowest accuracy first.
    expect(stats.weakestSections.map((s) => s.section)).toEqual(['iam-roles', 'lambda']);

    // Practice sets carry their percentage only: an estimated scaled score is for mocks.
    expect(stats.trend.map((t) => t.scaledScore)).toEqual([null, null, null]);
    expect(stats.trend.map((t) => t.percent)).toEqual([lambda.result.percent, roles.result.percent, 0]);
    expect(stats.trend[0]).toMatchObject({ mode: 'practice', percent: 75 });
    expect(stats.drill).toEqual({ due: 0, scheduled: 5 });
  });

  it('bases readiness on the last three scored mocks', async () => {
    const me = await signedInAgent(app);
    const mock = await startAttempt(me.agent, { mode: 'mock' });
    await me.agent.post(`/api/attempts/${mock.id}/submit`).expect(200);
    let stats = (await me.agent.get('/api/stats').expect(200)).body;
    expect(stats.readiness).toMatchObject({ scaledScore: 100, basedOnMocks: 1, passingScore: 720, ready: false });
    // 0 of 65 right: the range starts at the bottom of the scale and is wide; two more mocks narrow it.
    expect(stats.readiness.range.low).toBe(100);
    expect(stats.readiness.range.high).toBeGreaterThan(130);
    expect(stats.readiness.narrowing.moreMocks).toBe(2);

    // Negative: submitted after the real mock above.
    await insertMock(me.user.id, 700, -1);
    await insertMock(me.user.id, 760, -2);
    await insertMock(me.user.id, 800, -3);
    stats = (await me.agent.get('/api/stats').expect(200)).body;
    expect(stats.readiness).toMatchObject({ scaledScore: 753, basedOnMocks: 3, passingScore: 720, ready: true });
    // 142 of 195 right over the three mocks (72.8%): a range around the estimate, ±60 points or so.
    const { low, high } = stats.readiness.range;
    expect(low).toBeLessThan(753);
    expect(high).toBeGreaterThan(753);
    expect(high - low).toBeGreaterThan(80);
    expect(high - low).toBeLessThan(160);
    expect(stats.readiness.narrowing).toBeNull();
    expect(stats.trend.map((t: { scaledScore: number }) => t.scaledScore)).toEqual([100, 700, 760, 800]);

    await insertMock(me.user.id, 500, -4);
    stats = (await me.agent.get('/api/stats').expect(200)).body;
    expect(stats.readiness).toMatchObject({ scaledScore: 687, basedOnMocks: 3, ready: false });
  });

  it('keeps only the last 50 scored attempts in the trend, oldest first', async () => {
    const me = await signedInAgent(app);
    for (let i = 0; i < 55; i++) await insertMock(me.user.id, 100 + i, 1000 - i);
    const stats = (await me.agent.get('/api/stats').expect(200)).body;
    expect(stats.attemptsSubmitted).toBe(55);
    expect(stats.trend).toHaveLength(50);
    expect(stats.trend[0].scaledScore).toBe(105);
    expect(stats.trend[49].scaledScore).toBe(154);
  });
});
