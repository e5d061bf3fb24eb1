import type { Question } from '@saa/contract/question';
import { normalize, words } from './text-metrics.ts';

/**
 * Test-wise strategies: ways to pick answers without knowing AWS. Each returns, for one question,
 * the weight it puts on each option (options it would rather choose get 1, others 0). The expected
 * score of picking `k` options uniformly among the preferred ones (filling up at random when too
 * few) is compared with chance: a bank where a strategy beats chance teaches the strategy.
 */
export type Preference = (q: Question) => boolean[];

const ABSOLUTE = /\b(always|never|only|guarantee[sd]?|all|none|every)\b/;

/** Options whose text some other question offers as a wrong answer are avoided. */
export function neverKeyedWrong(bank: Question[]): Preference {
  const wrongIn = new Map<string, Set<string>>();
  for (const q of bank) {
    for (const o of q.options) {
      if (o.correct) continue;
      const key = normalize(o.text);
      const ids = wrongIn.get(key) ?? new Set<string>();
      ids.add(q.id);
      wrongIn.set(key, ids);
    }
  }
  return (q) =>
    q.options.map((o) => {
      const ids = wrongIn.get(normalize(o.text));
      return !ids || [...ids].every((id) => id === q.id);
    });
}

/** Options with an absolute word (always, never, only, all, …) are avoided. */
export const avoidAbsolutes: Preference = (q) => q.options.map((o) => !ABSOLUTE.test(normalize(o.text)));

/** The longest options are chosen. */
export const pickLongest: Preference = (q) => {
  const k = q.options.filter((o) => o.correct).length;
  const lengths = q.options.map((o) => words(o.text).join(' ').length);
  const threshold = [...lengths].sort((a, b) => b - a)[k - 1] ?? 0;
  return lengths.map((l) => l >= threshold);
};

function choose(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return r;
}

/**
 * Expected score of the strategy on one question: it picks k options uniformly among the preferred
 * ones, or all of them plus random others when fewer than k are preferred. Scoring is all-or-nothing.
 */
export function expectedScore(q: Question, preferred: boolean[]): number {
  const k = q.options.filter((o) => o.correct).length;
  const n = q.options.length;
  const pref = preferred.filter(Boolean).length;
  const keysPreferred = q.options.filter((o, i) => o.correct && preferred[i]).length;
  if (pref >= k) {
    // All k keys must be among the k picked from `pref`.
    return keysPreferred === k ? 1 / choose(pref, k) : 0;
  }
  // Every preferred option is picked; the rest are drawn from the others.
  if (keysPreferred < pref) return 0;
  return 1 / choose(n - pref, k - pref);
}

export function chance(q: Question): number {
  const k = q.options.filter((o) => o.correct).length;
  return 1 / choose(q.options.length, k);
}

export interface StrategyResult {
  questions: number;
  score: number;
  chance: number;
}

export function evaluate(questions: Question[], preference: Preference): StrategyResult {
  let score = 0;
  let base = 0;
  for (const q of questions) {
    score += expectedScore(q, preference(q));
    base += chance(q);
  }
  const n = questions.length || 1;
  return { questions: questions.length, score: score / n, chance: base / n };
}
