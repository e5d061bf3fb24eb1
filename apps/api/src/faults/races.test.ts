import type { AttemptResponse } from '@saa/contract/attempts';
import type { FastifyInstance } from 'fastify';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../test/build-test-app.ts';
import { signedInAgent, startAttempt } from '../../test/factories.ts';
import { seededRandomInt, shuffle } from '../exam/shuffle.ts';

// Races a real exam produces: two tabs saving the same answer at once, a double-clicked submit,
// and saves still arriving while the attempt is being scored.

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(() => app.close());

/** A deterministic shuffle (the test must not depend on luck). */
const shuffled = <T>(items: T[]): T[] => shuffle(items, seededRandomInt(42));

describe('two tabs racing on the same answer', () => {
  it('lets the highest seq win, stored and returned by GET, whatever the arrival order', async () => {
    const me = await signedInAgent(app);
    const cookie = (await me.agent.get('/api/auth/me').expect(200)).request.cookies;
    const attempt: AttemptResponse = await startAttempt(me.agent, { mode: 'mock' });
    const q = attempt.questions.find((x) => x.choose === 1) as AttemptResponse['questions'][number];
    const choice = (seq: number) => [q.options[seq % q.options.length]?.id as string];
    // Two tabs: two connections with the same session cookie.
    const tabs = [request.agent(app.server), request.agent(app.server)];
    const seqs = shuffled(Array.from({ length: 60 }, (_, i) => i + 1));
    const responses = await Promise.all(
      seqs.map((seq, i) =>
        (tabs[i % 2] as ReturnType<typeof request.agent>)
          .put(`/api/attempts/${attempt.id}/answers/${q.position}`)
          .set('cookie', cookie)
          .send({ selected: choice(seq), flagged: seq % 2 === 0, seq })
          .then((res) => ({ seq, res })),
      ),
    );
    for (const { seq, res } of responses) {
      expect(res.status).toBe(200);
      if (res.body.applied) expect(res.body.answer).toEqual({ selected: choice(seq), flagged: seq % 2 === 0, seq });
      // A save that lost answers with the stored state, which is newer than it.
      else expect(res.body.answer.seq).toBeGreaterThanOrEqual(seq);
    }
    const winner = responses.find((r) => r.seq === 60);
    expect(winner?.res.body.applied).toBe(true);

    const expected = { selected: choice(60), flagged: true, seq: 60 };
    const read = await me.agent.get(`/api/attempts/${attempt.id}`).expect(200);
    expect(read.body.questions[q.position - 1].answer).toEqual(expected);
    const row = await app.prisma.attemptItem.findUniqueOrThrow({
      where: { attemptId_position: { attemptId: attempt.id, position: q.position } },
    });
    expect({ selected: row.selected, flagged: row.flagged, seq: row.seq }).toEqual(expected);
  });
});

describe('double submit', () => {
  it('scores once: concurrent submits all get the same single result', async () => {
    const me = await signedInAgent(app);
    const attempt: AttemptResponse = await startAttempt(me.agent, { mode: 'mock' });
    for (const q of attempt.questions.slice(0, 30)) {
      await me.agent
        .put(`/api/attempts/${attempt.id}/answers/${q.position}`)
        .send({ selected: q.options.slice(0, q.choose).map((o) => o.id), flagged: false, seq: q.position })
        .expect(200);
    }
    const submits = await Promise.all(
      Array.from({ length: 4 }, () => me.agent.post(`/api/attempts/${attempt.id}/submit`)),
    );
    for (const res of submits) expect(res.status).toBe(200);
    const [first, ...others] = submits.map((r) => r.body);
    for (const other of others) expect(other).toEqual(first);
    expect(first.result).toMatchObject({ total: 65, answered: 30 });

    // Exactly one scoring happened: one scored attempt, the section totals counted once.
    const user = await app.prisma.user.findUniqueOrThrow({ where: { id: me.user.id } });
    expect(user.scoredAttempts).toBe(1);
    const tallies = await app.prisma.userSectionStat.findMany({ where: { userId: me.user.id } });
    expect(tallies.reduce((n, t) => n + t.answered, 0)).toBe(30);
    const stored = await app.prisma.attempt.findUniqueOrThrow({ where: { id: attempt.id } });
    expect(stored.result).toEqual(first.result);
  });

  it('counts every save acknowledged before the submit, and refuses those after it', async () => {
    const me = await signedInAgent(app);
    const attempt: AttemptResponse = await startAttempt(me.agent, { mode: 'mock' });
    const saves = attempt.questions.map((q) =>
      me.agent
        .put(`/api/attempts/${attempt.id}/answers/${q.position}`)
        .send({ selected: q.options.slice(0, q.choose).map((o) => o.id), flagged: false, seq: 1 })
        .then((res) => ({ q, res })),
    );
    const submit = me.agent.post(`/api/attempts/${attempt.id}/submit`);
    const [done, ...results] = await Promise.all([submit, ...saves]);
    expect(done.status).toBe(200);
    const acknowledged = results.filter((r) => r.res.status === 200 && r.res.body.applied);
    const refused = results.filter((r) => r.res.status === 409);
    expect(acknowledged.length + refused.length).toBe(65);
    expect(done.body.result.answered).toBe(acknowledged.length);
    const items = await app.prisma.attemptItem.findMany({ where: { attemptId: attempt.id } });
    expect(items.filter((i) => i.selected.length > 0)).toHaveLength(acknowledged.length);
  });
});
