import type { AttemptResult, AttemptStatus } from '@saa/contract/attempts';
import { findItems, type ItemRow, lockAttempt, markVerdicts, storeResult } from '../../data/attempts.ts';
import { addItemAnswers, type ItemAnswer } from '../../data/item-stats.ts';
import { findCards, saveCards } from '../../data/review-cards.ts';
import { addSectionTallies, type SectionTally } from '../../data/section-stats.ts';
import { countScoredAttempt } from '../../data/stats.ts';
import { type Db, type PrismaClient, TRANSACTION_OPTIONS } from '../../db/prisma-client.ts';
import { isPastDeadline } from '../../exam/clock.ts';
import { reviewAfterAnswer, type StoredCard } from '../../exam/fsrs.ts';
import { scoreAttempt } from '../../exam/scoring.ts';

export interface FinishedAttempt {
  status: Exclude<AttemptStatus, 'in_progress'>;
  result: AttemptResult;
  /** False when somebody else had already scored it: nothing was written this time. */
  scoredNow: boolean;
}

/**
 * Scores an attempt exactly once, inside the caller's transaction. The row lock serialises every
 * path that can end an attempt (submit, the next access after the deadline, the sweeper): whoever
 * comes second finds it scored and gets the stored result. An attempt whose deadline has passed
 * ends as `expired` at its deadline, whatever the caller wanted.
 */
export function finish(prisma: PrismaClient, attemptId: string, now: Date): Promise<FinishedAttempt | null> {
  return prisma.$transaction((tx) => finishAttempt(tx, attemptId, now), TRANSACTION_OPTIONS);
}

/** The scoring itself, for a caller that already holds a transaction (the expiry sweeper). */
export async function finishAttempt(tx: Db, attemptId: string, now: Date): Promise<FinishedAttempt | null> {
  const attempt = await lockAttempt(tx, attemptId);
  if (!attempt) return null;
  if (attempt.status !== 'in_progress') {
    return { status: attempt.status, result: attempt.result as AttemptResult, scoredNow: false };
  }
  // First, so that two scorings of the same user's attempts queue here rather than meet later on
  // the user's section totals in different orders.
  await countScoredAttempt(tx, attempt.userId);
  const expired = isPastDeadline(attempt.deadline, now);
  const status = expired ? 'expired' : 'submitted';
  const submittedAt = expired && attempt.deadline ? attempt.deadline : now;

  const items = await findItems(tx, attemptId);
  const { result, correctByPosition } = scoreAttempt({
    mode: attempt.mode,
    startedAt: attempt.startedAt,
    deadline: attempt.deadline,
    submittedAt,
    items: items.map((item) => ({
      position: item.position,
      domain: item.domain,
      section: item.section,
      selected: item.selected,
      correctOptionIds: item.options.filter((o) => o.correct).map((o) => o.id),
      firstAnsweredAt: item.firstAnsweredAt,
      elapsedMs: item.elapsedMs,
      confidence: item.confidence,
    })),
  });

  await storeResult(tx, attemptId, status, submittedAt, result);
  await markVerdicts(tx, attemptId, correctByPosition);
  await addSectionTallies(tx, attempt.userId, sectionTallies(items, correctByPosition));
  await updateReviewCards(tx, attempt.userId, items, correctByPosition, now);
  if (attempt.mode !== 'drill') await addItemAnswers(tx, itemAnswers(items, correctByPosition));
  return { status, result, scoredNow: true };
}

/**
 * What item statistics learn from this attempt: each answered question, right or wrong, against
 * how the candidate did on the rest of the attempt. Drills are left out (they are made of the
 * candidate's own mistakes, so their rest scores say little), and so are one-question attempts.
 */
function itemAnswers(items: ItemRow[], verdicts: Map<number, boolean>): ItemAnswer[] {
  if (items.length < 2) return [];
  const right = items.filter((item) => verdicts.get(item.position)).length;
  return items
    .filter((item) => item.selected.length > 0)
    .map((item) => {
      const correct = verdicts.get(item.position) ?? false;
      return {
        questionId: item.questionId,
        correct,
        rest: (right - (correct ? 1 : 0)) / (items.length - 1),
        selected: item.selected,
      };
    });
}

/**
 * Accuracy counts answered questions only: a question the clock cut off says nothing about what
 * the user knows of its section (the score itself still counts it wrong).
 */
function sectionTallies(items: ItemRow[], verdicts: Map<number, boolean>): SectionTally[] {
  const tallies = new Map<string, SectionTally>();
  for (const item of items) {
    if (item.selected.length === 0) continue;
    const key = `${item.section}\u0000${item.domain}`;
    const tally = tallies.get(key) ?? { section: item.section, domain: item.domain, answered: 0, correct: 0 };
    tally.answered += 1;
    if (verdicts.get(item.position)) tally.correct += 1;
    tallies.set(key, tally);
  }
  return [...tallies.values()];
}

/**
 * FSRS: a wrong answer rates Again (creating the card), a right one rates Good on an existing card.
 * A right answer the candidate marked as a guess counts as a miss here: it was luck, not knowledge,
 * so it comes back in the drill. Unanswered questions are not rated: the drill is for mistakes, not
 * for questions time ran out on.
 */
async function updateReviewCards(
  tx: Db,
  userId: string,
  items: ItemRow[],
  verdicts: Map<number, boolean>,
  now: Date,
): Promise<void> {
  const answered = items.filter((item) => item.selected.length > 0);
  const existing = await findCards(
    tx,
    userId,
    answered.map((item) => item.questionId),
  );
  const changed: { questionId: string; card: StoredCard }[] = [];
  for (const item of answered) {
    const known = (verdicts.get(item.position) ?? false) && item.confidence !== 'guess';
    const card = reviewAfterAnswer(existing.get(item.questionId) ?? null, known, now);
    if (card) changed.push({ questionId: item.questionId, card });
  }
  await saveCards(tx, userId, changed);
}
