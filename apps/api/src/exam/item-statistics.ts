/**
 * Classical item statistics from running sums, and the flags an operator looks at. Thresholds are
 * the common ones of classical test theory (e.g. Ebel and Frisbie, Essentials of Educational
 * Measurement): an item almost nobody gets right (facility below 0.2) or almost everybody does
 * (above 0.95) tells little, and one whose discrimination is below 0.1 does not separate stronger
 * candidates from weaker ones (below 0, it favours the weaker: often a wrong key). None is judged
 * before 30 answers, where chance dominates.
 */
export const ITEM_THRESHOLDS = { minAnswers: 30, hardBelow: 0.2, easyAbove: 0.95, discriminationBelow: 0.1 } as const;

export interface ItemSums {
  answered: number;
  correct: number;
  /** Σ rest score (share right of the attempt's other questions). */
  sumRest: number;
  /** Σ rest score². */
  sumRestSquared: number;
  /** Σ rest score over the right answers (= Σ rest × item, the item being 0 or 1). */
  sumRestCorrect: number;
}

/** Share of answers that were right; null before any answer. */
export function facility(s: ItemSums): number | null {
  return s.answered > 0 ? s.correct / s.answered : null;
}

/**
 * Point-biserial correlation of the item score y (0/1) with the rest score x, from sums:
 * r = (nΣxy − ΣxΣy) / sqrt((nΣx² − (Σx)²)(nΣy − (Σy)²)), with Σy² = Σy for a 0/1 item.
 * Null when it is undefined: fewer than two answers, everyone right or wrong, or no spread in x.
 */
export function discrimination(s: ItemSums): number | null {
  const n = s.answered;
  if (n < 2) return null;
  const sx = s.sumRest;
  const sy = s.correct;
  const varX = n * s.sumRestSquared - sx * sx;
  const varY = n * sy - sy * sy;
  if (varX <= 1e-12 || varY <= 0) return null;
  return (n * s.sumRestCorrect - sx * sy) / Math.sqrt(varX * varY);
}

export type ItemFlag = 'hard' | 'easy' | 'negative-discrimination';

export function itemFlags(s: ItemSums): ItemFlag[] {
  if (s.answered < ITEM_THRESHOLDS.minAnswers) return [];
  const flags: ItemFlag[] = [];
  const f = facility(s);
  if (f !== null && f < ITEM_THRESHOLDS.hardBelow) flags.push('hard');
  if (f !== null && f > ITEM_THRESHOLDS.easyAbove) flags.push('easy');
  const d = discrimination(s);
  if (d !== null && d < ITEM_THRESHOLDS.discriminationBelow) flags.push('negative-discrimination');
  return flags;
}
