import { z } from 'zod';
import { EXAM, REVIEW_FILTERS, REVIEW_PAGE_SIZE } from './constants.ts';
import { DomainId } from './domains.ts';
import { OptionId, QuestionStyle, QuestionType, ReferenceUrl } from './question.ts';

export { EXAM };

export const AttemptMode = z.enum(['mock', 'practice', 'drill']);
export type AttemptMode = z.infer<typeof AttemptMode>;
export const AttemptStatus = z.enum(['in_progress', 'submitted', 'expired']);
export type AttemptStatus = z.infer<typeof AttemptStatus>;
export const FeedbackMode = z.enum(['deferred', 'immediate']);
export type FeedbackMode = z.infer<typeof FeedbackMode>;

export const AttemptIdParams = z.object({ id: z.uuid({ message: 'must be an attempt id (a UUID)' }) });
export const AnswerParams = AttemptIdParams.extend({
  position: z.coerce.number().int().min(1, { message: 'positions start at 1' }).max(EXAM.maxPracticeQuestions),
});

/** Which questions of a finished attempt to practise again. `all` retakes the whole attempt. */
export const PractiseFromFilter = z.enum(['wrong', 'missed', 'flagged', 'guessed', 'sure-wrong', 'all']);
export type PractiseFromFilter = z.infer<typeof PractiseFromFilter>;

/** practice only: exactly these questions instead of a draw. */
export const PracticeSource = z.union([
  z.object({ attemptId: z.uuid({ message: 'must be an attempt id (a UUID)' }), filter: PractiseFromFilter }).strict(),
  z.object({ saved: z.literal(true) }).strict(),
]);
export type PracticeSource = z.infer<typeof PracticeSource>;

/**
 * practice only, when drawing: `all` questions, those never shown to the user (`unseen`), or those
 * the user missed (wrong or unanswered) the last time a finished attempt asked them (`wrong`).
 */
export const PracticePool = z.enum(['all', 'unseen', 'wrong']);
export type PracticePool = z.infer<typeof PracticePool>;

export const CreateAttemptRequest = z.object({
  mode: AttemptMode,
  from: PracticeSource.optional(),
  pool: PracticePool.optional(),
  /** practice only: restrict to these domains and/or sections (empty or absent: all). */
  domains: z.array(DomainId).max(4).optional(),
  sections: z.array(z.string().min(1).max(64)).max(100).optional(),
  /**
   * practice only: `scenario` (exam-style questions), `recall` (quick checks) or absent for both.
   * Mocks always draw scenario questions; drills take whatever is due.
   */
  style: QuestionStyle.optional(),
  /** practice: 1-130 (default 20); drill: up to 130 due questions (default 20); mock: always 65. */
  questionCount: z.number().int().min(1).max(EXAM.maxPracticeQuestions).optional(),
  /** practice and drill: null or absent = untimed; mock: always 130. */
  timeLimitMinutes: z.number().int().min(1).max(600).nullable().optional(),
  /** mock: always deferred. */
  feedback: FeedbackMode.optional(),
});
export type CreateAttemptRequest = z.infer<typeof CreateAttemptRequest>;

/** How sure the candidate was of an answer, said in the runner (keys S, U, G). */
export const Confidence = z.enum(['sure', 'unsure', 'guess']);
export type Confidence = z.infer<typeof Confidence>;
export const CONFIDENCE_LEVELS = Confidence.options;

export const SavedAnswer = z.object({
  selected: z.array(z.string()),
  flagged: z.boolean(),
  seq: z.number().int(),
  /** Present once the candidate has said how sure they are. */
  confidence: Confidence.optional(),
});
export type SavedAnswer = z.infer<typeof SavedAnswer>;

/** Only in immediate-feedback attempts (practice or drill), once the question is answered. */
export const AnswerFeedback = z.object({
  correct: z.boolean(),
  correctOptionIds: z.array(z.string()),
  explanation: z.string(),
  rationales: z.array(z.object({ optionId: z.string(), rationale: z.string() })),
  /** AWS documentation pages that support the key. */
  references: z.array(ReferenceUrl),
});
export type AnswerFeedback = z.infer<typeof AnswerFeedback>;

/**
 * A question as shown while an attempt runs: no key, no rationale, no explanation, and no bank id
 * (ids can hint at the answer): a question is known by its position in the attempt. The bank id
 * appears from the review on.
 */
export const AttemptQuestion = z.object({
  position: z.number().int(),
  type: QuestionType,
  /** How many options to choose: 1, 2 or 3. */
  choose: z.number().int(),
  stem: z.string(),
  /** In this attempt's shuffled order. */
  options: z.array(z.object({ id: z.string(), text: z.string() })),
  domain: DomainId,
  section: z.string(),
  answer: SavedAnswer.nullable(),
  /**
   * Immediate-feedback attempts only, for questions already answered (and so locked): the same
   * verdict the save returned, so that a reload shows it again.
   */
  feedback: AnswerFeedback.optional(),
});
export type AttemptQuestion = z.infer<typeof AttemptQuestion>;

export const ScoreBreakdown = z.object({
  correct: z.number().int(),
  total: z.number().int(),
  percent: z.number(),
});

export const AttemptResult = z.object({
  /** correct + wrong + unanswered = total. */
  correct: z.number().int(),
  /** Answered, but not correct. */
  wrong: z.number().int(),
  unanswered: z.number().int(),
  total: z.number().int(),
  answered: z.number().int(),
  percent: z.number(),
  /**
   * Mocks only (null for practice and drills, which are not exam-like): an estimate,
   * 100 + 900 × (correct / total), rounded. AWS equates real scores across forms.
   */
  scaledScore: z.number().int().nullable(),
  scaledScoreIsEstimate: z.literal(true),
  passingScore: z.literal(EXAM.passingScore),
  /** Mocks only; null otherwise. */
  passed: z.boolean().nullable(),
  timeUsedSeconds: z.number().int(),
  domains: z.array(ScoreBreakdown.extend({ domain: DomainId, name: z.string() })),
  sections: z.array(ScoreBreakdown.extend({ section: z.string(), title: z.string() })),
  /**
   * Seconds per question: measured on screen by the browser where it reported them (`measured`),
   * else estimated from the answer timestamps; null for a question never reached.
   */
  questionTimes: z.array(
    z.object({ position: z.number().int(), seconds: z.number().int().nullable(), measured: z.boolean() }),
  ),
  /**
   * Accuracy by the confidence the candidate gave, over answered questions that have one (a level
   * nobody used is left out). Empty for attempts scored before confidence existed.
   */
  calibration: z.array(z.object({ confidence: Confidence, correct: z.number().int(), total: z.number().int() })),
});
export type AttemptResult = z.infer<typeof AttemptResult>;

export const AttemptResponse = z.object({
  id: z.string(),
  mode: AttemptMode,
  status: AttemptStatus,
  feedback: FeedbackMode,
  startedAt: z.iso.datetime(),
  deadline: z.iso.datetime().nullable(),
  /** Computed by the server on every read; null when untimed. */
  remainingSeconds: z.number().int().nullable(),
  questionCount: z.number().int(),
  questions: z.array(AttemptQuestion),
  result: AttemptResult.optional(),
});
export type AttemptResponse = z.infer<typeof AttemptResponse>;

export const SaveAnswerRequest = z.object({
  selected: z.array(OptionId).max(6),
  flagged: z.boolean(),
  /** Client-side counter: a save whose seq is not higher than the stored one is ignored. */
  seq: z.number().int().min(0).max(2_147_483_647),
  /**
   * How long the question has been on screen in total, measured by the browser while the tab is
   * visible (cumulative, in ms). The server clamps it to the attempt's wall-clock window.
   */
  elapsedMs: z.number().int().min(0).max(86_400_000).optional(),
  /** How sure the candidate is; absent keeps the stored one, null clears it. */
  confidence: Confidence.nullable().optional(),
});
export type SaveAnswerRequest = z.infer<typeof SaveAnswerRequest>;

export const SaveAnswerResponse = z.object({
  position: z.number().int(),
  answer: SavedAnswer,
  /** False when the save was stale (seq not higher than the stored one) and the stored answer was kept. */
  applied: z.boolean(),
  remainingSeconds: z.number().int().nullable(),
  feedback: AnswerFeedback.optional(),
});
export type SaveAnswerResponse = z.infer<typeof SaveAnswerResponse>;

export const SubmitResponse = z.object({ id: z.string(), status: AttemptStatus, result: AttemptResult });
export type SubmitResponse = z.infer<typeof SubmitResponse>;

export const AttemptListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
});

export const AttemptSummary = z.object({
  id: z.string(),
  mode: AttemptMode,
  status: AttemptStatus,
  startedAt: z.iso.datetime(),
  submittedAt: z.iso.datetime().nullable(),
  questionCount: z.number().int(),
  percent: z.number().nullable(),
  scaledScore: z.number().int().nullable(),
  passed: z.boolean().nullable(),
  domains: z.array(ScoreBreakdown.extend({ domain: DomainId })).nullable(),
  /** Running attempts only (else null): how many questions have an answer so far. */
  answeredCount: z.number().int().nullable(),
  /** Running timed attempts only (else null): seconds left when this answer was made. */
  remainingSeconds: z.number().int().nullable(),
});
export type AttemptSummary = z.infer<typeof AttemptSummary>;

export const AttemptListResponse = z.object({ items: z.array(AttemptSummary), nextCursor: z.string().nullable() });
export type AttemptListResponse = z.infer<typeof AttemptListResponse>;

/**
 * `wrong`: answered but not correct; `missed`: wrong or unanswered; `guessed`: right, but marked as
 * a guess; `sure-wrong`: wrong, though marked as sure (a misconception).
 */
export const ReviewFilter = z.enum(REVIEW_FILTERS);
export type ReviewFilter = z.infer<typeof ReviewFilter>;
export const ReviewQuery = z.object({
  filter: ReviewFilter.default('all'),
  /** One page of REVIEW_PAGE_SIZE questions; without it, every question of the filter. */
  page: z.coerce.number().int().min(1, { message: 'pages start at 1' }).optional(),
});

export const ReviewItem = z.object({
  position: z.number().int(),
  questionId: z.string(),
  type: QuestionType,
  choose: z.number().int(),
  stem: z.string(),
  options: z.array(z.object({ id: z.string(), text: z.string(), correct: z.boolean(), rationale: z.string() })),
  selected: z.array(z.string()),
  flagged: z.boolean(),
  answered: z.boolean(),
  correct: z.boolean(),
  correctOptionIds: z.array(z.string()),
  explanation: z.string(),
  /** Where older study material states otherwise, what changed. */
  correction: z.string().nullable(),
  /** AWS documentation pages that support the key. */
  references: z.array(ReferenceUrl),
  style: QuestionStyle,
  domain: DomainId,
  section: z.string(),
  sectionTitle: z.string(),
  seconds: z.number().int().nullable(),
  /** In the user's saved questions. */
  saved: z.boolean(),
  /** What the candidate said of their answer, or null. */
  confidence: Confidence.nullable(),
});
export type ReviewItem = z.infer<typeof ReviewItem>;

export const ReviewResponse = z.object({
  attemptId: z.string(),
  filter: ReviewFilter,
  total: z.number().int(),
  /** How many questions each filter shows. */
  counts: z.object({
    all: z.number().int(),
    wrong: z.number().int(),
    unanswered: z.number().int(),
    missed: z.number().int(),
    flagged: z.number().int(),
    guessed: z.number().int(),
    'sure-wrong': z.number().int(),
  }),
  /**
   * Every question of the filter in order, with its verdict: enough to draw a map of the attempt and
   * to know which page holds a question, without the page's teaching text.
   */
  outline: z.array(
    z.object({ position: z.number().int(), answered: z.boolean(), correct: z.boolean(), flagged: z.boolean() }),
  ),
  /** The page asked for (null: items holds every question of the filter). */
  page: z.number().int().nullable(),
  pageSize: z.literal(REVIEW_PAGE_SIZE),
  /** How the attempt ran, so that it can be taken again the same way. */
  feedback: FeedbackMode,
  timeLimitMinutes: z.number().int().nullable(),
  items: z.array(ReviewItem),
});
export type ReviewResponse = z.infer<typeof ReviewResponse>;
