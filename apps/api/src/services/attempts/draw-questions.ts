import type { PracticeSource } from '@saa/contract/attempts';
import { EXAM } from '@saa/contract/attempts';
import { DOMAINS } from '@saa/contract/domains';
import { findAttempt, findItems } from '../../data/attempts.ts';
import {
  countByDomainUpTo,
  type DrawnQuestion,
  drawByDomain,
  drawDue,
  drawFromAttempt,
  drawMatching,
  drawSaved,
} from '../../data/questions.ts';
import type { Db } from '../../db/prisma-client.ts';
import type { AttemptPlan } from '../../exam/attempt-plan.ts';
import { allocateByWeight } from '../../exam/draw.ts';
import { AppError, invalidField } from '../../lib/app-error.ts';
import { REVIEW_FILTERS } from './present-attempt.ts';

/** Picks the questions for a new attempt according to its mode, or explains why it cannot. */
export async function drawForPlan(db: Db, userId: string, plan: AttemptPlan, now: Date): Promise<DrawnQuestion[]> {
  switch (plan.mode) {
    case 'mock': {
      // Counting past 65 per domain cannot change the allocation, and would grow with the bank.
      const available = await countByDomainUpTo(
        db,
        DOMAINS.map((d) => d.id),
        EXAM.mockQuestions,
      );
      const quota = allocateByWeight(
        EXAM.mockQuestions,
        DOMAINS.map((d) => ({ id: d.id, weight: d.weight, available: available.get(d.id) ?? 0 })),
      );
      const drawn = await drawByDomain(
        db,
        userId,
        DOMAINS.map((d) => ({ domain: d.id, n: quota[d.id] ?? 0 })),
      );
      if (drawn.length < EXAM.mockQuestions) {
        throw new AppError(
          'not_enough_questions',
          `The question bank holds only ${drawn.length} active scenario questions; a mock needs ${EXAM.mockQuestions}.`,
        );
      }
      return drawn;
    }
    case 'practice': {
      if (plan.source) return drawFromSource(db, userId, plan.source);
      const drawn = await drawMatching(db, userId, plan, plan.questionCount);
      // Refused rather than silently shortened: the user asked for a number and should know.
      if (drawn.length < plan.questionCount) {
        throw invalidField(
          'body.questionCount',
          drawn.length === 0
            ? 'No questions match the chosen pool, domains, sections and style'
            : `Only ${drawn.length} questions match the chosen pool, domains, sections and style; ask for at most ${drawn.length}`,
          'not_enough_questions',
        );
      }
      return drawn;
    }
    case 'drill': {
      const drawn = await drawDue(db, userId, now, plan.questionCount);
      if (drawn.length === 0) {
        throw new AppError(
          'nothing_due',
          'No drill questions are due right now. Questions you answer wrong come back here when they are due for review.',
        );
      }
      return drawn;
    }
  }
}

const SET_NAMES = {
  wrong: 'wrong',
  missed: 'missed',
  flagged: 'flagged',
  guessed: 'right-but-guessed',
  'sure-wrong': 'sure-but-wrong',
  all: '',
} as const;

/** Exactly the questions the user asked for: some of a finished attempt of theirs, or their saved ones. */
async function drawFromSource(db: Db, userId: string, source: PracticeSource): Promise<DrawnQuestion[]> {
  if ('saved' in source) {
    const drawn = await drawSaved(db, userId, EXAM.maxPracticeQuestions);
    if (drawn.length === 0) {
      throw invalidField('body.from', 'You have no saved questions yet. Save some from a review first.');
    }
    return drawn;
  }
  const attempt = await findAttempt(db, userId, source.attemptId);
  if (!attempt) throw new AppError('not_found', 'No such attempt.');
  if (attempt.status === 'in_progress') {
    throw new AppError(
      'attempt_in_progress',
      'That attempt is still running: finish it before practising its questions.',
    );
  }
  const items = await findItems(db, attempt.id);
  const positions = items.filter(REVIEW_FILTERS[source.filter]).map((i) => i.position);
  if (positions.length === 0) {
    throw invalidField('body.from', `That attempt has no ${SET_NAMES[source.filter]} questions to practise.`);
  }
  return drawFromAttempt(db, attempt.id, positions);
}
