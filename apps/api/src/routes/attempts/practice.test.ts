import { SaveAnswerResponse } from '@saa/contract/attempts';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/build-test-app.ts';
import {
  correctOptionIds,
  type KnownQuestion,
  type SignedIn,
  signedInAgent,
  startAttempt,
  wrongOptionIds,
} from '../../../test/factories.ts';

let app: FastifyInstance;
let me: SignedIn;
let catalog: { sections: { id: string; questionCount: number }[] };
beforeAll(async () => {
  app = await buildTestApp();
  me = await signedInAgent(app);
  catalog = (await me.agent.get('/api/catalog').expect(200)).body;
});
afterAll(() => app.close());

type Question = KnownQuestion;
const sectionSize = (id: string) => catalog.sections.find((s) => s.id === id)?.questionCount ?? 0;

describe('POST /api/attempts (practice)', () => {
  it('defaults to 20 untimed questions with deferred feedback', async () => {
    const attempt = await startAttempt(me.agent, { mode: 'practice' });
    expect(attempt).toMatchObject({ mode: 'practice', feedback: 'deferred', deadline: null, questionCount: 20 });
    expect(attempt.questions).toHaveLength(20);
  });

  it('draws only from the chosen domains and sections (both given: questions in both)', async () => {
    const byDomain = await startAttempt(me.agent, { mode: 'practice', domains: ['cost-optimized'], questionCount: 30 });
    expect(new Set(byDomain.questions.map((q) => q.domain))).toEqual(new Set(['cost-optimized']));

    const sections = ['lambda', 'rds-multi-az'];
    const bySection = await startAttempt(me.agent, { mode: 'practice', sections, questionCount: 5 });
    expect(bySection.questions.every((q) => sections.includes(q.section))).toBe(true);

    const both = await startAttempt(me.agent, {
      mode: 'practice',
      domains: ['secure', 'resilient', 'high-performing'],
      sections: ['s3-lifecycle', 'iam-roles', 'lambda'],
      questionCount: 3,
    });
    for (const q of both.questions) {
      expect(['secure', 'resilient', 'high-performing']).toContain(q.domain);
      expect(['s3-lifecycle', 'iam-roles', 'lambda']).toContain(q.section);
    }
  });

  it('takes a whole section when asked for exactly its size, and refuses more with 400 naming the field', async () => {
    const size = sectionSize('lambda');
    expect(size).toBeGreaterThanOrEqual(3);
    const all = await startAttempt(me.agent, { mode: 'practice', sections: ['lambda'], questionCount: size });
    expect(all.questions).toHaveLength(size);
    const res = await me.agent
      .post('/api/attempts')
      .send({ mode: 'practice', sections: ['lambda'], questionCount: size + 1 })
      .expect(400);
    expect(res.body).toMatchObject({
      code: 'not_enough_questions',
      errors: [{ field: 'body.questionCount', message: expect.stringContaining(`Only ${size} questions match`) }],
    });
  });

  it('answers 400 naming the field for unknown sections and out-of-range values', async () => {
    const unknown = await me.agent
      .post('/api/attempts')
      .send({ mode: 'practice', sections: ['lambda', 'made-up'] })
      .expect(400);
    expect(unknown.body.errors).toEqual([{ field: 'body.sections.1', message: 'unknown section "made-up"' }]);
    const cases: [Record<string, unknown>, string][] = [
      [{ mode: 'practice', questionCount: 0 }, 'body.questionCount'],
      [{ mode: 'practice', questionCount: 131 }, 'body.questionCount'],
      [{ mode: 'practice', questionCount: 2.5 }, 'body.questionCount'],
      [{ mode: 'practice', timeLimitMinutes: 0 }, 'body.timeLimitMinutes'],
      [{ mode: 'practice', domains: ['networking'] }, 'body.domains.0'],
      [{ mode: 'practice', feedback: 'sometimes' }, 'body.feedback'],
      [{ mode: 'exam' }, 'body.mode'],
      [{}, 'body.mode'],
    ];
    for (const [body, field] of cases) {
      const res = await me.agent.post('/api/attempts').send(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
  });
});

describe('immediate feedback', () => {
  it('draws quick checks or exam-style scenarios when a style is chosen', async () => {
    for (const style of ['recall', 'scenario'] as const) {
      const attempt = await startAttempt(me.agent, { mode: 'practice', style, questionCount: 10 });
      const items = await app.prisma.attemptItem.findMany({
        where: { attemptId: attempt.id },
        include: { questionVersionRef: { include: { question: true } } },
      });
      expect(new Set(items.map((i) => i.questionVersionRef.question.style))).toEqual(new Set([style]));
    }
    const bad = await me.agent.post('/api/attempts').send({ mode: 'practice', style: 'trivia' }).expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'body.style' })]);
  });

  it('explains a single-answer question once answered, then locks the answer (flag still changes)', async () => {
    const attempt = await startAttempt(me.agent, { mode: 'practice', feedback: 'immediate', questionCount: 5 });
    const q = attempt.questions.find((x) => x.choose === 1) as Question;
    const url = `/api/attempts/${attempt.id}/answers/${q.position}`;
    const wrong = await wrongOptionIds(app, q);
    const right = await correctOptionIds(app, q.questionId);

    const res = await me.agent.put(url).send({ selected: wrong, flagged: false, seq: 1 }).expect(200);
    const body = SaveAnswerResponse.parse(res.body);
    expect(body.feedback).toMatchObject({ correct: false, correctOptionIds: right });
    expect(body.feedback?.explanation.length).toBeGreaterThan(0);
    expect(body.feedback?.rationales.map((r) => r.optionId)).toEqual(q.options.map((o) => o.id));
    expect(body.feedback?.references.length).toBeGreaterThan(0);
    for (const url of body.feedback?.references ?? []) expect(url).toMatch(/^https:\/\/(docs\.)?aws\.amazon\.com\//);

    const change = await me.agent.put(url).send({ selected: right, flagged: false, seq: 2 }).expect(409);
    expect(change.body).toMatchObject({ code: 'answer_locked', detail: expect.stringMatching(/can no longer change/) });
    const flag = await me.agent.put(url).send({ selected: wrong, flagged: true, seq: 3 }).expect(200);
    expect(flag.body).toMatchObject({ applied: true, answer: { selected: wrong, flagged: true, seq: 3 } });
    expect(flag.body.feedback.correct).toBe(false);

    // A reload shows the verdict again, for that question only.
    const read = await me.agent.get(`/api/attempts/${attempt.id}`).expect(200);
    const withFeedback = read.body.questions.filter((x: { feedback?: unknown }) => x.feedback);
    expect(withFeedback.map((x: { position: number }) => x.position)).toEqual([q.position]);
    expect(withFeedback[0].feedback).toEqual(flag.body.feedback);
    expect(
      (await app.prisma.attemptItem.findFirstOrThrow({ where: { attemptId: attempt.id, position: q.position } }))
        .correct,
    ).toBe(false);
  });

  it('waits for the full count on a multiple-response question before judging it', async () => {
    const attempt = await startAttempt(me.agent, {
      mode: 'practice',
      feedback: 'immediate',
      sections: catalog.sections.map((s) => s.id),
      questionCount: 130,
    });
    const q = attempt.questions.find((x) => x.choose === 2) as Question;
    expect(q).toBeDefined();
    const url = `/api/attempts/${attempt.id}/answers/${q.position}`;
    const right = await correctOptionIds(app, q.questionId);
    const partial = await me.agent
      .put(url)
      .send({ selected: [right[0]], flagged: false, seq: 1 })
      .expect(200);
    expect(partial.body.feedback).toBeUndefined();
    const other = q.options.map((o) => o.id).find((id) => !right.includes(id));
    await me.agent
      .put(url)
      .send({ selected: [other], flagged: false, seq: 2 })
      .expect(200);
    const full = await me.agent.put(url).send({ selected: right, flagged: false, seq: 3 }).expect(200);
    expect(full.body.feedback).toMatchObject({ correct: true });
    expect([...full.body.feedback.correctOptionIds].sort()).toEqual([...right].sort());
  });

  it('never sends feedback in deferred mode', async () => {
    const attempt = await startAttempt(me.agent, { mode: 'practice', questionCount: 2 });
    const q = attempt.questions[0] as Question;
    const right = await correctOptionIds(app, q.questionId);
    const res = await me.agent
      .put(`/api/attempts/${attempt.id}/answers/${q.position}`)
      .send({ selected: right, flagged: false, seq: 1 })
      .expect(200);
    expect(res.body.feedback).toBeUndefined();
    // And the answer stays changeable until the end.
    await me.agent
      .put(`/api/attempts/${attempt.id}/answers/${q.position}`)
      .send({ selected: [], flagged: false, seq: 2 })
      .expect(200);
  });
});
