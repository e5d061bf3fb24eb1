import type {
  AnswerFeedback,
  AttemptMode,
  AttemptQuestion,
  AttemptResponse,
  AttemptResult,
  AttemptSummary,
  ReviewFilter,
  ReviewItem,
  ReviewResponse,
  SavedAnswer,
} from '@saa/contract/attempts';
import type { QuestionOption } from '@saa/contract/question';
import type { AttemptRow, AttemptSummaryRow, ItemRow } from '../../data/attempts.ts';
import { remainingSeconds } from '../../exam/clock.ts';
import { isAnswerCorrect } from '../../exam/scoring.ts';
import { sectionTitle } from '../../lib/sections.ts';

export type PresentableItem = Omit<
  ItemRow,
  'questionVersion' | 'firstAnsweredAt' | 'correction' | 'style' | 'elapsedMs'
>;

function inDisplayOrder(item: Pick<ItemRow, 'optionOrder' | 'options'>): QuestionOption[] {
  const byId = new Map(item.options.map((o) => [o.id, o]));
  return item.optionOrder.map((id) => byId.get(id)).filter((o): o is QuestionOption => o !== undefined);
}

/**
 * In immediate-feedback mode a question is judged, and its answer locked, once as many options are
 * chosen as it asks for. The stored verdict (`correct`) is what marks it.
 */
export function isJudged(item: Pick<ItemRow, 'correct' | 'selected' | 'choose'>): boolean {
  return item.correct !== null && item.selected.length === item.choose;
}

/** The verdict, key and teaching text of one question: only ever for a judged answer. */
export function feedbackFor(
  item: Pick<ItemRow, 'optionOrder' | 'options' | 'selected' | 'explanation' | 'references'>,
): AnswerFeedback {
  const options = inDisplayOrder(item);
  const correctOptionIds = options.filter((o) => o.correct).map((o) => o.id);
  return {
    correct: isAnswerCorrect(item.selected, correctOptionIds),
    correctOptionIds,
    explanation: item.explanation,
    rationales: options.map((o) => ({ optionId: o.id, rationale: o.rationale })),
    references: item.references,
  };
}

/** A stored answer as the API shows it: confidence only once the candidate has given one. */
export function presentAnswer(stored: Pick<ItemRow, 'selected' | 'flagged' | 'seq' | 'confidence'>): SavedAnswer {
  const answer: SavedAnswer = { selected: stored.selected, flagged: stored.flagged, seq: stored.seq };
  if (stored.confidence) answer.confidence = stored.confidence;
  return answer;
}

/**
 * Builds the question as the candidate sees it. Fields are copied one by one, never spread from the
 * row, so that the key (`correct`, rationales, explanation) cannot slip into a response by accident.
 */
export function presentQuestion(item: PresentableItem, immediate: boolean): AttemptQuestion {
  const question: AttemptQuestion = {
    position: item.position,
    type: item.choose > 1 ? 'multiple' : 'single',
    choose: item.choose,
    stem: item.stem,
    options: inDisplayOrder(item).map((o) => ({ id: o.id, text: o.text })),
    domain: item.domain,
    section: item.section,
    answer: item.seq < 0 ? null : presentAnswer(item),
  };
  if (immediate && isJudged(item)) question.feedback = feedbackFor(item);
  return question;
}

export function presentAttempt(attempt: AttemptRow, items: PresentableItem[], now: Date): AttemptResponse {
  const open = attempt.status === 'in_progress';
  return {
    id: attempt.id,
    mode: attempt.mode,
    status: attempt.status,
    feedback: attempt.feedback,
    startedAt: attempt.startedAt.toISOString(),
    deadline: attempt.deadline?.toISOString() ?? null,
    remainingSeconds: attempt.deadline ? (open ? remainingSeconds(attempt.deadline, now) : 0) : null,
    questionCount: attempt.questionCount,
    questions: items.map((item) => presentQuestion(item, attempt.feedback === 'immediate')),
    ...(!open && attempt.result ? { result: presentResult(attempt.result, attempt.mode) } : {}),
  };
}

/** Stored results in the shape a result may once have had, before wrong/unanswered and measured times. */
type StoredResult = Omit<AttemptResult, 'wrong' | 'unanswered' | 'questionTimes' | 'calibration'> &
  Partial<Pick<AttemptResult, 'wrong' | 'unanswered' | 'calibration'>> & {
    questionTimes: { position: number; seconds: number | null; measured?: boolean }[];
  };

/**
 * A stored result as the contract shows it today. Results scored before the study loop lack
 * wrong/unanswered, measured flags and calibration, and gave practice a scaled score: only mocks are exam-like
 * enough for one, so it is dropped for everything else whenever it was stored.
 */
export function presentResult(stored: AttemptResult | StoredResult, mode: AttemptMode): AttemptResult {
  const mock = mode === 'mock';
  return {
    ...stored,
    wrong: stored.wrong ?? stored.answered - stored.correct,
    unanswered: stored.unanswered ?? stored.total - stored.answered,
    scaledScore: mock ? stored.scaledScore : null,
    passed: mock ? stored.passed : null,
    questionTimes: stored.questionTimes.map((t) => ({
      position: t.position,
      seconds: t.seconds,
      measured: t.measured ?? false,
    })),
    calibration: stored.calibration ?? [],
  };
}

export function presentSummary(row: AttemptSummaryRow, now: Date): AttemptSummary {
  const running = row.status === 'in_progress';
  return {
    id: row.id,
    mode: row.mode,
    status: row.status,
    startedAt: row.startedAt.toISOString(),
    submittedAt: row.submittedAt?.toISOString() ?? null,
    questionCount: row.questionCount,
    percent: row.percent,
    scaledScore: row.mode === 'mock' ? row.scaledScore : null,
    passed: row.mode === 'mock' ? row.passed : null,
    domains:
      row.domains?.map((d) => ({ domain: d.domain, correct: d.correct, total: d.total, percent: d.percent })) ?? null,
    answeredCount: running ? row.answeredCount : null,
    remainingSeconds: running && row.deadline ? remainingSeconds(row.deadline, now) : null,
  };
}

const answered = (item: ItemRow) => item.selected.length > 0;

/** `wrong` is answered and not correct; `missed` adds the unanswered ones (both score as wrong). */
export const REVIEW_FILTERS: Record<ReviewFilter, (item: ItemRow) => boolean> = {
  all: () => true,
  wrong: (item) => answered(item) && item.correct !== true,
  unanswered: (item) => !answered(item),
  missed: (item) => item.correct !== true,
  flagged: (item) => item.flagged,
  guessed: (item) => item.correct === true && item.confidence === 'guess',
  'sure-wrong': (item) => answered(item) && item.correct !== true && item.confidence === 'sure',
};

export function reviewCounts(items: ItemRow[]): Record<ReviewFilter, number> {
  const count = (filter: ReviewFilter) => items.filter(REVIEW_FILTERS[filter]).length;
  return {
    all: items.length,
    wrong: count('wrong'),
    unanswered: count('unanswered'),
    missed: count('missed'),
    flagged: count('flagged'),
    guessed: count('guessed'),
    'sure-wrong': count('sure-wrong'),
  };
}

/** Each question's verdict and flag, without its teaching text: the review's map of the filter. */
export function reviewOutline(items: ItemRow[]): ReviewResponse['outline'] {
  return items.map((item) => ({
    position: item.position,
    answered: answered(item),
    correct: item.correct === true,
    flagged: item.flagged,
  }));
}

export function reviewItems(
  items: ItemRow[],
  seconds: Map<number, number | null>,
  saved: ReadonlySet<string>,
): ReviewItem[] {
  return items.map((item) => {
    const options = inDisplayOrder(item);
    return {
      position: item.position,
      questionId: item.questionId,
      type: item.choose > 1 ? 'multiple' : 'single',
      choose: item.choose,
      stem: item.stem,
      options: options.map((o) => ({ id: o.id, text: o.text, correct: o.correct, rationale: o.rationale })),
      selected: item.selected,
      flagged: item.flagged,
      answered: answered(item),
      correct: item.correct === true,
      correctOptionIds: options.filter((o) => o.correct).map((o) => o.id),
      explanation: item.explanation,
      correction: item.correction,
      references: item.references,
      style: item.style,
      domain: item.domain,
      section: item.section,
      sectionTitle: sectionTitle(item.section),
      seconds: seconds.get(item.position) ?? null,
      saved: saved.has(item.questionId),
      confidence: item.confidence,
    };
  });
}
