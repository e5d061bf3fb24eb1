import type { AttemptMode } from '@saa/contract/attempts';
import type { NotNull } from 'kysely';
import type { Db } from '../db/prisma-client.ts';
import { builder, execute, firstRow, rows } from '../db/sql.ts';

export interface TrendRow {
  attemptId: string;
  mode: AttemptMode;
  submittedAt: Date;
  percent: number;
  scaledScore: number | null;
}

// Scored attempts are exactly those with submitted_at set (expired ones get their deadline), so
// every query below runs on the (user_id, mode, submitted_at DESC) index and reads a bounded
// number of rows however many attempts the user has; their number is a running count.

/** How many of the user's attempts are scored: the count kept by `countScoredAttempt`. */
export async function countScored(db: Db, userId: string): Promise<number> {
  const row = await firstRow(db, builder.selectFrom('users').select('scored_attempts').where('id', '=', userId));
  return row?.scored_attempts ?? 0;
}

/** Adds one to the user's scored attempts; part of scoring, in its transaction. */
export async function countScoredAttempt(db: Db, userId: string): Promise<void> {
  await execute(
    db,
    builder
      .updateTable('users')
      .set((eb) => ({ scored_attempts: eb('scored_attempts', '+', 1) }))
      .where('id', '=', userId),
  );
}

/**
 * The last `limit` scored attempts of any mode, newest first. One index range per mode, each
 * stopping after `limit` rows, merged: cheaper than sorting all of the user's attempts.
 */
export function lastScoredQuery(userId: string, limit: number) {
  const latestOf = (mode: AttemptMode) =>
    builder
      .selectFrom((eb) =>
        eb
          .selectFrom('attempts')
          .select(['id', 'mode', 'submitted_at', 'percent', 'scaled_score'])
          .where('user_id', '=', userId)
          .where('mode', '=', mode)
          .where('submitted_at', 'is not', null)
          .orderBy('submitted_at', 'desc')
          .limit(limit)
          .as(mode),
      )
      .selectAll();
  return (
    builder
      .selectFrom(latestOf('mock').unionAll(latestOf('practice')).unionAll(latestOf('drill')).as('recent'))
      .select(['id as attemptId', 'mode', 'submitted_at as submittedAt', 'percent', 'scaled_score as scaledScore'])
      // Scored attempts have both set (scoring writes them together).
      .$narrowType<{ submittedAt: NotNull; percent: NotNull }>()
      .orderBy('submitted_at', 'desc')
      .orderBy('id')
      .limit(limit)
  );
}

export function lastScored(db: Db, userId: string, limit: number): Promise<TrendRow[]> {
  return rows(db, lastScoredQuery(userId, limit));
}

export interface MockScore {
  scaledScore: number;
  correct: number;
  total: number;
}

/** Estimated scaled score and questions right of the last `limit` scored mocks, newest first. */
export async function lastMockScores(db: Db, userId: string, limit: number): Promise<MockScore[]> {
  const rows = await db.attempt.findMany({
    where: { userId, mode: 'mock', submittedAt: { not: null } },
    orderBy: { submittedAt: 'desc' },
    take: limit,
    select: { scaledScore: true, correctCount: true, questionCount: true },
  });
  return rows.flatMap((r) =>
    r.scaledScore === null || r.correctCount === null
      ? []
      : [{ scaledScore: r.scaledScore, correct: r.correctCount, total: r.questionCount }],
  );
}
