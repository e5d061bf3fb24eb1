import { EXAM } from '@saa/contract/constants';

export interface PaceSummary {
  timed: number;
  averageSeconds: number | null;
  overBudget: number;
  /** Most ahead of the exam's pace (seconds under budget) and where. */
  ahead: { seconds: number; position: number } | null;
  /** Most behind it (seconds over budget) and where. */
  behind: { seconds: number; position: number } | null;
  /** Where the whole attempt ended against the budget: negative is ahead. */
  endSeconds: number;
}

/**
 * Time per question against the exam's pace (130 minutes for 65 questions: 2 minutes each),
 * walking the questions in order and adding up time spent against time allowed.
 */
export function paceOf(times: { position: number; seconds: number | null }[]): PaceSummary {
  const budget = EXAM.secondsPerQuestion;
  const ordered = [...times].sort((a, b) => a.position - b.position);
  let spent = 0;
  let allowed = 0;
  let ahead: PaceSummary['ahead'] = null;
  let behind: PaceSummary['behind'] = null;
  const timed = ordered.filter((t) => t.seconds !== null);
  for (const t of ordered) {
    spent += t.seconds ?? 0;
    allowed += budget;
    const diff = spent - allowed;
    if (diff < 0 && (!ahead || -diff > ahead.seconds)) ahead = { seconds: -diff, position: t.position };
    if (diff > 0 && (!behind || diff > behind.seconds)) behind = { seconds: diff, position: t.position };
  }
  return {
    timed: timed.length,
    averageSeconds: timed.length ? Math.round(timed.reduce((n, t) => n + (t.seconds ?? 0), 0) / timed.length) : null,
    overBudget: timed.filter((t) => (t.seconds ?? 0) > budget).length,
    ahead,
    behind,
    endSeconds: spent - allowed,
  };
}
