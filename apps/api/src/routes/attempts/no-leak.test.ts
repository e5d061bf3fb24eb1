import type { AttemptResponse } from '@saa/contract/attempts';
import type { FastifyInstance } from 'fastify';
import type request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/build-test-app.ts';
import { correctOptionIds, type SignedIn, signedInAgent, withBankIds } from '../../../test/factories.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(() => app.close());

/** Fields that carry the key. Checked as JSON field names: a stem may well say "explanation". */
const KEY_FIELDS = ['rationale', 'correct', 'explanation', 'correctOptionIds', 'correction'];

function fieldNames(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) fieldNames(v, into);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      into.add(k);
      fieldNames(v, into);
    }
  }
  return into;
}

/**
 * The key of every question in the attempt, as stored, and its bank id (descriptive ids can hint at
 * the answer): none of this may reach the client while the attempt runs.
 */
async function secretsOf(attemptId: string): Promise<string[]> {
  const items = await app.prisma.attemptItem.findMany({
    where: { attemptId },
    include: { questionVersionRef: true },
  });
  return items.flatMap((item) => {
    const v = item.questionVersionRef;
    const options = v.options as { rationale: string }[];
    return [
      item.questionId,
      v.explanation,
      ...options.map((o) => o.rationale),
      ...(v.correction ? [v.correction] : []),
    ];
  });
}

function expectNoKey(res: request.Response, secrets: string[], what: string) {
  const raw = res.text;
  const fields = res.type.includes('json') ? fieldNames(JSON.parse(raw)) : new Set<string>();
  for (const field of KEY_FIELDS) expect(fields.has(field), `${what} has a field "${field}"`).toBe(false);
  for (const secret of secrets) expect(raw.includes(secret), `${what} leaks "${secret.slice(0, 40)}…"`).toBe(false);
}

/** Every route a client can call about an attempt (and around it) while it is in progress. */
async function walk(me: SignedIn, attempt: AttemptResponse, secrets: string[]) {
  const base = `/api/attempts/${attempt.id}`;
  const q = attempt.questions[1] as AttemptResponse['questions'][number];
  const calls: [string, () => request.Test][] = [
    ['GET attempt', () => me.agent.get(base)],
    [
      'PUT answer',
      () => me.agent.put(`${base}/answers/2`).send({ selected: [q.options[0]?.id], flagged: true, seq: 1 }),
    ],
    ['PUT stale answer', () => me.agent.put(`${base}/answers/2`).send({ selected: [], flagged: false, seq: 1 })],
    ['PUT flag only', () => me.agent.put(`${base}/answers/3`).send({ selected: [], flagged: true, seq: 1 })],
    ['PUT invalid answer', () => me.agent.put(`${base}/answers/2`).send({ selected: ['z'], flagged: false, seq: 9 })],
    [
      'PUT too many',
      () => me.agent.put(`${base}/answers/2`).send({ selected: ['a', 'b', 'c', 'd'], flagged: false, seq: 9 }),
    ],
    ['PUT past the end', () => me.agent.put(`${base}/answers/130`).send({ selected: [], flagged: false, seq: 9 })],
    ['GET review (409)', () => me.agent.get(`${base}/review`)],
    ['GET review wrong (409)', () => me.agent.get(`${base}/review?filter=wrong`)],
    ['GET list', () => me.agent.get('/api/attempts')],
    ['GET catalog', () => me.agent.get('/api/catalog')],
    ['GET me', () => me.agent.get('/api/auth/me')],
  ];
  const statuses: Record<string, number> = {};
  for (const [what, call] of calls) {
    const res = await call();
    statuses[what] = res.status;
    expectNoKey(res, secrets, what);
  }
  return statuses;
}

describe('no answer leaks while an attempt is in progress', () => {
  it('walks every route of a deferred-feedback mock', async () => {
    const me = await signedInAgent(app);
    const create = await me.agent.post('/api/attempts').send({ mode: 'mock' }).expect(201);
    const attempt = create.body as AttemptResponse;
    const secrets = await secretsOf(attempt.id);
    expect(secrets.length).toBeGreaterThan(65 * 4);
    expectNoKey(create, secrets, 'POST attempts');

    const statsBefore = (await me.agent.get('/api/stats').expect(200)).body;
    const statuses = await walk(me, attempt, secrets);
    expect(statuses).toMatchObject({ 'GET attempt': 200, 'PUT answer': 200, 'GET review (409)': 409, 'GET list': 200 });
    // Stats only ever count scored attempts: answering in progress reveals nothing there either.
    const statsDuring = await me.agent.get('/api/stats').expect(200);
    expect(statsDuring.body).toEqual(statsBefore);
    for (const secret of secrets) expect(statsDuring.text.includes(secret)).toBe(false);

    // Once submitted, the review is the place for the key.
    await me.agent.post(`/api/attempts/${attempt.id}/submit`).expect(200);
    const review = await me.agent.get(`/api/attempts/${attempt.id}/review`).expect(200);
    expect(review.text).toContain('rationale');
  });

  it('shows feedback in immediate mode only for the question just answered', async () => {
    const me = await signedInAgent(app);
    const create = await me.agent
      .post('/api/attempts')
      .send({ mode: 'practice', feedback: 'immediate', questionCount: 6 });
    const attempt = create.body as AttemptResponse;
    const secrets = await secretsOf(attempt.id);
    expectNoKey(create, secrets, 'POST attempts (immediate)');
    const before = await me.agent.get(`/api/attempts/${attempt.id}`).expect(200);
    expectNoKey(before, secrets, 'GET attempt before answering');

    // Answer question 1 in full: its feedback (by design) is the only key that may appear.
    const known = await withBankIds(attempt);
    const selected = await correctOptionIds(app, known.questions[0]?.questionId ?? '');
    const answered = await me.agent
      .put(`/api/attempts/${attempt.id}/answers/1`)
      .send({ selected, flagged: false, seq: 1 })
      .expect(200);
    expect(answered.body.feedback.correct).toBe(true);
    const q1Secrets = await secretsOf(attempt.id).then((all) => all.filter((s) => answered.text.includes(s)));
    const others = secrets.filter((s) => !q1Secrets.includes(s));

    const read = await me.agent.get(`/api/attempts/${attempt.id}`).expect(200);
    const withFeedback = read.body.questions.filter((q: { feedback?: unknown }) => q.feedback !== undefined);
    expect(withFeedback.map((q: { position: number }) => q.position)).toEqual([1]);
    for (const secret of others) expect(read.text.includes(secret)).toBe(false);
    // A partial answer to a multi-option question, or an unanswered one, never carries feedback.
    const q2 = attempt.questions[1] as AttemptResponse['questions'][number];
    const flagOnly = await me.agent
      .put(`/api/attempts/${attempt.id}/answers/2`)
      .send({ selected: [], flagged: true, seq: 1 })
      .expect(200);
    expectNoKey(flagOnly, secrets, 'PUT flag only (immediate)');
    expect(q2.answer).toBeNull();
  });

  it('never names a question by any bank id while an attempt runs', async () => {
    // Every id in the bank, not only this attempt's: an id must not appear in any in-progress body.
    const bankIds = (await app.prisma.question.findMany({ select: { id: true } })).map((q) => q.id);
    expect(bankIds.length).toBeGreaterThan(500);
    const me = await signedInAgent(app);
    const bodies: [string, string][] = [];
    for (const request of [{ mode: 'mock' }, { mode: 'practice', feedback: 'immediate', questionCount: 4 }]) {
      const create = await me.agent.post('/api/attempts').send(request).expect(201);
      const attempt = create.body as AttemptResponse;
      bodies.push(['POST attempts', create.text]);
      const known = await withBankIds(attempt);
      const first = known.questions[0];
      const selected = await correctOptionIds(app, first?.questionId ?? '');
      const saved = await me.agent
        .put(`/api/attempts/${attempt.id}/answers/1`)
        .send({ selected, flagged: true, seq: 1 });
      bodies.push(['PUT answer', saved.text]);
      bodies.push(['GET attempt', (await me.agent.get(`/api/attempts/${attempt.id}`).expect(200)).text]);
      bodies.push(['GET list', (await me.agent.get('/api/attempts').expect(200)).text]);
      bodies.push(['GET stats', (await me.agent.get('/api/stats').expect(200)).text]);
    }
    for (const [what, body] of bodies) {
      const named = bankIds.filter((id) => body.includes(`"${id}"`) || body.includes(`/${id}`));
      expect(named, what).toEqual([]);
    }
  });
});
