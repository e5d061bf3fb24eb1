import { EXAM } from '@saa/contract/constants';

/**
 * The share of correct answers that reaches the pass mark under our estimate
 * (scaled = 100 + 900 × share): (720 − 100) / 900 ≈ 68.9%.
 */
export const PASS_PERCENT =
  ((EXAM.passingScore - EXAM.minScaledScore) / (EXAM.maxScaledScore - EXAM.minScaledScore)) * 100;
