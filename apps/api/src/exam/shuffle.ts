import { randomInt } from 'node:crypto';

/** Returns an integer in [0, maxExclusive); injectable so tests can be deterministic. */
export type RandomInt = (maxExclusive: number) => number;

// Option order must not be predictable from earlier attempts, so the default source is the CSPRNG
// rather than Math.random.
const cryptoRandomInt: RandomInt = (maxExclusive) => randomInt(maxExclusive);

/** A new array with the items in uniformly random order (Fisher-Yates); the input is left alone. */
export function shuffle<T>(items: readonly T[], random: RandomInt = cryptoRandomInt): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = random(i + 1);
    [result[i], result[j]] = [result[j] as T, result[i] as T];
  }
  return result;
}

/** mulberry32: a small seeded generator of numbers in [0, 1), for reproducible tests and benchmark runs. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seeded `RandomInt` for `shuffle`: the same seed gives the same order. */
export function seededRandomInt(seed: number): RandomInt {
  const next = seededRandom(seed);
  return (maxExclusive) => Math.floor(next() * maxExclusive);
}
