import { describe, expect, it } from 'vitest';
import { deadlineFor, endOfAttempt, isPastDeadline, remainingSeconds, timeLimitMinutesOf } from './clock.ts';

const start = new Date('2026-01-01T10:00:00Z');
const at = (ms: number) => new Date(start.getTime() + ms);

describe('the attempt clock', () => {
  it('fixes the deadline at the start', () => {
    expect(deadlineFor(start, 130)?.toISOString()).toBe('2026-01-01T12:10:00.000Z');
    expect(deadlineFor(start, null)).toBeNull();
    expect(timeLimitMinutesOf(start, deadlineFor(start, 130))).toBe(130);
    expect(timeLimitMinutesOf(start, null)).toBeNull();
  });

  it('counts whole seconds up, never below zero', () => {
    const deadline = at(60_000);
    expect(remainingSeconds(deadline, start)).toBe(60);
    expect(remainingSeconds(deadline, at(59_500))).toBe(1);
    expect(remainingSeconds(deadline, at(60_000))).toBe(0);
    expect(remainingSeconds(deadline, at(3_600_000))).toBe(0);
    expect(remainingSeconds(null, start)).toBeNull();
  });

  it('closes at the deadline itself', () => {
    expect(isPastDeadline(at(1000), at(999))).toBe(false);
    expect(isPastDeadline(at(1000), at(1000))).toBe(true);
    expect(isPastDeadline(null, at(1e12))).toBe(false);
  });

  it('ends timing at the deadline when the submission came later', () => {
    expect(endOfAttempt(at(1000), at(5000))).toEqual(at(1000));
    expect(endOfAttempt(at(9000), at(5000))).toEqual(at(5000));
    expect(endOfAttempt(null, at(5000))).toEqual(at(5000));
  });
});
