import {
  type AttemptMode,
  type CreateAttemptRequest,
  EXAM,
  type FeedbackMode,
  type PracticePool,
  type PracticeSource,
} from '@saa/contract/attempts';
import type { DomainId } from '@saa/contract/domains';
import type { QuestionStyle } from '@saa/contract/question';
import { invalidField } from '../lib/app-error.ts';
import { SECTION_IDS } from '../lib/sections.ts';

export const DEFAULT_QUESTION_COUNT = 20;

/** What to draw and how the attempt runs, once the request has been checked against its mode. */
export interface AttemptPlan {
  mode: AttemptMode;
  questionCount: number;
  timeLimitMinutes: number | null;
  feedback: FeedbackMode;
  /** Practice filters; null means every domain / section. */
  domains: DomainId[] | null;
  sections: string[] | null;
  /** Practice only: scenario or recall questions; null means both. */
  style: QuestionStyle | null;
  /** Practice only: which questions a draw may take. */
  pool: PracticePool;
  /** Practice only: exactly these questions (of a finished attempt, or the saved ones) instead of a draw. */
  source: PracticeSource | null;
}

const nonEmpty = <T>(list: T[] | undefined): list is T[] => list !== undefined && list.length > 0;

/**
 * Turns a create request into a plan, or throws a 400 naming the field. A mock has fixed rules, so
 * a request that asks for something else is refused rather than silently changed.
 */
export function planAttempt(request: CreateAttemptRequest): AttemptPlan {
  if (request.mode !== 'practice') {
    if (nonEmpty(request.domains)) throw invalidField('body.domains', `only practice can be limited to domains`);
    if (nonEmpty(request.sections)) throw invalidField('body.sections', `only practice can be limited to sections`);
    if (request.style !== undefined) {
      throw invalidField('body.style', 'only practice can choose a question style (mocks are all scenarios)');
    }
    if (request.from !== undefined) throw invalidField('body.from', 'only practice can start from earlier questions');
    if (request.pool !== undefined) throw invalidField('body.pool', 'only practice draws from a pool');
  }
  switch (request.mode) {
    case 'mock':
      return planMock(request);
    case 'practice':
      return planPractice(request);
    case 'drill':
      return {
        mode: 'drill',
        questionCount: request.questionCount ?? DEFAULT_QUESTION_COUNT,
        timeLimitMinutes: request.timeLimitMinutes ?? null,
        // A drill is for learning from mistakes, so it explains each answer unless asked not to.
        feedback: request.feedback ?? 'immediate',
        domains: null,
        sections: null,
        style: null,
        pool: 'all',
        source: null,
      };
  }
}

function planMock(request: CreateAttemptRequest): AttemptPlan {
  if (request.questionCount !== undefined && request.questionCount !== EXAM.mockQuestions) {
    throw invalidField('body.questionCount', `a mock always has ${EXAM.mockQuestions} questions`);
  }
  if (request.timeLimitMinutes !== undefined && request.timeLimitMinutes !== EXAM.mockMinutes) {
    throw invalidField('body.timeLimitMinutes', `a mock always runs ${EXAM.mockMinutes} minutes`);
  }
  if (request.feedback === 'immediate') {
    throw invalidField('body.feedback', 'a mock shows results only at the end, like the exam');
  }
  return {
    mode: 'mock',
    questionCount: EXAM.mockQuestions,
    timeLimitMinutes: EXAM.mockMinutes,
    feedback: 'deferred',
    domains: null,
    sections: null,
    style: 'scenario',
    pool: 'all',
    source: null,
  };
}

function planPractice(request: CreateAttemptRequest): AttemptPlan {
  if (request.from) {
    // The questions are given, so anything that would choose them is refused, not ignored.
    const choosing = {
      domains: request.domains,
      sections: request.sections,
      style: request.style,
      pool: request.pool,
      questionCount: request.questionCount,
    };
    for (const [field, value] of Object.entries(choosing)) {
      if (value !== undefined)
        throw invalidField(`body.${field}`, 'cannot be combined with body.from (the questions are given)');
    }
    return {
      mode: 'practice',
      questionCount: EXAM.maxPracticeQuestions,
      timeLimitMinutes: request.timeLimitMinutes ?? null,
      feedback: request.feedback ?? 'immediate',
      domains: null,
      sections: null,
      style: null,
      pool: 'all',
      source: request.from,
    };
  }
  const sections = request.sections ?? [];
  sections.forEach((id, index) => {
    if (!SECTION_IDS.has(id)) throw invalidField(`body.sections.${index}`, `unknown section "${id}"`);
  });
  return {
    mode: 'practice',
    questionCount: request.questionCount ?? DEFAULT_QUESTION_COUNT,
    timeLimitMinutes: request.timeLimitMinutes ?? null,
    feedback: request.feedback ?? 'deferred',
    domains: nonEmpty(request.domains) ? [...new Set(request.domains)] : null,
    sections: sections.length > 0 ? [...new Set(sections)] : null,
    style: request.style ?? null,
    pool: request.pool ?? 'all',
    source: null,
  };
}
