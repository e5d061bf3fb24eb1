import type { AttemptResponse } from '@saa/contract/attempts';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../test/build-test-app.ts';
import { signedInAgent, startAttempt } from '../../test/factories.ts';
import { SESSION_COOKIE, sessionIdOf } from '../lib/session-token.ts';
import { type DeferredSave, type PgQueryable, saveDeferredAnswers } from './deferred-save-batch.ts';
import { SaveBatcher } from './save-batcher.ts';
import type { SessionCheck } from './sessions.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(() => app.close());

type Question = AttemptResponse['questions'][number];

/** A signed-up user with a mock in progress, and the session check a request of theirs would carry. */
async function candidate() {
  const me = await signedInAgent(app);
  const cookie = (await me.agent.get('/api/auth/me').expect(200)).request.cookies as string;
  const token = new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(cookie)?.[1] as string;
  const attempt = await startAttempt(me.agent, { mode: 'mock' });
  const session = (): SessionCheck => {
    const now = new Date();
    return {
      sessionId: sessionIdOf(token),
      now,
      idleSince: new Date(now.getTime() - 3_600_000),
      touchBefore: new Date(now.getTime() - 60_000),
    };
  };
  const question = (position: number) => attempt.questions[position - 1] as Question;
  const save = (position: number, selected: string[], seq: number, asSession = session()): DeferredSave => ({
    session: asSession,
    attemptId: attempt.id,
    position,
    answer: { selected, flagged: seq % 2 === 0, seq },
  });
  return { attempt, session, question, save };
}

async function storedItem(attemptId: string, position: number) {
  return app.prisma.attemptItem.findUniqueOrThrow({
    where: { attemptId_position: { attemptId, position } },
    select: { selected: true, flagged: true, seq: true, answeredAt: true },
  });
}

/** The app's pool, counting the statements sent and the saves each save statement carried. */
function countingPool() {
  const batchSizes: number[] = [];
  let statements = 0;
  const db: PgQueryable = {
    query(config) {
      statements++;
      const sessionIds = config.values?.[0];
      if (config.name === 'saa_save_deferred_answers' && Array.isArray(sessionIds)) batchSizes.push(sessionIds.length);
      return app.savePool.query(config);
    },
  };
  return { db, batchSizes, statements: () => statements };
}

describe('saving several answers in one statement', () => {
  it('does not make other saves wait for an attempt being scored', async () => {
    const alice = await candidate();
    const bob = await candidate();
    const [a1, b1] = [alice.question(1), bob.question(1)];
    // Scoring takes the attempt row FOR UPDATE for its transaction: hold Alice's the same way.
    const aliceBefore = await storedItem(alice.attempt.id, 1);
    const scoring = await app.savePool.connect();
    try {
      await scoring.query('BEGIN');
      await scoring.query('SELECT id FROM attempts WHERE id = $1 FOR UPDATE', [alice.attempt.id]);
      const results = await Promise.race([
        saveDeferredAnswers(app.savePool, [
          alice.save(1, [a1.options[0]?.id as string], 1),
          bob.save(1, [b1.options[0]?.id as string], 1),
        ]),
        new Promise<'waited'>((resolve) => setTimeout(() => resolve('waited'), 5_000)),
      ]);
      // Bob's save landed at once; Alice's was left to the general path (null), which waits.
      expect(results).not.toBe('waited');
      if (results === 'waited') return;
      expect(results[0]).toBeNull();
      expect(results[1]).toMatchObject({ selected: [b1.options[0]?.id], seq: 1 });
      expect((await storedItem(bob.attempt.id, 1)).seq).toBe(1);
      expect(await storedItem(alice.attempt.id, 1)).toEqual(aliceBefore);
    } finally {
      await scoring.query('ROLLBACK');
      scoring.release();
    }
  });

  it('checks every save on its own: session, owner, seq and options', async () => {
    const alice = await candidate();
    const bob = await candidate();
    const [a1, a2, a3, a4] = [1, 2, 3, 4].map(alice.question) as [Question, Question, Question, Question];
    const b1 = bob.question(1);
    await saveDeferredAnswers(app.savePool, [alice.save(4, [a4.options[0]?.id as string], 5)]);

    const results = await saveDeferredAnswers(app.savePool, [
      alice.save(1, [a1.options[1]?.id as string], 1),
      bob.save(1, [b1.options[0]?.id as string], 1),
      // Bob's session naming Alice's attempt.
      alice.save(2, [a2.options[0]?.id as string], 1, bob.session()),
      // Unknown option.
      alice.save(3, ['f', 'e', 'd'].slice(0, a3.choose + 1), 1),
      // Older than the stored seq 5.
      alice.save(4, [a4.options[1]?.id as string], 3),
    ]);

    expect(results[0]).toMatchObject({ selected: [a1.options[1]?.id], flagged: false, seq: 1 });
    expect(results[0]?.deadline?.toISOString()).toBe(alice.attempt.deadline);
    expect(results[1]).toMatchObject({ selected: [b1.options[0]?.id], seq: 1 });
    expect(results.slice(2)).toEqual([null, null, null]);
    expect(await storedItem(alice.attempt.id, 2)).toMatchObject({ selected: [], seq: -1, answeredAt: null });
    expect(await storedItem(alice.attempt.id, 3)).toMatchObject({ selected: [], seq: -1 });
    expect(await storedItem(alice.attempt.id, 4)).toMatchObject({ selected: [a4.options[0]?.id], seq: 5 });
    expect((await storedItem(alice.attempt.id, 1)).answeredAt).not.toBeNull();
  });

  it('stores a multi-option answer in display order, as a single save does', async () => {
    const alice = await candidate();
    const q = alice.attempt.questions.find((x) => x.choose > 1) as Question;
    const ids = q.options.map((o) => o.id);
    const reversed = ids.slice(0, q.choose).reverse();
    const [result] = await saveDeferredAnswers(app.savePool, [alice.save(q.position, reversed, 1)]);
    expect(result?.selected).toEqual(ids.slice(0, q.choose));
  });
});

describe('the save batcher', () => {
  it('sends a save at once while a slot is free, and shares statements once the slots are busy', async () => {
    const users = await Promise.all([candidate(), candidate(), candidate()]);
    const pool = countingPool();
    const batcher = new SaveBatcher(pool.db, 1);

    // Alone: one statement carrying one save.
    const alone = await batcher.save(users[0]?.save(1, [], 1) as DeferredSave);
    expect(alone?.seq).toBe(1);
    expect(pool.batchSizes).toEqual([1]);

    // 60 saves at once over 3 users and 5 questions each, every question saved 4 times with rising seqs.
    const saves = users.flatMap((user) =>
      [1, 2, 3, 4, 5].flatMap((position) =>
        [2, 3, 4, 5].map((seq) => ({
          user,
          position,
          seq,
          save: user.save(position, [user.question(position).options[seq % 2]?.id as string], seq),
        })),
      ),
    );
    const before = pool.statements();
    const results = await Promise.all(saves.map((s) => batcher.save(s.save)));

    expect(pool.statements() - before).toBeLessThan(saves.length / 4);
    expect(Math.max(...pool.batchSizes)).toBeGreaterThan(1);
    results.forEach((result, i) => {
      // Every save applied: same-question saves never share a batch, and they go in arrival order.
      expect(result?.seq).toBe(saves[i]?.seq);
    });
    for (const user of users) {
      for (const position of [1, 2, 3, 4, 5]) {
        expect(await storedItem(user.attempt.id, position)).toMatchObject({
          selected: [user.question(position).options[5 % 2]?.id],
          flagged: false,
          seq: 5,
        });
      }
    }
  });

  it('sends every save alone with a batch limit of 1 (AUTOSAVE_BATCH_LIMIT, for measuring what sharing is worth)', async () => {
    const user = await candidate();
    const pool = countingPool();
    const batcher = new SaveBatcher(pool.db, 1, 1);
    const saves = [1, 2, 3, 4, 5, 6].map((position) =>
      user.save(position, [user.question(position).options[0]?.id as string], 1),
    );
    const results = await Promise.all(saves.map((save) => batcher.save(save)));
    expect(pool.batchSizes).toEqual([1, 1, 1, 1, 1, 1]);
    expect(results.map((r) => r?.seq)).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('falls back to single saves when a batch fails, so one bad save fails alone', async () => {
    const alice = await candidate();
    const pool = countingPool();
    const batcher = new SaveBatcher(pool.db, 1);
    const blocker = batcher.save(alice.save(1, [], 1));
    const good = batcher.save(alice.save(2, [alice.question(2).options[0]?.id as string], 1));
    // A seq past int4 cannot be stored: the batch statement fails, and so does this save alone.
    // Settled into a value at once, so its rejection is never unhandled while the test awaits the others.
    const bad = batcher.save(alice.save(3, [], 2 ** 31)).then(
      () => null,
      (error: unknown) => error,
    );
    await blocker;
    expect((await good)?.seq).toBe(1);
    expect(await bad).toBeInstanceOf(Error);
    // The blocker alone, the failed batch of two, then each of the two alone.
    expect(pool.batchSizes).toEqual([1, 2, 1, 1]);
    expect(await storedItem(alice.attempt.id, 2)).toMatchObject({ seq: 1 });
  });
});
