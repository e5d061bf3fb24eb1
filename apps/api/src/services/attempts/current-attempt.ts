import type { FastifyInstance } from 'fastify';
import { type AttemptRow, findAttempt, findOverdueIds } from '../../data/attempts.ts';
import { type FinishedAttempt, finishAttempt } from '../../data/results.ts';
import { TRANSACTION_OPTIONS } from '../../db/prisma-client.ts';
import { isPastDeadline } from '../../exam/clock.ts';
import { AppError } from '../../lib/app-error.ts';

export function finish(app: FastifyInstance, attemptId: string, now: Date): Promise<FinishedAttempt | null> {
  return app.prisma.$transaction((tx) => finishAttempt(tx, attemptId, now), TRANSACTION_OPTIONS);
}

export function notFound(): AppError {
  return new AppError('not_found', 'No such attempt.');
}

export function closedError(attempt: Pick<AttemptRow, 'status' | 'deadline'>): AppError {
  if (attempt.status === 'expired' && attempt.deadline) {
    return new AppError(
      'attempt_closed',
      `Time ran out at ${attempt.deadline.toISOString()}; the attempt was scored as it stood and takes no more changes. Open it to see the result.`,
    );
  }
  return new AppError('attempt_closed', 'This attempt has been submitted and takes no more changes.');
}

/**
 * The user's attempt as it is now: one whose deadline has passed is scored (as expired) on this
 * access if the sweeper has not got to it yet, so every read shows the true status.
 */
export async function currentAttempt(app: FastifyInstance, userId: string, id: string, now: Date): Promise<AttemptRow> {
  const attempt = await findAttempt(app.prisma, userId, id);
  if (!attempt) throw notFound();
  if (attempt.status !== 'in_progress' || !isPastDeadline(attempt.deadline, now)) return attempt;
  await finish(app, id, now);
  // Re-read rather than patch the row: whoever scored it (this request, the sweeper, a submit that
  // just beat the deadline) decided its final status and times.
  const scored = await findAttempt(app.prisma, userId, id);
  if (!scored) throw notFound();
  return scored;
}

/**
 * How many overdue attempts a read scores itself. The few a user normally has are scored at once,
 * so listings and stats are current; a backlog (a hundred attempts left to run out) is left to the
 * expiry sweeper, so that no read does unbounded work.
 */
export const MAX_SCORED_PER_READ = 3;

/** Scores (at most MAX_SCORED_PER_READ of) the user's overdue attempts before a listing or stats read. */
export async function expireOverdueOf(app: FastifyInstance, userId: string, now: Date): Promise<number> {
  const overdue = await findOverdueIds(app.prisma, userId, now, MAX_SCORED_PER_READ);
  for (const id of overdue) await finish(app, id, now);
  return overdue.length;
}
