import { findItemAt } from '../../data/attempts.ts';
import { deleteSaved, upsertSaved } from '../../data/saved-questions.ts';
import type { PrismaClient } from '../../db/prisma-client.ts';
import { AppError } from '../../lib/app-error.ts';
import { currentAttempt } from '../attempts/current-attempt.ts';

/**
 * The bank id of the question at a position of the user's attempt, once its answer has been
 * shown. While an attempt runs the screen has no bank ids, so this is how the star on a practice
 * feedback card works.
 */
async function questionAt(prisma: PrismaClient, userId: string, attemptId: string, position: number, now: Date) {
  const attempt = await currentAttempt(prisma, userId, attemptId, now);
  const item = await findItemAt(prisma, attempt.id, position);
  if (!item) throw new AppError('not_found', `This attempt has no question ${position}.`);
  const shown = attempt.status !== 'in_progress' || (attempt.feedback === 'immediate' && item.correct !== null);
  if (!shown) {
    throw new AppError(
      'conflict',
      'You can save this question once its answer has been shown: after answering it with feedback on, or when the attempt ends.',
    );
  }
  return item.questionId;
}

export async function saveAtPosition(prisma: PrismaClient, userId: string, attemptId: string, position: number) {
  const now = new Date();
  await upsertSaved(prisma, userId, await questionAt(prisma, userId, attemptId, position, now), undefined, now);
}

export async function unsaveAtPosition(prisma: PrismaClient, userId: string, attemptId: string, position: number) {
  await deleteSaved(prisma, userId, await questionAt(prisma, userId, attemptId, position, new Date()));
}
