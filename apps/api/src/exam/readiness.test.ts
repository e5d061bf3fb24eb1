import { describe, expect, it } from 'vitest';
import { projectedHalfWidth, readinessRange, wilsonInterval } from './readiness.ts';

describe('wilsonInterval', () => {
  it('matches the textbook values', () => {
    // 45 of 65 (69.2%), worked by hand: centre (p + z²/2n) / (1 + z²/n) = 0.6816, half-width
    // z·sqrt(p(1-p)/n + z²/4n²) / (1 + z²/n) = 0.1096, so 0.572 to 0.791.
    const { low, high } = wilsonInterval(45, 65);
    expect(low).toBeCloseTo(0.572, 3);
    expect(high).toBeCloseTo(0.791, 3);
  });

  it('stays inside [0, 1] at the edges', () => {
    expect(wilsonInterval(0, 10).low).toBe(0);
    expect(wilsonInterval(10, 10).high).toBeCloseTo(1, 10);
    expect(wilsonInterval(10, 10).low).toBeGreaterThan(0.6);
  });
});

describe('readinessRange', () => {
  it('pools the mocks and puts the range on the estimated scale around the score', () => {
    const one = readinessRange([{ correct: 45, total: 65 }]);
    // 100 + 900 × 0.572 ≈ 615 and 100 + 900 × 0.791 ≈ 812; the score itself is 723.
    expect(one).toEqual({ low: 615, high: 812 });
    const three = readinessRange([
      { correct: 45, total: 65 },
      { correct: 45, total: 65 },
      { correct: 45, total: 65 },
    ]);
    if (!one || !three) throw new Error('expected ranges');
    expect(three.low).toBeGreaterThan(one.low);
    expect(three.high).toBeLessThan(one.high);
  });

  it('has nothing to say before the first mock', () => {
    expect(readinessRange([])).toBeNull();
  });
});

describe('projectedHalfWidth', () => {
  it('shrinks with more mocks at the same share', () => {
    const mocks = [{ correct: 45, total: 65 }];
    const now = projectedHalfWidth(mocks, 1) ?? 0;
    const later = projectedHalfWidth(mocks, 3) ?? 0;
    expect(now).toBeGreaterThan(90);
    expect(later).toBeLessThan(now);
    expect(later).toBeGreaterThan(50);
  });
});
