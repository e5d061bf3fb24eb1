export interface AnswerTiming {
  position: number;
  /** When the question first got a non-empty answer; null if it never did. */
  firstAnsweredAt: Date | null;
}

/**
 * An ESTIMATE of the seconds spent on each answered question. The server only sees saves, not
 * which question is on screen, so it assumes questions are worked through one after another: the
 * answered questions are ordered by when each was first answered, and each gets the time since the
 * previous first answer (the first one: since the start). Revisits and time spent on questions
 * left unanswered are folded into whichever question is answered next. Unanswered questions are
 * left out.
 */
export function questionTimes(
  startedAt: Date,
  items: readonly AnswerTiming[],
): { position: number; seconds: number }[] {
  const answered = items
    .filter((i): i is AnswerTiming & { firstAnsweredAt: Date } => i.firstAnsweredAt !== null)
    .sort((a, b) => a.firstAnsweredAt.getTime() - b.firstAnsweredAt.getTime() || a.position - b.position);
  let previous = startedAt.getTime();
  return answered.map((item) => {
    const at = item.firstAnsweredAt.getTime();
    const seconds = Math.max(0, Math.round((at - previous) / 1000));
    previous = Math.max(previous, at);
    return { position: item.position, seconds };
  });
}
