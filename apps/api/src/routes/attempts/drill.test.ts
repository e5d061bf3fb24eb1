import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/build-test-app.ts';
import { answerAndSubmit, signedInAgent, startAttempt } from '../../../test/factories.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(() => app.close());

const makeDue = (userId: string) =>
  app.prisma.$executeRaw`UPDATE review_cards SET due = due - interval '1 day' WHERE user_id = ${userId}::uuid`;

describe('drills (FSRS)', () => {
  it('has nothing to drill before any mistake: 409 nothing_due', async () => {
    const { agent } = await signedInAgent(app);
    const res = await agent.post('/api/attempts').send({ mode: 'drill' }).expect(409);
    expect(res.body).toMatchObject({
      code: 'nothing_due',
      detail: expect.stringMatching(/No drill questions are due/),
    });
  });

  it('turns wrong answers into cards (Again), due soon; right answers and unanswered questions into none', async () => {
    const me = await signedInAgent(app);
    const practice = await startAttempt(me.agent, { mode: 'practice', questionCount: 6 });
    await answerAndSubmit(app, me, practice, [false, false, false, true, true]);
    const cards = await app.prisma.reviewCard.findMany({ where: { userId: me.user.id } });
    expect(cards.map((c) => c.questionId).sort()).toEqual(
      practice.questions
        .slice(0, 3)
        .map((q) => q.questionId)
        .sort(),
    );
    for (const card of cards) {
      expect(card.reps).toBe(1);
      expect(card.due.getTime()).toBeGreaterThan(Date.now());
      expect(card.due.getTime()).toBeLessThan(Date.now() + 15 * 60_000);
    }
    // Again schedules minutes ahead: not due yet.
    await me.agent.post('/api/attempts').send({ mode: 'drill' }).expect(409);
  });

  it('drills the due questions (untimed, immediate feedback) and reschedules them when scored', async () => {
    const me = await signedInAgent(app);
    const practice = await startAttempt(me.agent, { mode: 'practice', questionCount: 4 });
    await answerAndSubmit(app, me, practice, [false, false, false, true]);
    await makeDue(me.user.id);

    const stats = await me.agent.get('/api/stats').expect(200);
    expect(stats.body.drill).toEqual({ due: 3, scheduled: 3 });

    const limited = await startAttempt(me.agent, { mode: 'drill', questionCount: 2 });
    expect(limited.questions).toHaveLength(2);

    const drill = await startAttempt(me.agent, { mode: 'drill' });
    expect(drill).toMatchObject({ mode: 'drill', feedback: 'immediate', deadline: null, questionCount: 3 });
    const wrongIds = practice.questions.slice(0, 3).map((q) => q.questionId);
    expect(drill.questions.map((q) => q.questionId).sort()).toEqual([...wrongIds].sort());

    // Right on two of them (Good: pushed out), wrong again on one (Again: back within minutes).
    await answerAndSubmit(app, me, drill, [true, true, false]);
    const cards = new Map(
      (await app.prisma.reviewCard.findMany({ where: { userId: me.user.id } })).map((c) => [c.questionId, c]),
    );
    expect(cards.size).toBe(3);
    const [good1, good2, again] = drill.questions.map((q) => cards.get(q.questionId));
    for (const card of [good1, good2]) {
      expect(card?.reps).toBe(2);
      expect(card?.due.getTime()).toBeGreaterThan(Date.now());
    }
    expect(again?.reps).toBe(2);
    expect(again?.due.getTime()).toBeLessThan(Date.now() + 15 * 60_000);
    const after = await me.agent.get('/api/stats').expect(200);
    expect(after.body.drill).toEqual({ due: 0, scheduled: 3 });
  });

  it('honours a time limit and deferred feedback when asked', async () => {
    const me = await signedInAgent(app);
    const practice = await startAttempt(me.agent, { mode: 'practice', questionCount: 1 });
    await answerAndSubmit(app, me, practice, [false]);
    await makeDue(me.user.id);
    const drill = await startAttempt(me.agent, { mode: 'drill', timeLimitMinutes: 5, feedback: 'deferred' });
    expect(drill).toMatchObject({ feedback: 'deferred', remainingSeconds: 300 });
  });

  it('skips cards of questions retired from the bank', async () => {
    const me = await signedInAgent(app);
    const practice = await startAttempt(me.agent, { mode: 'practice', questionCount: 1 });
    await answerAndSubmit(app, me, practice, [false]);
    await makeDue(me.user.id);
    const questionId = practice.questions[0]?.questionId ?? '';
    await app.prisma.question.update({ where: { id: questionId }, data: { retiredAt: new Date() } });
    try {
      await me.agent.post('/api/attempts').send({ mode: 'drill' }).expect(409);
      expect((await me.agent.get('/api/stats').expect(200)).body.drill).toEqual({ due: 0, scheduled: 0 });
    } finally {
      await app.prisma.question.update({ where: { id: questionId }, data: { retiredAt: null } });
    }
  });
});
