import { ReportResponse } from '@saa/contract/reports';
import type { FastifyInstance } from 'fastify';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/build-test-app.ts';
import { correctOptionIds, signedInAgent, startAttempt } from '../../../test/factories.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(() => app.close());

describe('reporting a problem with a question', () => {
  it('takes one open report per user and question, only on questions whose answer was shown', async () => {
    const me = await signedInAgent(app);
    const attempt = await startAttempt(me.agent, { mode: 'practice', questionCount: 3 });
    const questionId = attempt.questions[0]?.questionId ?? '';
    const report = { reason: 'wrong_key', text: 'Option B is also right since the 2024 change.' };

    // Still running, no feedback: the answer has not been shown, so it is not reportable yet.
    await me.agent.post(`/api/questions/${questionId}/reports`).send(report).expect(404);
    await me.agent.post(`/api/attempts/${attempt.id}/questions/1/reports`).send(report).expect(409);
    await me.agent.post(`/api/attempts/${attempt.id}/submit`).expect(200);

    const created = await me.agent.post(`/api/questions/${questionId}/reports`).send(report).expect(201);
    expect(ReportResponse.parse(created.body)).toMatchObject({ questionId, reason: 'wrong_key', status: 'open' });
    const again = await me.agent
      .post(`/api/questions/${questionId}/reports`)
      .send({ reason: 'typo', text: '' })
      .expect(409);
    expect(again.body.detail).toMatch(/already have an open report/);
    // Once the first is closed, a new one is welcome.
    await app.prisma.questionReport.updateMany({ where: { userId: me.user.id }, data: { status: 'closed' } });
    await me.agent.post(`/api/questions/${questionId}/reports`).send({ reason: 'typo' }).expect(201);

    // Another user cannot report a question they never saw.
    const other = await signedInAgent(app);
    await other.agent.post(`/api/questions/${questionId}/reports`).send(report).expect(404);
    await request(app.server).post(`/api/questions/${questionId}/reports`).send(report).expect(401);
  });

  it('works from an immediate-feedback card by position, once the question is judged', async () => {
    const me = await signedInAgent(app);
    const attempt = await startAttempt(me.agent, { mode: 'practice', questionCount: 3, feedback: 'immediate' });
    const q = attempt.questions[1];
    if (!q) throw new Error('no question');
    const url = `/api/attempts/${attempt.id}/questions/2/reports`;
    await me.agent.post(url).send({ reason: 'unclear', text: 'Which Region?' }).expect(409);
    const selected = await correctOptionIds(app, q.questionId);
    await me.agent.put(`/api/attempts/${attempt.id}/answers/2`).send({ selected, flagged: false, seq: 1 }).expect(200);
    const created = await me.agent.post(url).send({ reason: 'unclear', text: 'Which Region?' }).expect(201);
    expect(created.body).toMatchObject({ questionId: q.questionId, reason: 'unclear', text: 'Which Region?' });
    const stored = await app.prisma.questionReport.findMany({ where: { userId: me.user.id } });
    expect(stored.map((r) => r.questionId)).toEqual([q.questionId]);
  });

  it('names what is wrong in a bad report', async () => {
    const me = await signedInAgent(app);
    const attempt = await startAttempt(me.agent, { mode: 'practice', questionCount: 3 });
    await me.agent.post(`/api/attempts/${attempt.id}/submit`).expect(200);
    const questionId = attempt.questions[0]?.questionId ?? '';
    const post = (body: unknown) => me.agent.post(`/api/questions/${questionId}/reports`).send(body as object);
    expect((await post({ reason: 'bad' }).expect(400)).body.errors[0].field).toBe('body.reason');
    expect((await post({ reason: 'other' }).expect(400)).body.errors[0].field).toBe('body.text');
    expect((await post({ reason: 'typo', text: 'x'.repeat(2001) }).expect(400)).body.errors[0].field).toBe('body.text');
    expect(
      (await me.agent.post('/api/questions/NOT_AN_ID/reports').send({ reason: 'typo' }).expect(400)).body.errors[0]
        .field,
    ).toBe('params.questionId');
  });
});
