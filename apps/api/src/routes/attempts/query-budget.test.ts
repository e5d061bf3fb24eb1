import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/build-test-app.ts';
import { signedInAgent, startAttempt } from '../../../test/factories.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(() => app.close());

/** Counts the SQL statements the app sends while `work` runs (Prisma's pg adapter goes through pg.Client). */
async function countQueries(work: () => Promise<unknown>): Promise<string[]> {
  const statements: string[] = [];
  const original = pg.Client.prototype.query;
  // biome-ignore lint/suspicious/noExplicitAny: wraps pg's overloaded query() whatever its arguments
  pg.Client.prototype.query = function (this: pg.Client, ...args: any[]) {
    const config = args[0];
    statements.push(typeof config === 'string' ? config : (config?.text ?? ''));
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    await work();
  } finally {
    pg.Client.prototype.query = original;
  }
  return statements;
}

describe('query budget', () => {
  it('an autosave costs one statement: the conditional update, with the session check inside it', async () => {
    const { agent } = await signedInAgent(app);
    const attempt = await startAttempt(agent, { mode: 'mock' });
    const q = attempt.questions[0];
    const save = (seq: number) =>
      agent
        .put(`/api/attempts/${attempt.id}/answers/1`)
        .send({ selected: [q?.options[0]?.id], flagged: false, seq })
        .expect(200);
    await save(1);
    const fresh = await countQueries(() => save(2));
    expect(fresh).toHaveLength(1);
    expect(fresh[0]).toMatch(/join "sessions"[\s\S]*update "attempt_items"/i);
    // A stale save: the update matches nothing, then the general path (session, one read) explains it.
    const stale = await countQueries(() => save(2));
    expect(stale).toHaveLength(3);
    expect(stale.filter((sql) => /update "?attempt_items"?/i.test(sql))).toHaveLength(1);
  });

  it('with AUTOSAVE_FAST_PATH=false, saves take the general path (session, context, conditional update)', async () => {
    const general = await buildTestApp({ AUTOSAVE_FAST_PATH: 'false' });
    try {
      const { agent } = await signedInAgent(general);
      const attempt = await startAttempt(agent, { mode: 'mock' });
      const q = attempt.questions[0];
      const statements = await countQueries(() =>
        agent
          .put(`/api/attempts/${attempt.id}/answers/1`)
          .send({ selected: [q?.options[0]?.id], flagged: false, seq: 1 })
          .expect(200),
      );
      expect(statements.some((sql) => /join "sessions"[\s\S]*update "attempt_items"/i.test(sql))).toBe(false);
      expect(statements.filter((sql) => /update "attempt_items"/i.test(sql))).toHaveLength(1);
      expect(statements.length).toBeGreaterThanOrEqual(3);
    } finally {
      await general.close();
    }
  });

  it('reading a 65-question attempt costs three statements: session, attempt, items with their content', async () => {
    const { agent } = await signedInAgent(app);
    const attempt = await startAttempt(agent, { mode: 'mock' });
    const statements = await countQueries(() => agent.get(`/api/attempts/${attempt.id}`).expect(200));
    expect(statements).toHaveLength(3);
  });
});
