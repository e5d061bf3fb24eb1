import { type AttemptMode, type AttemptResult, CONFIDENCE_LEVELS, type Confidence, EXAM } from '@saa/contract/attempts';
import { DOMAINS, type DomainId } from '@saa/contract/domains';
import { bySectionOrder, sectionTitle } from '../lib/sections.ts';
import { endOfAttempt } from './clock.ts';
import { questionTimes } from './time-per-question.ts';

export interface ScoringItem {
  position: number;
  domain: DomainId;
  section: string;
  selected: readonly string[];
  correctOptionIds: readonly string[];
  firstAnsweredAt: Date | null;
  /** Time on screen reported by the browser (ms), if it reported any. */
  elapsedMs: number | null;
  /** How sure the candidate said they were, if they said. */
  confidence?: Confidence | null;
}

export interface ScoringInput {
  /** Only a mock is exam-like enough for an estimated scaled score and a pass/fail verdict. */
  mode: AttemptMode;
  startedAt: Date;
  deadline: Date | null;
  submittedAt: Date;
  items: readonly ScoringItem[];
}

/** All or nothing, as on the real exam: exactly the keyed options, no more and no fewer. */
export function isAnswerCorrect(selected: readonly string[], correctOptionIds: readonly string[]): boolean {
  if (selected.length !== correctOptionIds.length) return false;
  const chosen = new Set(selected);
  return chosen.size === correctOptionIds.length && correctOptionIds.every((id) => chosen.has(id));
}

/**
 * ESTIMATED scaled score: 100 + 900 × correct / total, rounded. AWS equates real scores across exam
 * forms and does not publish how, so this linear map of the raw share onto 100-1000 is only a
 * guide; every response marks it with scaledScoreIsEstimate: true.
 */
export function estimatedScaledScore(correct: number, total: number): number {
  if (total <= 0) return EXAM.minScaledScore;
  const span = EXAM.maxScaledScore - EXAM.minScaledScore;
  return Math.round(EXAM.minScaledScore + (span * correct) / total);
}

/**
 * Each position's seconds: what the browser measured on screen where it reported it, else the
 * estimate from the answer timestamps; null for a question neither measured nor answered.
 */
function timesPerQuestion(startedAt: Date, items: readonly ScoringItem[]): AttemptResult['questionTimes'] {
  const estimated = new Map(questionTimes(startedAt, items).map((t) => [t.position, t.seconds]));
  return [...items]
    .sort((a, b) => a.position - b.position)
    .map((item) =>
      item.elapsedMs !== null
        ? { position: item.position, seconds: Math.round(item.elapsedMs / 1000), measured: true }
        : { position: item.position, seconds: estimated.get(item.position) ?? null, measured: false },
    );
}

/** Percent with one decimal, e.g. 2 of 3 → 66.7. */
export function percentOf(correct: number, total: number): number {
  return total > 0 ? Math.round((1000 * correct) / total) / 10 : 0;
}

function breakdown<K extends string>(items: readonly { key: K; correct: boolean }[]) {
  const totals = new Map<K, { correct: number; total: number }>();
  for (const item of items) {
    const entry = totals.get(item.key) ?? { correct: 0, total: 0 };
    entry.total += 1;
    if (item.correct) entry.correct += 1;
    totals.set(item.key, entry);
  }
  return totals;
}

/** Accuracy per confidence level over answered questions that carry one; unused levels left out. */
function calibrationOf(verdicts: readonly (ScoringItem & { correct: boolean })[]): AttemptResult['calibration'] {
  return CONFIDENCE_LEVELS.map((confidence) => {
    const rated = verdicts.filter((v) => v.selected.length > 0 && v.confidence === confidence);
    return { confidence, correct: rated.filter((v) => v.correct).length, total: rated.length };
  }).filter((level) => level.total > 0);
}

/**
 * Scores an attempt as it stands: unanswered questions count as wrong, like on the exam. Returns
 * the contract's result and each position's verdict (stored on the items for the review).
 */
export function scoreAttempt(input: ScoringInput): { result: AttemptResult; correctByPosition: Map<number, boolean> } {
  const verdicts = input.items.map((item) => ({
    ...item,
    correct: isAnswerCorrect(item.selected, item.correctOptionIds),
  }));
  const total = verdicts.length;
  const correct = verdicts.filter((v) => v.correct).length;
  const answered = verdicts.filter((v) => v.selected.length > 0).length;
  const scaledScore = input.mode === 'mock' ? estimatedScaledScore(correct, total) : null;

  const byDomain = breakdown(verdicts.map((v) => ({ key: v.domain, correct: v.correct })));
  const bySection = breakdown(verdicts.map((v) => ({ key: v.section, correct: v.correct })));
  const ended = endOfAttempt(input.deadline, input.submittedAt);

  const result: AttemptResult = {
    correct,
    wrong: answered - correct,
    unanswered: total - answered,
    total,
    answered,
    percent: percentOf(correct, total),
    scaledScore,
    scaledScoreIsEstimate: true,
    passingScore: EXAM.passingScore,
    passed: scaledScore === null ? null : scaledScore >= EXAM.passingScore,
    timeUsedSeconds: Math.max(0, Math.round((ended.getTime() - input.startedAt.getTime()) / 1000)),
    domains: DOMAINS.filter((d) => byDomain.has(d.id)).map((d) => {
      const entry = byDomain.get(d.id) ?? { correct: 0, total: 0 };
      return { domain: d.id, name: d.name, ...entry, percent: percentOf(entry.correct, entry.total) };
    }),
    sections: [...bySection.keys()].sort(bySectionOrder).map((section) => {
      const entry = bySection.get(section) ?? { correct: 0, total: 0 };
      return { section, title: sectionTitle(section), ...entry, percent: percentOf(entry.correct, entry.total) };
    }),
    questionTimes: timesPerQuestion(input.startedAt, input.items),
    calibration: calibrationOf(verdicts),
  };
  return { result, correctByPosition: new Map(verdicts.map((v) => [v.position, v.correct])) };
}
