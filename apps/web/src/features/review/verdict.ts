import type { ReviewItem } from '@saa/contract/attempts';

export type Verdict = 'correct' | 'wrong' | 'unanswered';

export const verdictOf = (item: Pick<ReviewItem, 'answered' | 'correct'>): Verdict =>
  !item.answered ? 'unanswered' : item.correct ? 'correct' : 'wrong';

/** The same words everywhere: wrong is answered and not correct; unanswered is apart. */
export const VERDICT_LABEL: Record<Verdict, string> = { correct: 'Correct', wrong: 'Wrong', unanswered: 'Unanswered' };
/** A symbol beside the colour, so the verdict never rests on colour alone. */
export const VERDICT_SYMBOL: Record<Verdict, string> = { correct: '✓', wrong: '✗', unanswered: '–' };
