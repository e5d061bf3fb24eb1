import type { AttemptMode } from '@saa/contract/attempts';
import type { Db } from '../db/prisma-client.ts';
import { Prisma } from '../generated/prisma/client.ts';

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
  const rows = await db.$queryRaw<{ n: number }[]>`SELECT scored_attempts AS n FROM users WHERE id = ${userId}::uuid`;
  return rows[0]?.n ?? 0;
}

/** Adds one to the user's scored attempts; part of scoring, in its transaction. */
export async function countScoredAttempt(db: Db, userId: string): Promise<void> {
  await db.$executeRaw`UPDATE users SET scored_attempts = scored_attempts + 1 WHERE id = ${userId}::uuid`;
}

/**
 * The last `limit` scored attempts of any mode, newest first. One index range per mode, each
 * stopping after `limit` rows, merged: cheaper than sorting all of the user's attempts.
 */
export function lastScoredQuery(userId: string, limit: number): Prisma.Sql {
  const perMode = (mode: AttemptMode) => Prisma.sql`
    (SELECT * FROM attempts
     WHERE user_id = ${userId}::uuid AND mode = ${mode}::"AttemptMode" AND submitted_at IS NOT NULL
     ORDER BY submitted_at DESC LIMIT ${limit})`;
  return Prisma.sql`
    SELECT id AS "attemptId", mode::text, submitted_at AS "submittedAt", percent, scaled_score AS "scaledScore"
    FROM (${perMode('mock')} UNION ALL ${perMode('practice')} UNION ALL ${perMode('drill')}) recent
    ORDER BY submitted_at DESC, id
    LIMIT ${limit}`;
}

export function lastScored(db: Db, userId: string, limit: number): Promise<TrendRow[]> {
  return db.$queryRaw<TrendRow[]>(lastScoredQuery(userId, limit));
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
