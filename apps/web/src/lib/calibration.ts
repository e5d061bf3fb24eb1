import type { AttemptResult, Confidence } from '@saa/contract/attempts';

export const CONFIDENCE_LABEL: Record<Confidence, string> = { sure: 'Sure', unsure: 'Unsure', guess: 'Guess' };

/** What the confidence levels say together: the sets worth practising and how many said nothing. */
export function calibrationSummary(result: Pick<AttemptResult, 'calibration' | 'answered'>) {
  const level = (c: Confidence) => result.calibration.find((l) => l.confidence === c) ?? { correct: 0, total: 0 };
  const rated = result.calibration.reduce((n, l) => n + l.total, 0);
  return {
    /** Wrong although marked sure: misconceptions, the most useful to fix. */
    sureButWrong: level('sure').total - level('sure').correct,
    /** Right, but marked as a guess: luck, not knowledge yet. */
    rightButGuessed: level('guess').correct,
    rated,
    unrated: Math.max(0, result.answered - rated),
  };
}
