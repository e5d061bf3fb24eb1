/** The deadline is fixed when the attempt starts, so reloads, sleeping laptops and other tabs agree. */
export function deadlineFor(startedAt: Date, timeLimitMinutes: number | null): Date | null {
  return timeLimitMinutes === null ? null : new Date(startedAt.getTime() + timeLimitMinutes * 60_000);
}

/** The time limit an attempt started with (deadlineFor the other way round); null when untimed. */
export function timeLimitMinutesOf(startedAt: Date, deadline: Date | null): number | null {
  return deadline === null ? null : Math.round((deadline.getTime() - startedAt.getTime()) / 60_000);
}

/**
 * Whole seconds left, rounded up so that 0 only ever means "closed" (a client counting down from
 * 1 never sees 0 while writes would still be accepted). Never negative; null when untimed.
 */
export function remainingSeconds(deadline: Date | null, now: Date): number | null {
  if (!deadline) return null;
  return Math.max(0, Math.ceil((deadline.getTime() - now.getTime()) / 1000));
}

/** True once the deadline has been reached: from then on the attempt takes no more writes. */
export function isPastDeadline(deadline: Date | null, now: Date): boolean {
  return deadline !== null && now.getTime() >= deadline.getTime();
}

/** When the attempt ended for timing purposes: submission, but never later than the deadline. */
export function endOfAttempt(deadline: Date | null, submittedAt: Date): Date {
  return deadline && deadline.getTime() < submittedAt.getTime() ? deadline : submittedAt;
}
