import { AttemptResponse } from '@saa/contract/attempts';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/build-test-app.ts';
import { signedInAgent, startAttempt } from '../../../test/factories.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(() => app.close());

const countBy = <T>(items: T[], key: (item: T) => string) =>
  items.reduce<Record<string, number>>((acc, item) => {
    acc[key(item)] = (acc[key(item)] ?? 0) + 1;
    return acc;
  }, {});

describe('POST /api/attempts (mock)', () => {
  it('draws 65 questions, 19/17/16/13 by domain weight, timed 130 minutes, deferred feedback', async () => {
    const { agent } = await signedInAgent(app);
    const before = Date.now();
    const attempt = await startAttempt(agent, { mode: 'mock' });
    expect(AttemptResponse.parse(attempt)).toBeTruthy();
    expect(attempt).toMatchObject({ mode: 'mock', status: 'in_progress', feedback: 'deferred', questionCount: 65 });
    expect(attempt.questions).toHaveLength(65);
    expect(countBy(attempt.questions, (q) => q.domain)).toEqual({
      secure: 19,
      resilient: 17,
      'high-performing': 16,
      'cost-optimized': 13,
    });
    expect(attempt.questions.map((q) => q.position)).toEqual(Array.from({ length: 65 }, (_, i) => i + 1));
    expect(new Set(attempt.questions.map((q) => q.questionId)).size).toBe(65);

    const started = Date.parse(attempt.startedAt);
    expect(started).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(attempt.deadline ?? '')).toBe(started + 130 * 60_000);
    expect(attempt.remainingSeconds).toBeGreaterThan(7790);
    expect(attempt.remainingSeconds).toBeLessThanOrEqual(7800);
    for (const q of attempt.questions) {
      expect(q.answer).toBeNull();
      expect(q.type).toBe(q.choose > 1 ? 'multiple' : 'single');
      expect(q.options).toHaveLength(q.type === 'single' ? 4 : q.choose === 2 ? 5 : 6);
    }
  });

  it('stores the question version, section and choose of each item, and marks the questions seen', async () => {
    const { agent, user } = await signedInAgent(app);
    const attempt = await startAttempt(agent, { mode: 'mock' });
    const items = await app.prisma.attemptItem.findMany({
      where: { attemptId: attempt.id },
      include: { questionVersionRef: { include: { question: true } } },
      orderBy: { position: 'asc' },
    });
    expect(items).toHaveLength(65);
    for (const item of items) {
      expect(item.questionVersion).toBe(item.questionVersionRef.question.version);
      expect(item.section).toBe(item.questionVersionRef.question.section);
      const options = item.questionVersionRef.options as { id: string; correct: boolean }[];
      expect(item.choose).toBe(options.filter((o) => o.correct).length);
      expect([...item.optionOrder].sort()).toEqual(options.map((o) => o.id).sort());
    }
    const seen = await app.prisma.userQuestionSeen.findMany({ where: { userId: user.id } });
    expect(seen.map((s) => s.questionId).sort()).toEqual(items.map((i) => i.questionId).sort());
    expect(seen.every((s) => s.timesSeen === 1)).toBe(true);
  });

  it('holds scenario questions only: the real exam has no recall items', async () => {
    const { agent } = await signedInAgent(app);
    const attempt = await startAttempt(agent, { mode: 'mock' });
    const items = await app.prisma.attemptItem.findMany({
      where: { attemptId: attempt.id },
      include: { questionVersionRef: { include: { question: true } } },
    });
    expect(items).toHaveLength(65);
    expect(new Set(items.map((i) => i.questionVersionRef.question.style))).toEqual(new Set(['scenario']));
    // The bank holds recall items too, so this is the draw's doing, not the bank's.
    expect(await app.prisma.question.count({ where: { style: 'recall', retiredAt: null } })).toBeGreaterThan(0);
  });

  it('refuses a question style: mocks are always scenarios', async () => {
    const { agent } = await signedInAgent(app);
    const res = await agent.post('/api/attempts').send({ mode: 'mock', style: 'recall' }).expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'body.style' })]);
  });

  it('prefers questions the user has not seen yet', async () => {
    const { agent, user } = await signedInAgent(app);
    const first = await startAttempt(agent, { mode: 'mock' });
    await agent.post(`/api/attempts/${first.id}/submit`).expect(200);
    const second = await startAttempt(agent, { mode: 'mock' });
    const a = new Set(first.questions.map((q) => q.questionId));
    // The bank holds far more than two mocks' worth per domain, so the second mock is all new.
    expect(second.questions.filter((q) => a.has(q.questionId))).toEqual([]);
    expect(await app.prisma.userQuestionSeen.count({ where: { userId: user.id } })).toBe(130);
    // Another user is unaffected by what this one has seen.
    const other = await signedInAgent(app);
    const theirs = await startAttempt(other.agent, { mode: 'mock' });
    expect(theirs.questions).toHaveLength(65);
  });

  it('shuffles the option order per attempt and keeps it across reads', async () => {
    const { agent } = await signedInAgent(app);
    const attempt = await startAttempt(agent, { mode: 'mock' });
    const orderOf = (a: AttemptResponse) => a.questions.map((q) => q.options.map((o) => o.id).join(''));
    const first = await agent.get(`/api/attempts/${attempt.id}`).expect(200);
    const second = await agent.get(`/api/attempts/${attempt.id}`).expect(200);
    expect(orderOf(first.body)).toEqual(orderOf(attempt));
    expect(orderOf(second.body)).toEqual(orderOf(attempt));
    expect(first.body.questions.map((q: { stem: string }) => q.stem)).toEqual(attempt.questions.map((q) => q.stem));
    // Shuffled: with 65 questions, bank order (a, b, c, ...) everywhere would be a 1-in-10^80 accident.
    const inBankOrder = attempt.questions.filter((q) => {
      const ids = q.options.map((o) => o.id);
      return ids.join('') === [...ids].sort().join('');
    });
    expect(inBankOrder.length).toBeLessThan(30);
  });

  it('refuses mock settings that differ from the exam, naming the field', async () => {
    const { agent } = await signedInAgent(app);
    const res = await agent.post('/api/attempts').send({ mode: 'mock', questionCount: 10 }).expect(400);
    expect(res.body.errors).toEqual([{ field: 'body.questionCount', message: 'a mock always has 65 questions' }]);
    const untimed = await agent.post('/api/attempts').send({ mode: 'mock', timeLimitMinutes: null }).expect(400);
    expect(untimed.body.errors[0].field).toBe('body.timeLimitMinutes');
  });
});
