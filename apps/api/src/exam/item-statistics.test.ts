import { describe, expect, it } from 'vitest';
import { discrimination, facility, type ItemSums, itemFlags } from './item-statistics.ts';

/** Sums from (item right?, rest score) pairs, as scoring adds them up. */
function sums(answers: [boolean, number][]): ItemSums {
  return {
    answered: answers.length,
    correct: answers.filter(([y]) => y).length,
    sumRest: answers.reduce((t, [, x]) => t + x, 0),
    sumRestSquared: answers.reduce((t, [, x]) => t + x * x, 0),
    sumRestCorrect: answers.reduce((t, [y, x]) => t + (y ? x : 0), 0),
  };
}

describe('item statistics', () => {
  it('works out facility and the point-biserial by hand', () => {
    // Four answers: right at rest 0.8 and 0.6, wrong at 0.4 and 0.2.
    // n=4, Σx=2.0, Σx²=1.2, Σy=2, Σxy=1.4: r = (4·1.4 − 2·2) / sqrt((4·1.2 − 4)(4·2 − 4))
    //   = 1.6 / sqrt(0.8 · 4) = 1.6 / 1.78885 = 0.894427.
    const s = sums([
      [true, 0.8],
      [true, 0.6],
      [false, 0.4],
      [false, 0.2],
    ]);
    expect(facility(s)).toBe(0.5);
    expect(discrimination(s)).toBeCloseTo(0.894427, 6);
  });

  it('is negative when the weaker candidates get it right (often a wrong key)', () => {
    const s = sums([
      [false, 0.9],
      [false, 0.8],
      [true, 0.3],
      [true, 0.2],
    ]);
    expect(discrimination(s)).toBeLessThan(0);
  });

  it('is undefined without spread', () => {
    expect(discrimination(sums([[true, 0.5]]))).toBeNull();
    expect(
      discrimination(
        sums([
          [true, 0.5],
          [true, 0.7],
        ]),
      ),
    ).toBeNull();
    expect(facility(sums([]))).toBeNull();
  });

  it('flags only from 30 answers on, by the documented thresholds', () => {
    const hardAndBackwards = Array.from({ length: 30 }, (_, i): [boolean, number] => [i < 3, i < 3 ? 0.2 : 0.8]);
    expect(itemFlags(sums(hardAndBackwards.slice(0, 29)))).toEqual([]);
    expect(itemFlags(sums(hardAndBackwards))).toEqual(['hard', 'negative-discrimination']);
    const easy = Array.from({ length: 40 }, (_, i): [boolean, number] => [i !== 0, i === 0 ? 0.3 : 0.5 + i / 100]);
    expect(itemFlags(sums(easy))).toEqual(['easy']);
  });
});
