import type { ReviewFilter, ReviewResponse } from '@saa/contract/attempts';
import { findItems } from '../../data/attempts.ts';
import { savedQuestionIds } from '../../data/saved-questions.ts';
import type { PrismaClient } from '../../db/prisma-client.ts';
import { inProgressError } from './attempt-errors.ts';
import { currentAttempt } from './current-attempt.ts';
import { presentResult, reviewCounts, reviewItems } from './present-attempt.ts';

/** Every question of a finished attempt with its key and teaching text, through one filter. */
export async function reviewAttempt(
  prisma: PrismaClient,
  userId: string,
  id: string,
  filter: ReviewFilter,
  now: Date,
): Promise<ReviewResponse> {
  const attempt = await currentAttempt(prisma, userId, id, now);
  if (attempt.status === 'in_progress') {
    throw inProgressError(
      'The review opens once the attempt is submitted (or its time runs out): answers stay hidden until then.',
    );
  }
  const times = attempt.result ? presentResult(attempt.result, attempt.mode).questionTimes : [];
  const seconds = new Map(times.map((t) => [t.position, t.seconds]));
  const items = await findItems(prisma, attempt.id);
  const saved = await savedQuestionIds(
    prisma,
    attempt.userId,
    items.map((i) => i.questionId),
  );
  return {
    attemptId: attempt.id,
    filter,
    total: items.length,
    counts: reviewCounts(items),
    items: reviewItems(items, filter, seconds, saved),
  };
}
