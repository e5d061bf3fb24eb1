import type { ReviewFilter, ReviewResponse } from '@saa/contract/attempts';
import { REVIEW_PAGE_SIZE } from '@saa/contract/constants';
import { findItems } from '../../data/attempts.ts';
import { savedQuestionIds } from '../../data/saved-questions.ts';
import type { PrismaClient } from '../../db/prisma-client.ts';
import { timeLimitMinutesOf } from '../../exam/clock.ts';
import { invalidField } from '../../lib/app-error.ts';
import { inProgressError } from './attempt-errors.ts';
import { currentAttempt } from './current-attempt.ts';
import { presentResult, REVIEW_FILTERS, reviewCounts, reviewItems, reviewOutline } from './present-attempt.ts';

/**
 * The questions of a finished attempt through one filter: every one in outline, and with the key
 * and teaching text either all of them or one page (a phone need not download a mock's 65 to read 20).
 */
export async function reviewAttempt(
  prisma: PrismaClient,
  userId: string,
  id: string,
  query: { filter: ReviewFilter; page?: number | undefined },
  now: Date,
): Promise<ReviewResponse> {
  const attempt = await currentAttempt(prisma, userId, id, now);
  if (attempt.status === 'in_progress') {
    throw inProgressError(
      'The review opens once the attempt is submitted (or its time runs out): answers stay hidden until then.',
    );
  }
  const items = await findItems(prisma, attempt.id);
  const inFilter = items.filter(REVIEW_FILTERS[query.filter]);
  const pages = Math.max(1, Math.ceil(inFilter.length / REVIEW_PAGE_SIZE));
  const { page } = query;
  if (page !== undefined && page > pages) {
    throw invalidField(
      'querystring.page',
      `the ${query.filter} filter of this attempt has ${pages === 1 ? '1 page' : `${pages} pages`}`,
    );
  }
  const shown = page === undefined ? inFilter : inFilter.slice((page - 1) * REVIEW_PAGE_SIZE, page * REVIEW_PAGE_SIZE);
  const times = attempt.result ? presentResult(attempt.result, attempt.mode).questionTimes : [];
  const seconds = new Map(times.map((t) => [t.position, t.seconds]));
  const saved = await savedQuestionIds(
    prisma,
    attempt.userId,
    shown.map((i) => i.questionId),
  );
  return {
    attemptId: attempt.id,
    filter: query.filter,
    total: items.length,
    counts: reviewCounts(items),
    outline: reviewOutline(inFilter),
    page: page ?? null,
    pageSize: REVIEW_PAGE_SIZE,
    feedback: attempt.feedback,
    timeLimitMinutes: timeLimitMinutesOf(attempt.startedAt, attempt.deadline),
    items: reviewItems(shown, seconds, saved),
  };
}
