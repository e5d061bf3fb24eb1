import { useSyncExternalStore } from 'react';
import { formatClock } from '../../lib/format.ts';
import type { Countdown } from './countdown.ts';

/** The ticking clock; only this small component re-renders every second. */
export function TimerDisplay({ countdown }: { countdown: Countdown }) {
  const seconds = useSyncExternalStore(countdown.subscribe, countdown.getSnapshot);
  if (seconds === null) {
    return (
      <span className="timer timer-untimed">
        <span className="timer-label">Time</span> Untimed
      </span>
    );
  }
  const tone = seconds <= 60 ? 'timer-critical' : seconds <= 300 ? 'timer-low' : '';
  const minutes = Math.ceil(seconds / 60);
  return (
    // role="timer" is not announced on every tick; the warnings at 10, 5 and 1 minutes are.
    <span
      className={`timer ${tone}`}
      role="timer"
      aria-label={`Time left: about ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`}
    >
      <span className="timer-label" aria-hidden="true">
        Time left
      </span>{' '}
      <span aria-hidden="true" className="timer-value">
        {formatClock(seconds)}
      </span>
    </span>
  );
}
