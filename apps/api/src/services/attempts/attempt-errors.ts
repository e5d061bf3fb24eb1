import type { AttemptRow } from '../../data/attempts.ts';
import { AppError } from '../../lib/app-error.ts';

export function notFound(): AppError {
  return new AppError('not_found', 'No such attempt.');
}

export function closedError(attempt: Pick<AttemptRow, 'status' | 'deadline'>): AppError {
  if (attempt.status === 'expired' && attempt.deadline) {
    return new AppError(
      'attempt_closed',
      `Time ran out at ${attempt.deadline.toISOString()}; the attempt was scored as it stood and takes no more changes. Open it to see the result.`,
    );
  }
  return new AppError('attempt_closed', 'This attempt has been submitted and takes no more changes.');
}

export function inProgressError(message: string): AppError {
  return new AppError('attempt_in_progress', message);
}
