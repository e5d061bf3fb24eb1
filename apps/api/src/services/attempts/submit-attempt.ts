import type { AttemptResult, SubmitResponse } from '@saa/contract/attempts';
import { findAttempt } from '../../data/attempts.ts';
import type { PrismaClient } from '../../db/prisma-client.ts';
import { closedError, notFound } from './attempt-errors.ts';
import { finish } from './finish-attempt.ts';
import { presentResult } from './present-attempt.ts';

/** Scores the attempt once; submitting again returns the stored result, an expired one refuses. */
export async function submitAttempt(
  prisma: PrismaClient,
  userId: string,
  id: string,
  now: Date,
): Promise<SubmitResponse> {
  const attempt = await findAttempt(prisma, userId, id);
  if (!attempt) throw notFound();
  if (attempt.status === 'submitted') {
    return {
      id: attempt.id,
      status: attempt.status,
      result: presentResult(attempt.result as AttemptResult, attempt.mode),
    };
  }
  if (attempt.status === 'expired') throw closedError(attempt);
  const done = await finish(prisma, attempt.id, now);
  if (!done) throw notFound();
  if (done.status === 'expired') throw closedError({ status: done.status, deadline: attempt.deadline });
  return { id: attempt.id, status: done.status, result: presentResult(done.result, attempt.mode) };
}
