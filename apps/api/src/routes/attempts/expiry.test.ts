import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/build-test-app.ts';
import { rewindAttempt, signedInAgent, startAttempt, wrongOptionIds } from '../../../test/factories.ts';
import { sweepExpiredAttempts } from '../../plugins/app/expiry-sweeper.ts';
import { MAX_SCORED_PER_READ } from '../../services/attempts/current-attempt.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(() => app.close());

/** A 1-minute practice with one question answered wrong, then its deadline moved into the past. */
async function expiredAttempt() {
  const me = await signedInAgent(app);
  const attempt = await startAttempt(me.agent, { mode: 'practice', questionCount: 3, timeLimitMinutes: 1 });
  const q = attempt.questions[0];
  if (!q) throw new Error('no question');
  await me.agent
    .put(`/api/attempts/${attempt.id}/answers/1`)
    .send({ selected: await wrongOptionIds(app, q), flagged: false, seq: 1 })
    .expect(200);
  await rewindAttempt(app, attempt.id, 90);
  return { ...me, attempt };
}

describe('the server-owned clock', () => {
  it('stores the deadline at creation and computes remainingSeconds on every read', async () => {
    const { agent } = await signedInAgent(app);
    const attempt = await startAttempt(agent, { mode: 'practice', questionCount: 2, timeLimitMinutes: 1 });
    expect(Date.parse(attempt.deadline ?? '') - Date.parse(attempt.startedAt)).toBe(60_000);
    expect(attempt.remainingSeconds).toBe(60);
    await rewindAttempt(app, attempt.id, 45);
    const read = await agent.get(`/api/attempts/${attempt.id}`).expect(200);
    expect(read.body.remainingSeconds).toBeGreaterThanOrEqual(14);
    expect(read.body.remainingSeconds).toBeLessThanOrEqual(15);
    const save = await agent.put(`/api/attempts/${attempt.id}/answers/1`).send({ selected: [], flagged: true, seq: 1 });
    expect(save.body.remainingSeconds).toBeLessThanOrEqual(15);
  });

  it('leaves untimed attempts without deadline or remaining time', async () => {
    const { agent } = await signedInAgent(app);
    const attempt = await startAttempt(agent, { mode: 'practice', questionCount: 2 });
    expect(attempt).toMatchObject({ deadline: null, remainingSeconds: null });
  });
});

describe('after the deadline', () => {
  it('scores the attempt as it stands on the next read, with status expired', async () => {
    const { agent, attempt } = await expiredAttempt();
    const read = await agent.get(`/api/attempts/${attempt.id}`).expect(200);
    expect(read.body).toMatchObject({ status: 'expired', remainingSeconds: 0 });
    expect(read.body.result).toMatchObject({ total: 3, answered: 1, correct: 0, timeUsedSeconds: 60 });
    const row = await app.prisma.attempt.findUniqueOrThrow({ where: { id: attempt.id } });
    expect(row.submittedAt).toEqual(row.deadline);
    // The review opens, like for a submitted attempt.
    await agent.get(`/api/attempts/${attempt.id}/review`).expect(200);
  });

  it('answers every write with 409 attempt_closed and a clear message, scoring it on the way', async () => {
    const { agent, attempt, user } = await expiredAttempt();
    const save = await agent
      .put(`/api/attempts/${attempt.id}/answers/2`)
      .send({ selected: [], flagged: true, seq: 2 })
      .expect(409);
    expect(save.body).toMatchObject({ code: 'attempt_closed', detail: expect.stringMatching(/Time ran out/) });
    expect((await app.prisma.attempt.findUniqueOrThrow({ where: { id: attempt.id } })).status).toBe('expired');
    const submit = await agent.post(`/api/attempts/${attempt.id}/submit`).expect(409);
    expect(submit.body.code).toBe('attempt_closed');
    // Scored once: the wrong answer was counted and drilled a single time.
    const stats = await app.prisma.userSectionStat.findMany({ where: { userId: user.id } });
    expect(stats.reduce((n, s) => n + s.answered, 0)).toBe(1);
    expect(await app.prisma.reviewCard.count({ where: { userId: user.id } })).toBe(1);
  });

  it('answers a submit that comes too late with 409, scoring the attempt as expired', async () => {
    const { agent, attempt } = await expiredAttempt();
    const res = await agent.post(`/api/attempts/${attempt.id}/submit`).expect(409);
    expect(res.body.code).toBe('attempt_closed');
    const read = await agent.get(`/api/attempts/${attempt.id}`).expect(200);
    expect(read.body.status).toBe('expired');
  });

  it('shows expired attempts as scored in the history', async () => {
    const { agent, attempt } = await expiredAttempt();
    const list = await agent.get('/api/attempts').expect(200);
    expect(list.body.items[0]).toMatchObject({ id: attempt.id, status: 'expired', percent: 0 });
  });
});

describe('the expiry sweeper', () => {
  it('scores abandoned attempts without anyone opening them, exactly once under concurrency', async () => {
    const { agent, attempt, user } = await expiredAttempt();
    const results = await Promise.all([
      sweepExpiredAttempts(app),
      sweepExpiredAttempts(app),
      agent.get(`/api/attempts/${attempt.id}`),
    ]);
    expect(results[2].status).toBe(200);
    const row = await app.prisma.attempt.findUniqueOrThrow({ where: { id: attempt.id } });
    expect(row).toMatchObject({ status: 'expired', correctCount: 0 });
    const stats = await app.prisma.userSectionStat.findMany({ where: { userId: user.id } });
    expect(stats.reduce((n, s) => n + s.answered, 0)).toBe(1);
    expect(await sweepExpiredAttempts(app)).toBe(0);
  });

  it('runs on its own every EXPIRY_SWEEP_SECONDS', async () => {
    const swept = await buildTestApp({ EXPIRY_SWEEP_SECONDS: '1' });
    try {
      const { attempt } = await expiredAttempt();
      const deadline = Date.now() + 5_000;
      let status = 'in_progress';
      while (status === 'in_progress' && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 200));
        status = (await app.prisma.attempt.findUniqueOrThrow({ where: { id: attempt.id } })).status;
      }
      expect(status).toBe('expired');
    } finally {
      await swept.close();
    }
  });
});

describe('reads with a backlog of overdue attempts', () => {
  it('score only a bounded number inline and leave the rest to the sweeper', async () => {
    const me = await signedInAgent(app);
    // A hundred timed attempts whose time ran out long ago, none scored yet.
    await app.prisma.$executeRaw`
      INSERT INTO attempts (id, user_id, mode, status, feedback, question_count, started_at, deadline)
      SELECT gen_random_uuid(), ${me.user.id}::uuid, 'practice', 'in_progress', 'deferred', 0,
             now() - make_interval(hours => g + 1), now() - make_interval(hours => g)
      FROM generate_series(1, 100) AS g`;
    const open = () => app.prisma.attempt.count({ where: { userId: me.user.id, status: 'in_progress' } });

    const stats = await me.agent.get('/api/stats').expect(200);
    expect(stats.body.attemptsSubmitted).toBe(MAX_SCORED_PER_READ);
    expect(await open()).toBe(100 - MAX_SCORED_PER_READ);
    await me.agent.get('/api/attempts').expect(200);
    expect(await open()).toBe(100 - 2 * MAX_SCORED_PER_READ);

    // The sweeper takes the backlog.
    await sweepExpiredAttempts(app);
    expect(await open()).toBe(0);
    expect((await me.agent.get('/api/stats').expect(200)).body.attemptsSubmitted).toBe(100);
  });
});
