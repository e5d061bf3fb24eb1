import { ReviewResponse, SubmitResponse } from '@saa/contract/attempts';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/build-test-app.ts';
import {
  correctOptionIds,
  type KnownAttempt,
  type KnownQuestion,
  signedInAgent,
  startAttempt,
  wrongOptionIds,
} from '../../../test/factories.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(() => app.close());

type Question = KnownQuestion;

/** Answers `right` questions correctly, `wrong` wrongly (one of them flagged), leaves the rest. */
async function answer(
  agent: Awaited<ReturnType<typeof signedInAgent>>['agent'],
  attempt: KnownAttempt,
  right: Question[],
  wrong: Question[],
) {
  let seq = 0;
  for (const q of right) {
    const selected = await correctOptionIds(app, q.questionId);
    await agent
      .put(`/api/attempts/${attempt.id}/answers/${q.position}`)
      .send({ selected, flagged: false, seq: ++seq })
      .expect(200);
  }
  for (const [i, q] of wrong.entries()) {
    const selected = await wrongOptionIds(app, q);
    await agent
      .put(`/api/attempts/${attempt.id}/answers/${q.position}`)
      .send({ selected, flagged: i === 0, seq: ++seq })
      .expect(200);
  }
}

describe('POST /api/attempts/:id/submit', () => {
  it('scores all-or-nothing, counts unanswered as wrong and breaks down by domain and section', async () => {
    const { agent, user } = await signedInAgent(app);
    const attempt = await startAttempt(agent, { mode: 'practice', questionCount: 10 });
    const [r1, r2, r3, w1, w2] = attempt.questions as Question[];
    await answer(agent, attempt, [r1, r2, r3] as Question[], [w1, w2] as Question[]);

    const res = await agent.post(`/api/attempts/${attempt.id}/submit`).expect(200);
    const body = SubmitResponse.parse(res.body);
    expect(body.status).toBe('submitted');
    expect(body.result).toMatchObject({
      correct: 3,
      wrong: 2,
      unanswered: 5,
      total: 10,
      answered: 5,
      percent: 30,
      // A practice set is not exam-like: no estimated scaled score, no verdict (mocks only).
      scaledScore: null,
      scaledScoreIsEstimate: true,
      passingScore: 720,
      passed: null,
    });
    expect(body.result.domains.reduce((n, d) => n + d.total, 0)).toBe(10);
    expect(body.result.sections.reduce((n, s) => n + s.correct, 0)).toBe(3);
    expect(body.result.sections.every((s) => s.title.length > 0)).toBe(true);
    expect(
      body.result.questionTimes
        .filter((t) => t.seconds !== null)
        .map((t) => t.position)
        .sort(),
    ).toEqual([r1, r2, r3, w1, w2].map((q) => q?.position).sort());
    expect(body.result.timeUsedSeconds).toBeGreaterThanOrEqual(0);

    const stored = await app.prisma.attempt.findUniqueOrThrow({ where: { id: attempt.id } });
    expect(stored).toMatchObject({
      status: 'submitted',
      correctCount: 3,
      percent: 30,
      scaledScore: null,
      passed: null,
    });
    const items = await app.prisma.attemptItem.findMany({ where: { attemptId: attempt.id } });
    expect(items.filter((i) => i.correct === true)).toHaveLength(3);
    expect(items.filter((i) => i.correct === false)).toHaveLength(7);

    // Section accuracy counts the answered questions only.
    const stats = await app.prisma.userSectionStat.findMany({ where: { userId: user.id } });
    expect(stats.reduce((n, s) => n + s.answered, 0)).toBe(5);
    expect(stats.reduce((n, s) => n + s.correct, 0)).toBe(3);
  });

  it('is idempotent: a second submit returns the same result and scores nothing twice', async () => {
    const { agent, user } = await signedInAgent(app);
    const attempt = await startAttempt(agent, { mode: 'practice', questionCount: 4 });
    const [q] = attempt.questions as Question[];
    await answer(agent, attempt, [], [q] as Question[]);
    const [first, second] = await Promise.all([
      agent.post(`/api/attempts/${attempt.id}/submit`),
      agent.post(`/api/attempts/${attempt.id}/submit`),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.body).toEqual(first.body);
    const third = await agent.post(`/api/attempts/${attempt.id}/submit`).expect(200);
    expect(third.body).toEqual(first.body);
    const stats = await app.prisma.userSectionStat.findMany({ where: { userId: user.id } });
    expect(stats.reduce((n, s) => n + s.answered, 0)).toBe(1);
    expect(await app.prisma.reviewCard.count({ where: { userId: user.id } })).toBe(1);
  });

  it('refuses answers once submitted (409 attempt_closed)', async () => {
    const { agent } = await signedInAgent(app);
    const attempt = await startAttempt(agent, { mode: 'practice', questionCount: 2 });
    await agent.post(`/api/attempts/${attempt.id}/submit`).expect(200);
    const res = await agent
      .put(`/api/attempts/${attempt.id}/answers/1`)
      .send({ selected: [], flagged: true, seq: 1 })
      .expect(409);
    expect(res.body).toMatchObject({ code: 'attempt_closed', detail: expect.stringMatching(/submitted/) });
  });

  it('shows the result on GET once submitted', async () => {
    const { agent } = await signedInAgent(app);
    const attempt = await startAttempt(agent, { mode: 'practice', questionCount: 3, timeLimitMinutes: 10 });
    const submitted = await agent.post(`/api/attempts/${attempt.id}/submit`).expect(200);
    const read = await agent.get(`/api/attempts/${attempt.id}`).expect(200);
    expect(read.body.status).toBe('submitted');
    expect(read.body.result).toEqual(submitted.body.result);
    expect(read.body.remainingSeconds).toBe(0);
  });
});

describe('GET /api/attempts/:id/review', () => {
  it('answers 409 attempt_in_progress while the attempt runs', async () => {
    const { agent } = await signedInAgent(app);
    const attempt = await startAttempt(agent, { mode: 'practice', questionCount: 2 });
    const res = await agent.get(`/api/attempts/${attempt.id}/review`).expect(409);
    expect(res.body.code).toBe('attempt_in_progress');
  });

  it('shows every question with the key, rationales and explanation, and filters them', async () => {
    const { agent } = await signedInAgent(app);
    const attempt = await startAttempt(agent, { mode: 'practice', questionCount: 6 });
    const [r1, w1, w2] = attempt.questions as Question[];
    await answer(agent, attempt, [r1] as Question[], [w1, w2] as Question[]);
    await agent.post(`/api/attempts/${attempt.id}/submit`).expect(200);

    const all = ReviewResponse.parse((await agent.get(`/api/attempts/${attempt.id}/review`).expect(200)).body);
    expect(all).toMatchObject({ attemptId: attempt.id, filter: 'all', total: 6 });
    expect(all.items).toHaveLength(6);
    const first = all.items[0];
    expect(first?.position).toBe(r1?.position);
    expect(first?.correct).toBe(true);
    expect(first?.answered).toBe(true);
    // Options in the order the attempt showed them, each with its rationale.
    expect(first?.options.map((o) => o.id)).toEqual(r1?.options.map((o) => o.id));
    expect(first?.options.every((o) => o.rationale.length > 0)).toBe(true);
    expect(first?.correctOptionIds.sort()).toEqual((await correctOptionIds(app, r1?.questionId ?? '')).sort());
    expect(first?.explanation.length).toBeGreaterThan(0);
    expect(first?.sectionTitle.length).toBeGreaterThan(0);
    expect(first?.seconds).toEqual(expect.any(Number));
    // Every item teaches with AWS documentation pages, as stored for its version.
    for (const item of all.items) {
      const row = await app.prisma.attemptItem.findFirstOrThrow({
        where: { attemptId: attempt.id, position: item.position },
        include: { questionVersionRef: true },
      });
      expect(item.references).toEqual(row.questionVersionRef.references);
      expect(item.references.length).toBeGreaterThanOrEqual(1);
    }

    const ids = async (filter: string) =>
      (await agent.get(`/api/attempts/${attempt.id}/review?filter=${filter}`).expect(200)).body.items.map(
        (i: { position: number }) => i.position,
      );
    // Wrong is answered and not correct; missed adds the unanswered ones.
    expect(await ids('wrong')).toEqual([2, 3]);
    expect(await ids('missed')).toEqual([2, 3, 4, 5, 6]);
    expect(await ids('flagged')).toEqual([w1?.position]);
    expect(await ids('unanswered')).toEqual([4, 5, 6]);
    const bad = await agent.get(`/api/attempts/${attempt.id}/review?filter=nope`).expect(400);
    expect(bad.body.errors[0].field).toBe('querystring.filter');
  });
});

describe('another user’s attempt', () => {
  it('answers 404 on every route, never 403, and changes nothing', async () => {
    const owner = await signedInAgent(app);
    const attempt = await startAttempt(owner.agent, { mode: 'practice', questionCount: 2 });
    const intruder = await signedInAgent(app);
    const base = `/api/attempts/${attempt.id}`;
    const responses = [
      await intruder.agent.get(base),
      await intruder.agent.put(`${base}/answers/1`).send({ selected: [], flagged: true, seq: 1 }),
      await intruder.agent.get(`${base}/review`),
      await intruder.agent.post(`${base}/submit`),
    ];
    for (const res of responses) {
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('not_found');
    }
    const mine = await owner.agent.get(base).expect(200);
    expect(mine.body.status).toBe('in_progress');
    expect(mine.body.questions[0].answer).toBeNull();
    const list = await intruder.agent.get('/api/attempts').expect(200);
    expect(list.body.items).toEqual([]);
  });
});
