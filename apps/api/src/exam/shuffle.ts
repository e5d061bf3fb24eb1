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
