import { EXAM } from '@saa/contract/attempts';
import { estimatedScaledScore } from './scoring.ts';

/** 95% two-sided. */
const Z = 1.959964;

/**
 * The Wilson score interval for a share of correct answers: unlike the plain normal interval it
 * stays inside [0, 1] and behaves with few questions or shares near 0 or 1 (Brown, Cai and
 * DasGupta 2001 recommend it for exactly this).
 */
export function wilsonInterval(correct: number, total: number): { low: number; high: number } {
  if (total <= 0) return { low: 0, high: 1 };
  const p = correct / total;
  const z2 = Z * Z;
  const centre = (p + z2 / (2 * total)) / (1 + z2 / total);
  const half = (Z * Math.sqrt((p * (1 - p)) / total + z2 / (4 * total * total))) / (1 + z2 / total);
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

export interface MockOutcome {
  correct: number;
  total: number;
}

/**
 * Readiness as an estimate with its range: every question of the mocks counted together, the
 * share's 95% interval put on the same estimated scale as the score. It treats the questions as
 * independent draws of the candidate's knowledge, which they roughly are (random draws, weighted
 * by domain); the range says how much a score from this many questions can move by chance alone.
 */
export function readinessRange(mocks: readonly MockOutcome[]): { low: number; high: number } | null {
  const total = mocks.reduce((n, m) => n + m.total, 0);
  if (total === 0) return null;
  const correct = mocks.reduce((n, m) => n + m.correct, 0);
  const { low, high } = wilsonInterval(correct, total);
  // On the estimated scale: 100 + 900 × share, as for one mock.
  return { low: estimatedScaledScore(low * 1000, 1000), high: estimatedScaledScore(high * 1000, 1000) };
}

/** How wide the range would be (± points) with `mocks` mocks at the same share correct. */
export function projectedHalfWidth(mocks: readonly MockOutcome[], afterMocks: number): number | null {
  const total = mocks.reduce((n, m) => n + m.total, 0);
  if (total === 0) return null;
  const correct = mocks.reduce((n, m) => n + m.correct, 0);
  const questions = afterMocks * EXAM.mockQuestions;
  const { low, high } = wilsonInterval((correct / total) * questions, questions);
  return Math.round(((high - low) / 2) * (EXAM.maxScaledScore - EXAM.minScaledScore));
}
