import { findItemAt } from '../../data/attempts.ts';
import type { PrismaClient } from '../../db/prisma-client.ts';
import { AppError } from '../../lib/app-error.ts';
import { currentAttempt } from './current-attempt.ts';

/**
 * The bank id of the question at a position of the user's attempt, once its answer has been
 * shown. While an attempt runs the screen has no bank ids, so this is how a practice feedback card
 * saves or reports its question.
 */
export async function questionAt(prisma: PrismaClient, userId: string, attemptId: string, position: number, now: Date) {
  const attempt = await currentAttempt(prisma, userId, attemptId, now);
  const item = await findItemAt(prisma, attempt.id, position);
  if (!item) throw new AppError('not_found', `This attempt has no question ${position}.`);
  const shown = attempt.status !== 'in_progress' || (attempt.feedback === 'immediate' && item.correct !== null);
  if (!shown) {
    throw new AppError(
      'conflict',
      "This works once the question's answer has been shown: after answering it with feedback on, or when the attempt ends.",
    );
  }
  return item.questionId;
}
