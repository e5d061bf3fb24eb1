import { DOMAINS } from '@saa/contract/domains';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateByWeight } from './draw.ts';

const sum = (record: Record<string, number>) => Object.values(record).reduce((a, b) => a + b, 0);

describe('allocateByWeight', () => {
  it('gives a 65-question mock 19/17/16/13 at the exam weights', () => {
    expect(allocateByWeight(65, DOMAINS)).toEqual({
      secure: 19,
      resilient: 17,
      'high-performing': 16,
      'cost-optimized': 13,
    });
  });

  it('always sums to the total and stays within one of each exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500 }),
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 8 }),
        (total, weights) => {
          const buckets = weights.map((weight, i) => ({ id: `b${i}`, weight }));
          const result = allocateByWeight(total, buckets);
          expect(sum(result)).toBe(total);
          const weightSum = weights.reduce((a, b) => a + b, 0);
          for (const b of buckets) {
            const exact = (total * b.weight) / weightSum;
            expect(Math.abs((result[b.id] ?? 0) - exact)).toBeLessThan(1);
          }
        },
      ),
    );
  });

  it('moves the shortfall of a thin bucket to the others', () => {
    const result = allocateByWeight(65, [
      { id: 'secure', weight: 30, available: 5 },
      { id: 'resilient', weight: 26 },
      { id: 'high-performing', weight: 24 },
      { id: 'cost-optimized', weight: 20 },
    ]);
    expect(result.secure).toBe(5);
    expect(sum(result)).toBe(65);
  });

  it('never exceeds what a bucket holds, and takes everything when there is too little', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 200 }),
        fc.array(fc.record({ weight: fc.integer({ min: 1, max: 50 }), available: fc.integer({ min: 0, max: 60 }) }), {
          minLength: 1,
          maxLength: 6,
        }),
        (total, specs) => {
          const buckets = specs.map((s, i) => ({ id: `b${i}`, ...s }));
          const result = allocateByWeight(total, buckets);
          const capacity = specs.reduce((a, s) => a + s.available, 0);
          expect(sum(result)).toBe(Math.min(total, capacity));
          for (const b of buckets) expect(result[b.id]).toBeLessThanOrEqual(b.available);
        },
      ),
    );
  });
});
