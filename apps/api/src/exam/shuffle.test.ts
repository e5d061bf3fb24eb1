import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededRandom, seededRandomInt, shuffle } from './shuffle.ts';

describe('shuffle', () => {
  it('returns a permutation and leaves the input alone', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), (items) => {
        const copy = [...items];
        const result = shuffle(items);
        expect(items).toEqual(copy);
        expect([...result].sort((a, b) => a - b)).toEqual([...items].sort((a, b) => a - b));
      }),
    );
  });

  it('reaches every order of four options, roughly evenly', () => {
    const counts = new Map<string, number>();
    const runs = 24_000;
    for (let i = 0; i < runs; i++) {
      const key = shuffle(['a', 'b', 'c', 'd']).join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(24);
    // 1,000 expected per order; a biased shuffle (e.g. sort by Math.random) lands far outside this.
    for (const n of counts.values()) expect(n).toBeGreaterThan(800);
  });

  it('uses the random source it is given', () => {
    expect(shuffle([1, 2, 3], () => 0)).toEqual([2, 3, 1]);
  });
});

describe('seededRandom', () => {
  it('repeats its sequence for a seed, differs between seeds and stays in [0, 1)', () => {
    const take = (seed: number) => Array.from({ length: 1000 }, seededRandom(seed));
    expect(take(7)).toEqual(take(7));
    expect(take(7)).not.toEqual(take(8));
    for (const x of take(7)) expect(x >= 0 && x < 1).toBe(true);
  });

  it('gives shuffle a reproducible order', () => {
    const items = Array.from({ length: 20 }, (_, i) => i);
    expect(shuffle(items, seededRandomInt(42))).toEqual(shuffle(items, seededRandomInt(42)));
    expect(shuffle(items, seededRandomInt(42))).not.toEqual(items);
  });
});
