import type { AttemptResponse } from '@saa/contract/attempts';
import type { FastifyInstance } from 'fastify';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../test/build-test-app.ts';
import { signedInAgent, startAttempt } from '../../test/factories.ts';

// Two API instances on one database, as behind a load balancer without sticky sessions: whatever
// one instance did, the other sees and continues.

let a: FastifyInstance;
let b: FastifyInstance;
beforeAll(async () => {
  [a, b] = await Promise.all([buildTestApp(), buildTestApp()]);
});
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
});

describe('two API instances on one database', () => {
  it('starts on one, answers on the other, submits on the first', async () => {
    const me = await signedInAgent(a);
    const cookie = (await me.agent.get('/api/auth/me').expect(200)).request.cookies;
    const attempt: AttemptResponse = await startAttempt(me.agent, { mode: 'mock' });
    const onB = (method: 'get' | 'put' | 'post', path: string) => request(b.server)[method](path).set('cookie', cookie);

    // B knows the session and the attempt, with the same clock.
    const seenByB = await onB('get', `/api/attempts/${attempt.id}`).expect(200);
    expect(seenByB.body.deadline).toBe(attempt.deadline);
    expect(Math.abs(seenByB.body.remainingSeconds - (attempt.remainingSeconds ?? 0))).toBeLessThanOrEqual(2);

    const answered = attempt.questions.slice(0, 40);
    for (const [i, q] of answered.entries()) {
      const res = await onB('put', `/api/attempts/${attempt.id}/answers/${q.position}`)
        .send({ selected: q.options.slice(0, q.choose).map((o) => o.id), flagged: i % 9 === 0, seq: i + 1 })
        .expect(200);
      expect(res.body.applied).toBe(true);
    }

    // A reads what B saved, and scores it.
    const seenByA = await me.agent.get(`/api/attempts/${attempt.id}`).expect(200);
    for (const [i, q] of answered.entries()) expect(seenByA.body.questions[q.position - 1].answer?.seq).toBe(i + 1);
    const submitted = await me.agent.post(`/api/attempts/${attempt.id}/submit`).expect(200);
    expect(submitted.body.result).toMatchObject({ total: 65, answered: 40 });

    // And B sees it submitted and refuses further saves.
    const after = await onB('get', `/api/attempts/${attempt.id}`).expect(200);
    expect(after.body.status).toBe('submitted');
    expect(after.body.result).toEqual(submitted.body.result);
    const late = await onB('put', `/api/attempts/${attempt.id}/answers/41`)
      .send({ selected: [], flagged: true, seq: 100 })
      .expect(409);
    expect(late.body.code).toBe('attempt_closed');
    const review = await onB('get', `/api/attempts/${attempt.id}/review`).expect(200);
    expect(review.body.items.filter((i: { answered: boolean }) => i.answered)).toHaveLength(40);
  });

  it('signs out everywhere: a session revoked on one instance is refused by the other', async () => {
    const me = await signedInAgent(a);
    const cookie = (await me.agent.get('/api/auth/me').expect(200)).request.cookies;
    const attempt = await startAttempt(me.agent, { mode: 'mock' });
    await request(b.server).get('/api/auth/me').set('cookie', cookie).expect(200);
    await me.agent.post('/api/auth/logout').expect(204);
    await request(b.server).get('/api/auth/me').set('cookie', cookie).expect(401);
    // The autosave checks the session inside its own statement: refused all the same.
    await request(b.server)
      .put(`/api/attempts/${attempt.id}/answers/1`)
      .set('cookie', cookie)
      .send({ selected: [], flagged: true, seq: 1 })
      .expect(401);
  });
});
