import { describe, expect, it } from 'vitest';
import { reviewAfterAnswer } from './fsrs.ts';

const now = new Date('2026-01-01T10:00:00Z');
const minutes = (card: { due: Date }, from: Date) => (card.due.getTime() - from.getTime()) / 60_000;

describe('reviewAfterAnswer', () => {
  it('starts a card on a wrong answer, due again within minutes', () => {
    const card = reviewAfterAnswer(null, false, now);
    expect(card).not.toBeNull();
    expect(card?.reps).toBe(1);
    expect(minutes(card as { due: Date }, now)).toBeGreaterThan(0);
    expect(minutes(card as { due: Date }, now)).toBeLessThanOrEqual(10);
  });

  it('leaves questions answered right without a card alone', () => {
    expect(reviewAfterAnswer(null, true, now)).toBeNull();
  });

  it('pushes a card further out with each right answer, and back on a lapse', () => {
    let card = reviewAfterAnswer(null, false, now);
    let when = now;
    const gaps: number[] = [];
    for (let i = 0; i < 4; i++) {
      when = (card as { due: Date }).due;
      card = reviewAfterAnswer(card, true, when);
      gaps.push(minutes(card as { due: Date }, when));
    }
    expect(gaps[3]).toBeGreaterThan(gaps[0] as number);
    expect(minutes(card as { due: Date }, when)).toBeGreaterThan(24 * 60);
    const lapse = reviewAfterAnswer(card, false, when);
    expect(minutes(lapse as { due: Date }, when)).toBeLessThan(24 * 60);
    expect(lapse?.lapses).toBe(1);
  });
});
