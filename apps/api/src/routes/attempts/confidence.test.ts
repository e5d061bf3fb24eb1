import { AttemptResponse, ReviewResponse, SubmitResponse } from '@saa/contract/attempts';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/build-test-app.ts';
import {
  correctOptionIds,
  type KnownAttempt,
  type SignedIn,
  signedInAgent,
  startAttempt,
  wrongOptionIds,
} from '../../../test/factories.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(() => app.close());

const put = (me: SignedIn, attemptId: string, position: number, body: Record<string, unknown>) =>
  me.agent.put(`/api/attempts/${attemptId}/answers/${position}`).send({ flagged: false, ...body });

/** Answers question `i` of the attempt right or wrong, with a confidence (or none). */
async function answer(me: SignedIn, attempt: KnownAttempt, i: number, right: boolean, confidence?: string) {
  const q = attempt.questions[i];
  if (!q) throw new Error(`no question ${i + 1}`);
  const selected = right ? await correctOptionIds(app, q.questionId) : await wrongOptionIds(app, q);
  const body = { selected, seq: 1, ...(confidence ? { confidence } : {}) };
  return put(me, attempt.id, q.position, body).expect(200);
}

describe('confidence per answer', () => {
  it('is saved with the answer on both save paths, kept when absent, cleared by null, and shown on resume', async () => {
    const me = await signedInAgent(app);
    // A mock takes the one-statement path; a timed immediate-feedback practice the general one.
    for (const body of [{ mode: 'mock' }, { mode: 'practice', questionCount: 3, feedback: 'immediate' }]) {
      const attempt = await startAttempt(me.agent, body);
      const q = attempt.questions[0];
      if (!q) throw new Error('no question');
      // Before answering, as immediate feedback asks.
      const first = await put(me, attempt.id, 1, { selected: [], seq: 1, confidence: 'unsure' }).expect(200);
      expect(first.body.answer).toEqual({ selected: [], flagged: false, seq: 1, confidence: 'unsure' });
      const kept = await put(me, attempt.id, 1, { selected: [], flagged: true, seq: 2 }).expect(200);
      expect(kept.body.answer.confidence).toBe('unsure');
      const read = AttemptResponse.parse((await me.agent.get(`/api/attempts/${attempt.id}`).expect(200)).body);
      expect(read.questions[0]?.answer).toEqual({ selected: [], flagged: true, seq: 2, confidence: 'unsure' });
      const cleared = await put(me, attempt.id, 1, { selected: [], seq: 3, confidence: null }).expect(200);
      expect(cleared.body.answer).not.toHaveProperty('confidence');
    }
  });

  it('is fixed once immediate feedback has judged the answer', async () => {
    const me = await signedInAgent(app);
    const attempt = await startAttempt(me.agent, { mode: 'practice', questionCount: 3, feedback: 'immediate' });
    const q = attempt.questions[0];
    if (!q) throw new Error('no question');
    const selected = await correctOptionIds(app, q.questionId);
    const judged = await put(me, attempt.id, 1, { selected, seq: 1, confidence: 'guess' }).expect(200);
    expect(judged.body.feedback.correct).toBe(true);
    const after = await put(me, attempt.id, 1, { selected, flagged: true, seq: 2, confidence: 'sure' }).expect(200);
    expect(after.body.answer).toMatchObject({ flagged: true, confidence: 'guess' });
  });

  it('refuses a level it does not know, naming the field', async () => {
    const me = await signedInAgent(app);
    const attempt = await startAttempt(me.agent, { mode: 'mock' });
    const res = await put(me, attempt.id, 1, { selected: [], seq: 1, confidence: 'certain' }).expect(400);
    expect(res.body.errors[0].field).toBe('body.confidence');
  });
});

describe('calibration after scoring', () => {
  it('counts accuracy per level, filters the misconceptions and lucky guesses, practises them and drills the guesses', async () => {
    const me = await signedInAgent(app);
    const attempt = await startAttempt(me.agent, { mode: 'practice', questionCount: 8 });
    // Sure: 2 right, 1 wrong. Unsure: 1 right. Guess: 1 right, 1 wrong. One without a level, one unanswered.
    await answer(me, attempt, 0, true, 'sure');
    await answer(me, attempt, 1, true, 'sure');
    await answer(me, attempt, 2, false, 'sure');
    await answer(me, attempt, 3, true, 'unsure');
    await answer(me, attempt, 4, true, 'guess');
    await answer(me, attempt, 5, false, 'guess');
    await answer(me, attempt, 6, true);
    const submitted = SubmitResponse.parse(
      (await me.agent.post(`/api/attempts/${attempt.id}/submit`).expect(200)).body,
    );
    expect(submitted.result.calibration).toEqual([
      { confidence: 'sure', correct: 2, total: 3 },
      { confidence: 'unsure', correct: 1, total: 1 },
      { confidence: 'guess', correct: 1, total: 2 },
    ]);

    const review = async (filter: string) =>
      ReviewResponse.parse(
        (await me.agent.get(`/api/attempts/${attempt.id}/review?filter=${filter}`).expect(200)).body,
      );
    const sureWrong = await review('sure-wrong');
    expect(sureWrong.counts).toMatchObject({ 'sure-wrong': 1, guessed: 1 });
    expect(sureWrong.items.map((i) => i.position)).toEqual([3]);
    expect(sureWrong.items[0]?.confidence).toBe('sure');
    expect((await review('guessed')).items.map((i) => i.position)).toEqual([5]);
    expect((await review('all')).items.map((i) => i.confidence)).toEqual([
      'sure',
      'sure',
      'sure',
      'unsure',
      'guess',
      'guess',
      null,
      null,
    ]);

    for (const [filter, position] of [
      ['sure-wrong', 3],
      ['guessed', 5],
    ] as const) {
      const practice = await startAttempt(me.agent, { mode: 'practice', from: { attemptId: attempt.id, filter } });
      expect(practice.questions.map((q) => q.questionId)).toEqual([attempt.questions[position - 1]?.questionId]);
      await me.agent.post(`/api/attempts/${practice.id}/submit`).expect(200);
    }

    // The lucky guess gets a drill card like the mistakes; the sure and unsure right answers do not.
    const cards = new Set(
      (await app.prisma.reviewCard.findMany({ where: { userId: me.user.id } })).map((c) => c.questionId),
    );
    const id = (i: number) => attempt.questions[i]?.questionId ?? '';
    expect(cards.has(id(4))).toBe(true);
    expect(cards.has(id(2))).toBe(true);
    expect(cards.has(id(5))).toBe(true);
    expect(cards.has(id(0)) || cards.has(id(1)) || cards.has(id(3))).toBe(false);
  });
});
