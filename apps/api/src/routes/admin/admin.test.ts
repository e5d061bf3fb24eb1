import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { AdminItemsResponse } from '@saa/contract/admin';
import type { FastifyInstance } from 'fastify';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, testDatabaseUrl } from '../../../test/build-test-app.ts';
import { type SignedIn, signedInAgent, startAttempt } from '../../../test/factories.ts';
import { insertAttempt } from '../../data/attempts.ts';
import { grantAdmin } from '../../data/users.ts';
import { PROJECT_ROOT } from '../../lib/project-paths.ts';

let app: FastifyInstance;
let admin: SignedIn;
beforeAll(async () => {
  app = await buildTestApp();
  admin = await signedInAgent(app);
  await grantAdmin(app.prisma, admin.email);
});
afterAll(() => app.close());

interface Question {
  id: string;
  version: number;
  domain: string;
  section: string;
  right: string;
  wrong: string;
}

/** Three single-answer scenario questions, with one right and one wrong option each. */
async function threeQuestions(): Promise<Question[]> {
  const rows = await app.prisma.question.findMany({
    where: { style: 'scenario', type: 'single', retiredAt: null },
    orderBy: { id: 'asc' },
    take: 3,
    include: { versions: true },
  });
  return rows.map((q) => {
    const options = q.versions.find((v) => v.version === q.version)?.options as { id: string; correct: boolean }[];
    return {
      id: q.id,
      version: q.version,
      domain: q.domain,
      section: q.section,
      right: options.find((o) => o.correct)?.id ?? '',
      wrong: options.find((o) => !o.correct)?.id ?? '',
    };
  });
}

/** A practice attempt of exactly these questions for a new user, answered as given, then submitted. */
async function sit(questions: Question[], rights: boolean[]) {
  const me = await signedInAgent(app);
  const id = randomUUID();
  await insertAttempt(app.prisma, {
    id,
    userId: me.user.id,
    mode: 'practice',
    feedback: 'deferred',
    startedAt: new Date(Date.now() - 60_000),
    deadline: null,
    filters: null,
    items: questions.map((q, i) => ({
      position: i + 1,
      questionId: q.id,
      questionVersion: q.version,
      domain: q.domain,
      section: q.section,
      choose: 1,
      optionOrder: [q.right, q.wrong],
    })),
  } as Parameters<typeof insertAttempt>[1]);
  for (const [i, right] of rights.entries()) {
    const q = questions[i] as Question;
    await me.agent
      .put(`/api/attempts/${id}/answers/${i + 1}`)
      .send({ selected: [right ? q.right : q.wrong], flagged: false, seq: 1 })
      .expect(200);
  }
  await me.agent.post(`/api/attempts/${id}/submit`).expect(200);
}

const items = async (flag: string) =>
  AdminItemsResponse.parse((await admin.agent.get(`/api/admin/items?flag=${flag}`).expect(200)).body);

describe('item statistics', () => {
  it('computes facility, discrimination and option shares as worked out by hand', async () => {
    const [q1, q2, q3] = await threeQuestions();
    if (!q1 || !q2 || !q3) throw new Error('the bank needs three single-answer scenario questions');
    // Four candidates (rows) on three questions (columns), 1 = right:
    //   A: 1 1 1   B: 1 1 0   C: 1 0 0   D: 0 0 1
    await sit([q1, q2, q3], [true, true, true]);
    await sit([q1, q2, q3], [true, true, false]);
    await sit([q1, q2, q3], [true, false, false]);
    await sit([q1, q2, q3], [false, false, true]);
    // The rest score x is the share right of the other two questions.
    // Q2: y = 1 1 0 0, x = 1, .5, .5, .5: n=4, Σx=2.5, Σx²=1.75, Σy=2, Σxy=1.5
    //   r = (4·1.5 − 2.5·2) / sqrt((4·1.75 − 2.5²)(4·2 − 2²)) = 1 / sqrt(0.75·4) = 0.577350
    // Q3: y = 1 0 0 1, x = 1, 1, .5, 0: Σx=2.5, Σx²=2.25, Σy=2, Σxy=1
    //   r = (4·1 − 5) / sqrt((9 − 6.25)·4) = −1 / sqrt(11) = −0.301511
    // Q1: y = 1 1 1 0, x = 1, .5, 0, .5: Σx=2, Σx²=1.5, Σy=3, Σxy=1.5: r = (6 − 6) / … = 0
    const stats = await app.prisma.itemStat.findMany({ where: { questionId: { in: [q1.id, q2.id, q3.id] } } });
    const byId = new Map(stats.map((s) => [s.questionId, s]));
    expect(byId.get(q2.id)).toMatchObject({
      answered: 4,
      correct: 2,
      sumRest: 2.5,
      sumRestSquared: 1.75,
      sumRestCorrect: 1.5,
    });
    expect(byId.get(q3.id)?.optionCounts).toEqual({ [q3.right]: 2, [q3.wrong]: 2 });

    // Reported, so that the operator's list shows them with their statistics.
    for (const q of [q1, q2, q3]) {
      await admin.agent.post(`/api/questions/${q.id}/reports`).send({ reason: 'unclear' }).expect(404);
      await app.prisma.questionReport.create({ data: { userId: admin.user.id, questionId: q.id, reason: 'unclear' } });
    }
    const reported = await items('reported');
    const shown = new Map(reported.items.map((i) => [i.questionId, i]));
    expect(shown.get(q1.id)?.stats).toMatchObject({ answered: 4, facility: 0.75, discrimination: 0 });
    expect(shown.get(q2.id)?.stats.facility).toBe(0.5);
    expect(shown.get(q2.id)?.stats.discrimination).toBeCloseTo(0.57735, 5);
    expect(shown.get(q3.id)?.stats.discrimination).toBeCloseTo(-0.301511, 5);
    // Every option of the question, in bank order; the two that were chosen split the answers.
    const shares = new Map(shown.get(q3.id)?.stats.optionShares.map((o) => [o.optionId, o.share]));
    expect(shares.get(q3.right)).toBe(0.5);
    expect(shares.get(q3.wrong)).toBe(0.5);
    expect([...shares.values()].reduce((a, b) => a + b, 0)).toBe(1);
    expect(shown.get(q3.id)?.reports).toEqual([{ reason: 'unclear', text: '', createdAt: expect.any(String) }]);
    // Too few answers to flag anything yet.
    expect(shown.get(q3.id)?.flags).toEqual([]);

    // The same numbers for the bank's authors, from the command line.
    const run = (...args: string[]) =>
      promisify(execFile)('pnpm', ['--silent', 'bank:feedback', ...args], {
        cwd: PROJECT_ROOT,
        env: { ...process.env, DATABASE_URL: testDatabaseUrl() },
      });
    const feedback = JSON.parse((await run('--format', 'json')).stdout);
    const exported = feedback.items.find((i: { questionId: string }) => i.questionId === q3.id);
    expect(exported).toMatchObject({ answered: 4, facility: 0.5, flags: [], suspended: false });
    expect(exported.discrimination).toBeCloseTo(-0.301511, 5);
    expect(exported.reports).toHaveLength(1);
    await expect(run('--format', 'csv')).rejects.toMatchObject({
      stderr: expect.stringContaining('use --format json'),
    });
  }, 60_000);

  it('flags items from 30 answers on by the documented thresholds', async () => {
    const [q] = await threeQuestions();
    if (!q) throw new Error('no question');
    // 30 answers, 3 right, all three by the weakest candidates: hard and negatively discriminating.
    await app.prisma.itemStat.upsert({
      where: { questionId: q.id },
      create: { questionId: q.id, answered: 30, correct: 3, sumRest: 21, sumRestSquared: 16.5, sumRestCorrect: 0.3 },
      update: { answered: 30, correct: 3, sumRest: 21, sumRestSquared: 16.5, sumRestCorrect: 0.3 },
    });
    const hard = await items('hard');
    expect(hard.thresholds).toEqual({ minAnswers: 30, hardBelow: 0.2, easyAbove: 0.95, discriminationBelow: 0.1 });
    const item = hard.items.find((i) => i.questionId === q.id);
    expect(item?.flags).toEqual(['hard', 'negative-discrimination']);
    expect((await items('negative-discrimination')).items.map((i) => i.questionId)).toContain(q.id);
    expect((await items('easy')).items.map((i) => i.questionId)).not.toContain(q.id);
  });
});

describe('the admin routes', () => {
  it('answer 404 to anyone but an admin, as if they did not exist', async () => {
    const someone = await signedInAgent(app);
    await someone.agent.get('/api/admin/items').expect(404);
    await someone.agent.post('/api/admin/items/anything/suspend').expect(404);
    await request(app.server).get('/api/admin/items').expect(404);
    await request(app.server).delete('/api/admin/items/anything/suspend').expect(404);
    const me = (await admin.agent.get('/api/auth/me').expect(200)).body;
    expect(me.user.role).toBe('admin');
    expect((await someone.agent.get('/api/auth/me').expect(200)).body.user.role).toBe('user');
  });

  it('suspend an item from mocks until it is put back', async () => {
    // Leave cost-optimized with just enough scenario questions for its share of a mock.
    const pool = await app.prisma.question.findMany({
      where: { domain: 'cost-optimized', style: 'scenario', retiredAt: null },
      select: { id: true },
      orderBy: { id: 'asc' },
    });
    const kept = new Set(pool.slice(0, 14).map((q) => q.id));
    const suspended = pool.slice(14).map((q) => q.id);
    for (const id of suspended) await admin.agent.post(`/api/admin/items/${id}/suspend`).expect(204);
    await admin.agent.post(`/api/admin/items/${suspended[0]}/suspend`).expect(204);
    await admin.agent.post('/api/admin/items/no-such-question/suspend').expect(404);

    const candidate = await signedInAgent(app);
    for (let i = 0; i < 2; i++) {
      const mock = await startAttempt(candidate.agent, { mode: 'mock' });
      const cost = mock.questions.filter((q) => q.domain === 'cost-optimized');
      expect(cost.length).toBeGreaterThan(0);
      for (const q of cost) expect(kept.has(q.questionId)).toBe(true);
      await candidate.agent.post(`/api/attempts/${mock.id}/submit`).expect(200);
    }
    for (const id of suspended) await admin.agent.delete(`/api/admin/items/${id}/suspend`).expect(204);
    expect(await app.prisma.questionSuspension.count()).toBe(0);
  });
});
