import type { AttemptResponse } from '@saa/contract/attempts';
import { useEffect, useRef, useState } from 'react';
import type { AnswerQueue } from './answer-queue.ts';
import type { Countdown } from './countdown.ts';

/** Seconds left at which to warn, as the exam-format notes ask: 10, 5 and 1 minutes. */
const WARNINGS = [600, 300, 60] as const;

/**
 * Raises each warning once (remembered across reloads) and calls onExpire when the clock reaches
 * zero. A warning applies only if the time limit was longer: a 10-minute practice warns at 5
 * and 1 minutes, not "10 minutes left" at the start.
 */
export function useTimeWarnings(
  attempt: AttemptResponse,
  countdown: Countdown,
  queue: AnswerQueue,
  onExpire: () => void,
) {
  const [warning, setWarning] = useState<number | null>(null);
  const onExpireRef = useRef(onExpire);
  onExpireRef.current = onExpire;

  useEffect(() => {
    if (!attempt.deadline) return;
    const limit = (Date.parse(attempt.deadline) - Date.parse(attempt.startedAt)) / 1000;
    const check = () => {
      const seconds = countdown.getSnapshot();
      if (seconds === null) return;
      if (seconds <= 0) {
        onExpireRef.current();
        return;
      }
      const warned = new Set(queue.local.warned);
      const due = WARNINGS.filter((t) => seconds <= t && limit > t && !warned.has(t));
      if (due.length === 0) return;
      queue.remember((state) => {
        state.warned = [...new Set([...state.warned, ...due])];
      });
      setWarning(Math.min(...due));
    };
    check();
    return countdown.subscribe(check);
  }, [attempt.deadline, attempt.startedAt, countdown, queue]);

  return { warning, dismissWarning: () => setWarning(null) };
}
