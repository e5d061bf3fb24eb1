import type { AttemptMode } from '@saa/contract/attempts';
import { AppError } from '../lib/app-error.ts';

/**
 * Practice sets and drills a user may have open at once. Enough for several topics in parallel,
 * few enough that a script cannot pile up attempts (each holds up to 130 questions of state).
 */
export const MAX_OPEN_PRACTICES = 10;

/**
 * One mock at a time, as on the real exam (a second start points to the running one, as Canvas
 * does), and at most MAX_OPEN_PRACTICES practice sets and drills.
 */
export function checkOpenAttempts(mode: AttemptMode, open: { id: string; mode: AttemptMode }[]): void {
  if (mode === 'mock') {
    const running = open.find((a) => a.mode === 'mock');
    if (running) {
      throw new AppError(
        'mock_in_progress',
        'You already have a mock exam running: resume it or submit it before starting another.',
        undefined,
        { attemptId: running.id },
      );
    }
    return;
  }
  const practices = open.filter((a) => a.mode !== 'mock').length;
  if (practices >= MAX_OPEN_PRACTICES) {
    throw new AppError(
      'too_many_open_attempts',
      `You have ${practices} practice sets or drills open; submit one before starting another (at most ${MAX_OPEN_PRACTICES} at once).`,
    );
  }
}
