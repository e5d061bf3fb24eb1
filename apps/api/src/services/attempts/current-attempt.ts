import { type AttemptRow, findAttempt, findOverdueIds } from '../../data/attempts.ts';
import type { PrismaClient } from '../../db/prisma-client.ts';
import { isPastDeadline } from '../../exam/clock.ts';
import { notFound } from './attempt-errors.ts';
import { finish } from './finish-attempt.ts';

/**
 * The user's attempt as it is now: one whose deadline has passed is scored (as expired) on this
 * access if the sweeper has not got to it yet, so every read shows the true status.
 */
export async function currentAttempt(prisma: PrismaClient, userId: string, id: string, now: Date): Promise<AttemptRow> {
  const attempt = await findAttempt(prisma, userId, id);
  if (!attempt) throw notFound();
  if (attempt.status !== 'in_progress' || !isPastDeadline(attempt.deadline, now)) return attempt;
  await finish(prisma, id, now);
  // Re-read rather than patch the row: whoever scored it (this request, the sweeper, a submit that
  // just beat the deadline) decided its final status and times.
  const scored = await findAttempt(prisma, userId, id);
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
export async function expireOverdueOf(prisma: PrismaClient, userId: string, now: Date): Promise<number> {
  const overdue = await findOverdueIds(prisma, userId, now, MAX_SCORED_PER_READ);
  for (const id of overdue) await finish(prisma, id, now);
  return overdue.length;
}
