import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../test/build-test-app.ts';
import { type SignedIn, signedInAgent, startAttempt } from '../../test/factories.ts';

let app: FastifyInstance;
let me: SignedIn;
let attemptId: string;
beforeAll(async () => {
  app = await buildTestApp();
  me = await signedInAgent(app);
  attemptId = (await startAttempt(me.agent, { mode: 'practice', questionCount: 3 })).id;
});
afterAll(() => app.close());

function expectProblem(res: { status: number; headers: Record<string, string>; body: { errors?: unknown } }) {
  expect(res.status).toBeGreaterThanOrEqual(400);
  expect(res.status).toBeLessThan(500);
  expect(res.headers['content-type']).toContain('application/problem+json');
  if (res.status === 400 && res.body.errors) {
    for (const e of res.body.errors as { field: string }[]) expect(e.field).toMatch(/^(body|params|querystring)/);
  }
}

describe('bad input', () => {
  it('names params.id for a malformed attempt id on every attempt route', async () => {
    const calls = [
      me.agent.get('/api/attempts/123'),
      me.agent.get('/api/attempts/123/review'),
      me.agent.post('/api/attempts/123/submit'),
      me.agent.put('/api/attempts/123/answers/1').send({ selected: [], flagged: false, seq: 1 }),
    ];
    for (const res of await Promise.all(calls)) {
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('params.id');
    }
  });

  it('answers unknown routes under /api with 404 problem+json', async () => {
    const res = await me.agent.delete(`/api/attempts/${attemptId}`).expect(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('never answers 5xx to random bodies, params and queries', async () => {
    const anything = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.oneof(fc.string({ maxLength: 3 }), fc.integer()), { maxLength: 8 }),
    );
    const createBody = fc.record(
      {
        mode: fc.oneof(fc.constantFrom('mock', 'practice', 'drill'), anything),
        domains: fc.oneof(fc.array(fc.constantFrom('secure', 'resilient', 'x'), { maxLength: 5 }), anything),
        sections: fc.oneof(fc.array(fc.constantFrom('lambda', 'dax', '', 'nope'), { maxLength: 4 }), anything),
        questionCount: fc.oneof(fc.integer({ min: -5, max: 200 }), anything),
        timeLimitMinutes: fc.oneof(fc.integer({ min: -5, max: 700 }), anything),
        feedback: fc.oneof(fc.constantFrom('deferred', 'immediate'), anything),
      },
      { requiredKeys: [] },
    );
    const saveBody = fc.record(
      {
        selected: fc.oneof(
          fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'zz', ''), { maxLength: 7 }),
          anything,
        ),
        flagged: fc.oneof(fc.boolean(), anything),
        seq: fc.oneof(fc.integer({ min: -2, max: 3_000_000_000 }), anything),
      },
      { requiredKeys: [] },
    );
    const position = fc.oneof(fc.integer({ min: -3, max: 200 }).map(String), fc.string({ maxLength: 6 }));

    await fc.assert(
      fc.asyncProperty(createBody, async (body) => {
        const res = await me.agent.post('/api/attempts').send(body);
        if (res.status >= 400) expectProblem(res);
        else expect(res.status).toBe(201);
      }),
      { numRuns: 60 },
    );
    await fc.assert(
      fc.asyncProperty(saveBody, position, async (body, pos) => {
        const res = await me.agent.put(`/api/attempts/${attemptId}/answers/${encodeURIComponent(pos)}`).send(body);
        if (res.status >= 400) expectProblem(res);
        else expect(res.status).toBe(200);
      }),
      { numRuns: 150 },
    );
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 30 }), fc.string({ maxLength: 30 }), async (limit, cursor) => {
        const query = new URLSearchParams({ limit, cursor }).toString();
        const res = await me.agent.get(`/api/attempts?${query}`);
        if (res.status >= 400) expectProblem(res);
        const review = await me.agent.get(`/api/attempts/${attemptId}/review?filter=${encodeURIComponent(cursor)}`);
        expectProblem(review);
      }),
      { numRuns: 60 },
    );
  });
});
