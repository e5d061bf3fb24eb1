import { randomUUID } from 'node:crypto';
import type { AttemptResponse } from '@saa/contract/attempts';
import { type AttemptRow, insertAttempt, openAttemptsOf, tryLockStartsOf } from '../../data/attempts.ts';
import { markSeen } from '../../data/questions.ts';
import { type PrismaClient, TRANSACTION_OPTIONS } from '../../db/prisma-client.ts';
import type { AttemptPlan } from '../../exam/attempt-plan.ts';
import { deadlineFor } from '../../exam/clock.ts';
import { checkOpenAttempts } from '../../exam/open-attempt-rules.ts';
import { shuffle } from '../../exam/shuffle.ts';
import { AppError } from '../../lib/app-error.ts';
import { currentAttempt } from './current-attempt.ts';
import { drawForPlan } from './draw-questions.ts';
import { type PresentableItem, presentAttempt } from './present-attempt.ts';

export const startInProgress = () =>
  new AppError('start_in_progress', 'Another start of yours is still being set up; try again in a moment.');

/**
 * A new mock, practice set or drill: checks the user's open attempts, draws the questions, stores
 * the attempt with its question snapshot and marks the questions seen, in one transaction.
 */
export async function startAttempt(
  prisma: PrismaClient,
  userId: string,
  plan: AttemptPlan,
  now: Date,
): Promise<AttemptResponse> {
  // Practising from an attempt whose time ran out: score it first, so it counts as finished.
  if (plan.source && 'attemptId' in plan.source) await currentAttempt(prisma, userId, plan.source.attemptId, now);
  const { attempt, items } = await prisma.$transaction(async (tx) => {
    // Across instances, one start per user at a time.
    if (!(await tryLockStartsOf(tx, userId))) throw startInProgress();
    checkOpenAttempts(plan.mode, await openAttemptsOf(tx, userId, now));
    const drawn = shuffle(await drawForPlan(tx, userId, plan, now));
    const attempt: AttemptRow = {
      id: randomUUID(),
      userId,
      mode: plan.mode,
      status: 'in_progress',
      feedback: plan.feedback,
      questionCount: drawn.length,
      startedAt: now,
      deadline: deadlineFor(now, plan.timeLimitMinutes),
      submittedAt: null,
      result: null,
    };
    const items: (PresentableItem & { questionVersion: number })[] = drawn.map((q, index) => ({
      position: index + 1,
      questionId: q.id,
      questionVersion: q.version,
      domain: q.domain,
      section: q.section,
      choose: q.options.filter((o) => o.correct).length,
      // Stored, so that a resumed attempt shows the options in the order first shown.
      optionOrder: shuffle(q.options.map((o) => o.id)),
      selected: [],
      flagged: false,
      seq: -1,
      correct: null,
      confidence: null,
      stem: q.stem,
      options: q.options,
      explanation: q.explanation,
      references: q.references,
    }));
    await insertAttempt(tx, {
      ...attempt,
      filters:
        plan.mode === 'practice'
          ? { domains: plan.domains, sections: plan.sections, style: plan.style, pool: plan.pool, source: plan.source }
          : null,
      items,
    });
    await markSeen(
      tx,
      userId,
      drawn.map((q) => q.id),
      now,
    );
    return { attempt, items };
  }, TRANSACTION_OPTIONS);
  return presentAttempt(attempt, items, now);
}
