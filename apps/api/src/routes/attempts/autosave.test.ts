import type { AttemptResponse } from '@saa/contract/attempts';
import type { FastifyInstance } from 'fastify';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/build-test-app.ts';
import { type SignedIn, signedInAgent, startAttempt } from '../../../test/factories.ts';

let app: FastifyInstance;
let me: SignedIn;
let attempt: AttemptResponse;
beforeAll(async () => {
  app = await buildTestApp();
  me = await signedInAgent(app);
  attempt = await startAttempt(me.agent, { mode: 'mock' });
});
afterAll(() => app.close());

const save = (position: number, body: Record<string, unknown>) =>
  me.agent.put(`/api/attempts/${attempt.id}/answers/${position}`).send(body);
// Each test takes a question no earlier test has saved to (the draw decides which is which).
const taken = new Set<number>();
const question = (predicate: (q: AttemptResponse['questions'][number]) => boolean) => {
  const found = attempt.questions.find((q) => !taken.has(q.position) && predicate(q));
  if (!found) throw new Error('the mock has no such question');
  taken.add(found.position);
  return found;
};

describe('PUT /api/attempts/:id/answers/:position', () => {
  it('saves the answer and flag, and a later read shows them', async () => {
    const q = question((x) => x.choose === 1);
    const res = await save(q.position, { selected: [q.options[2]?.id], flagged: true, seq: 1 }).expect(200);
    expect(res.body).toEqual({
      position: q.position,
      answer: { selected: [q.options[2]?.id], flagged: true, seq: 1 },
      applied: true,
      remainingSeconds: expect.any(Number),
    });
    const read = await me.agent.get(`/api/attempts/${attempt.id}`).expect(200);
    const saved = read.body.questions.find((x: { position: number }) => x.position === q.position);
    expect(saved.answer).toEqual({ selected: [q.options[2]?.id], flagged: true, seq: 1 });
    const row = await app.prisma.attemptItem.findUniqueOrThrow({
      where: { attemptId_position: { attemptId: attempt.id, position: q.position } },
    });
    expect(row.firstAnsweredAt).not.toBeNull();
    expect(row.correct).toBeNull();
  });

  it('ignores a stale save (lower seq) and answers the stored state with applied: false', async () => {
    const q = question((x) => x.choose === 1 && x.position > 1);
    await save(q.position, { selected: [q.options[0]?.id], flagged: false, seq: 5 }).expect(200);
    const stale = await save(q.position, { selected: [q.options[1]?.id], flagged: true, seq: 4 }).expect(200);
    expect(stale.body).toMatchObject({
      applied: false,
      answer: { selected: [q.options[0]?.id], flagged: false, seq: 5 },
    });
  });

  it('ignores a save with an equal seq (a retried request) the same way', async () => {
    const q = question(() => true);
    await save(q.position, { selected: [], flagged: true, seq: 7 }).expect(200);
    const again = await save(q.position, { selected: [q.options[0]?.id], flagged: false, seq: 7 }).expect(200);
    expect(again.body).toMatchObject({ applied: false, answer: { selected: [], flagged: true, seq: 7 } });
    const newer = await save(q.position, { selected: [q.options[0]?.id], flagged: false, seq: 8 }).expect(200);
    expect(newer.body.applied).toBe(true);
  });

  it('lets the highest seq win when saves arrive out of order or at once', async () => {
    const q = question((x) => x.choose === 1 && x.position > 20);
    const results = await Promise.all(
      [3, 9, 1, 6, 8, 2].map((seq) => save(q.position, { selected: [q.options[seq % 4]?.id], flagged: false, seq })),
    );
    expect(results.every((r) => r.status === 200)).toBe(true);
    const row = await app.prisma.attemptItem.findUniqueOrThrow({
      where: { attemptId_position: { attemptId: attempt.id, position: q.position } },
    });
    expect(row.seq).toBe(9);
    expect(row.selected).toEqual([q.options[1]?.id]);
  });

  it('accepts up to `choose` options of a multiple-response question, in display order', async () => {
    const q = question((x) => x.choose === 2);
    const [a, b, c] = q.options.map((o) => o.id);
    const ok = await save(q.position, { selected: [b, a], flagged: false, seq: 1 }).expect(200);
    expect(ok.body.answer.selected).toEqual([a, b]);
    const tooMany = await save(q.position, { selected: [a, b, c], flagged: false, seq: 2 }).expect(400);
    expect(tooMany.body.errors).toEqual([{ field: 'body.selected', message: expect.stringMatching(/at most 2/) }]);
  });

  it('rejects more than one option for a single-answer question, unknown ids and duplicates', async () => {
    const q = question((x) => x.choose === 1 && x.position > 30);
    const [a, b] = q.options.map((o) => o.id);
    const two = await save(q.position, { selected: [a, b], flagged: false, seq: 1 }).expect(400);
    expect(two.body.errors[0].field).toBe('body.selected');
    const unknown = await save(q.position, { selected: ['f'], flagged: false, seq: 1 }).expect(400);
    expect(unknown.body).toMatchObject({ code: 'validation_failed', errors: [{ field: 'body.selected' }] });
    // Not an option id at all (here with a NUL, which Postgres text cannot hold): refused by the contract.
    const malformed = await save(q.position, { selected: ['a\u0000'], flagged: false, seq: 1 }).expect(400);
    expect(malformed.body.errors[0].field).toMatch(/^body\.selected/);
    const duplicate = await save(q.position, { selected: [a, a], flagged: false, seq: 1 }).expect(400);
    expect(duplicate.body.errors[0].message).toMatch(/more than once/);
    const nothingSaved = await me.agent.get(`/api/attempts/${attempt.id}`).expect(200);
    expect(nothingSaved.body.questions[q.position - 1].answer).toBeNull();
  });

  it('validates params and body, naming the field', async () => {
    const base = `/api/attempts/${attempt.id}/answers`;
    const zero = await me.agent.put(`${base}/0`).send({ selected: [], flagged: false, seq: 1 }).expect(400);
    expect(zero.body.errors[0].field).toBe('params.position');
    const text = await me.agent.put(`${base}/abc`).send({ selected: [], flagged: false, seq: 1 }).expect(400);
    expect(text.body.errors[0].field).toBe('params.position');
    const badId = await me.agent.put('/api/attempts/nope/answers/1').send({ selected: [], flagged: false, seq: 1 });
    expect(badId.status).toBe(400);
    expect(badId.body.errors[0].field).toBe('params.id');
    const noSeq = await me.agent.put(`${base}/1`).send({ selected: [], flagged: false }).expect(400);
    expect(noSeq.body.errors[0].field).toBe('body.seq');
    const negative = await me.agent.put(`${base}/1`).send({ selected: [], flagged: false, seq: -1 }).expect(400);
    expect(negative.body.errors[0].field).toBe('body.seq');
    const notArray = await me.agent.put(`${base}/1`).send({ selected: 'a', flagged: false, seq: 1 }).expect(400);
    expect(notArray.body.errors[0].field).toBe('body.selected');
    await me.agent.put(`${base}/1`).set('content-type', 'application/json').send('[').expect(400);
  });

  it('answers 404 for a position past the end and for an unknown attempt', async () => {
    const past = await save(66, { selected: [], flagged: false, seq: 1 }).expect(404);
    expect(past.body.detail).toMatch(/no question 66/);
    await me.agent
      .put('/api/attempts/00000000-0000-4000-8000-000000000000/answers/1')
      .send({ selected: [], flagged: false, seq: 1 })
      .expect(404);
  });

  it('checks the session in the one-statement save as every other route does', async () => {
    const other = await signedInAgent(app);
    const mine = await startAttempt(other.agent, { mode: 'mock' });
    const put = (seq: number) =>
      other.agent
        .put(`/api/attempts/${mine.id}/answers/1`)
        .send({ selected: [mine.questions[0]?.options[0]?.id], flagged: false, seq });
    const session = () => app.prisma.session.findFirstOrThrow({ where: { userId: other.user.id } });

    // Touched when due (at most once a minute), untouched otherwise.
    const before = await session();
    await put(1).expect(200);
    expect((await session()).lastSeenAt).toEqual(before.lastSeenAt);
    const old = new Date(Date.now() - 5 * 60_000);
    await app.prisma.session.updateMany({ where: { userId: other.user.id }, data: { lastSeenAt: old } });
    const saved = await put(2).expect(200);
    expect(saved.body.applied).toBe(true);
    expect((await session()).lastSeenAt.getTime()).toBeGreaterThan(old.getTime() + 60_000);
    // The remaining time comes from the stored deadline, as on a read.
    const read = await other.agent.get(`/api/attempts/${mine.id}`).expect(200);
    expect(Math.abs(saved.body.remainingSeconds - read.body.remainingSeconds)).toBeLessThanOrEqual(2);
    expect(saved.body.remainingSeconds).toBeGreaterThan(129 * 60);

    // Someone else's session cannot save into this attempt: it does not exist for them.
    await me.agent
      .put(`/api/attempts/${mine.id}/answers/1`)
      .send({ selected: [], flagged: false, seq: 50 })
      .expect(404);

    // An idle session ends here too: 401, the row deleted, the cookie cleared, nothing saved.
    await app.prisma.session.updateMany({
      where: { userId: other.user.id },
      data: { lastSeenAt: new Date(Date.now() - 73 * 3_600_000) },
    });
    const ended = await put(3).expect(401);
    expect(ended.body.detail).toMatch(/session has ended/);
    expect(String(ended.headers['set-cookie'])).toMatch(/^saa_session=;/);
    expect(await app.prisma.session.count({ where: { userId: other.user.id } })).toBe(0);
    const row = await app.prisma.attemptItem.findUniqueOrThrow({
      where: { attemptId_position: { attemptId: mine.id, position: 1 } },
    });
    expect(row.seq).toBe(2);
  });

  it('needs a session', async () => {
    await request(app.server)
      .put(`/api/attempts/${attempt.id}/answers/1`)
      .send({ selected: [], flagged: false, seq: 99 })
      .expect(401);
  });
});
