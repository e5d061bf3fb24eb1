import type { AttemptResponse } from '@saa/contract/attempts';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpSession, startApiProcess } from '../../../test/api-process.ts';
import { buildTestApp, testDatabaseUrl } from '../../../test/build-test-app.ts';
import { signedInAgent, startAttempt, TEST_PASSWORD, uniqueEmail } from '../../../test/factories.ts';
import { MAX_OPEN_PRACTICES } from '../../exam/open-attempt-rules.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(() => app.close());

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;

describe('a burst of starts from one user', () => {
  it('never answers 5xx, starts one mock, and does not slow down another user autosaving meanwhile', async () => {
    // The real server in its own process, as in production: the burst and the measurement run in
    // this one, so the client's own work does not count against the server.
    const api = await startApiProcess(testDatabaseUrl());
    try {
      const me = new HttpSession(api.url);
      const other = new HttpSession(api.url);
      for (const session of [me, other]) {
        const signup = await session.send('POST', '/api/auth/signup', {
          email: uniqueEmail(),
          password: TEST_PASSWORD,
        });
        expect(signup.status).toBe(201);
      }
      const theirs = await other.send<AttemptResponse>('POST', '/api/attempts', {
        mode: 'practice',
        questionCount: 20,
      });
      const q = theirs.body.questions[0];
      if (!q) throw new Error('no question');

      // The first save of a fresh process is slow whatever else happens (connections opened,
      // statements prepared, code compiled): made before the burst, it is not what is measured.
      const warmUp = await other.send('PUT', `/api/attempts/${theirs.body.id}/answers/1`, {
        selected: [],
        flagged: false,
        seq: 1,
      });
      expect(warmUp.status).toBe(200);

      let bursting = true;
      const saveTimes: number[] = [];
      const autosaves = (async () => {
        let seq = 1;
        while (bursting || saveTimes.length < 100) {
          seq += 1;
          const started = performance.now();
          const res = await other.send('PUT', `/api/attempts/${theirs.body.id}/answers/1`, {
            selected: [q.options[seq % q.options.length]?.id],
            flagged: false,
            seq,
          });
          saveTimes.push(performance.now() - started);
          expect(res.status).toBe(200);
        }
      })();
      const burst = await Promise.all(
        Array.from({ length: 50 }, () => me.send('POST', '/api/attempts', { mode: 'mock' })),
      );
      bursting = false;
      await autosaves;

      const statuses = burst.map((r) => r.status);
      expect(statuses.filter((s) => s >= 500)).toEqual([]);
      expect(statuses.filter((s) => s === 201)).toHaveLength(1);
      // The others were told why: a start already under way, or the mock it created.
      for (const res of burst.filter((r) => r.status !== 201)) {
        expect(res.status).toBe(409);
        expect(['start_in_progress', 'mock_in_progress']).toContain(res.body.code);
      }
      const mine = await me.send<{ items: unknown[] }>('GET', '/api/attempts');
      expect(mine.body.items).toHaveLength(1);

      const sorted = [...saveTimes].sort((a, b) => a - b);
      expect(sorted.length).toBeGreaterThanOrEqual(100);
      expect(
        quantile(sorted, 0.99),
        `autosave p99 over ${sorted.length} saves: ${saveTimes.map(Math.round).join(' ')}`,
      ).toBeLessThan(100);
    } finally {
      await api.stop();
    }
  });
});

describe('open attempts per user', () => {
  it('allows one running mock and points a second start to it', async () => {
    const me = await signedInAgent(app);
    const first = await startAttempt(me.agent, { mode: 'mock' });
    const second = await me.agent.post('/api/attempts').send({ mode: 'mock' }).expect(409);
    expect(second.body).toMatchObject({ code: 'mock_in_progress', attemptId: first.id });
    // Practice sets can run beside it.
    await startAttempt(me.agent, { mode: 'practice', questionCount: 2 });
    await me.agent.post(`/api/attempts/${first.id}/submit`).expect(200);
    await startAttempt(me.agent, { mode: 'mock' });
  });

  it(`caps open practice sets and drills at ${MAX_OPEN_PRACTICES}, and frees a place on submit`, async () => {
    const me = await signedInAgent(app);
    const open = [];
    for (let i = 0; i < MAX_OPEN_PRACTICES; i++)
      open.push(await startAttempt(me.agent, { mode: 'practice', questionCount: 1 }));
    const refused = await me.agent.post('/api/attempts').send({ mode: 'practice', questionCount: 1 }).expect(409);
    expect(refused.body).toMatchObject({ code: 'too_many_open_attempts' });
    expect(refused.body.detail).toMatch(/at most 10/);
    await me.agent.post(`/api/attempts/${open[0]?.id}/submit`).expect(200);
    await startAttempt(me.agent, { mode: 'practice', questionCount: 1 });
  });
});
