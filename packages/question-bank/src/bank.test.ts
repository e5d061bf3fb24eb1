import { Question } from '@saa/contract/question';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Bank, buildBank } from './bank.ts';
import { formatProblem } from './problems.ts';
import { coverageGaps, keyPositionShares, longestKeyShare, TARGETS } from './quality.ts';
import { SECTIONS } from './sections.ts';

let bank: Bank;
beforeAll(() => {
  bank = buildBank();
});

describe('question bank quality gates', () => {
  it('has no schema or style problems in any source file', () => {
    expect(bank.problems.map(formatProblem)).toEqual([]);
  });

  it('validates every question against the shared contract', () => {
    for (const q of bank.questions) expect(Question.safeParse(q).success, q.id).toBe(true);
  });

  it('gives single-answer questions 4 options and 1 key, multiple-response 5/2 or 6/3', () => {
    for (const q of bank.questions) {
      const correct = q.options.filter((o) => o.correct).length;
      const shape = `${q.options.length}/${correct}`;
      expect(q.type === 'single' ? ['4/1'] : ['5/2', '6/3'], q.id).toContain(shape);
    }
  });

  it('keeps option texts unique within a question and never offers all/none of the above', () => {
    for (const q of bank.questions) {
      const texts = q.options.map((o) => o.text.toLowerCase().trim());
      expect(new Set(texts).size, q.id).toBe(texts.length);
      for (const t of texts) expect(t).not.toMatch(/(all|none) of the above/);
    }
  });

  it('has no duplicate ids or stems', () => {
    const ids = bank.questions.map((q) => q.id);
    const stems = bank.questions.map((q) => q.stem.toLowerCase().replace(/\s+/g, ' '));
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(stems).size).toBe(stems.length);
  });

  it('spreads single-answer keys so that no position holds more than 35%', () => {
    for (const share of keyPositionShares(bank.questions))
      expect(share).toBeLessThanOrEqual(TARGETS.maxKeyPositionShare);
    expect(longestKeyShare(bank.questions)).toBeLessThanOrEqual(TARGETS.maxLongestKeyShare);
  });

  it('names only sections of the notes, and covers each at least 3 times', () => {
    const known = new Set<string>(SECTIONS.map((s) => s.id));
    for (const q of bank.questions) expect(known.has(q.section), q.id).toBe(true);
    for (const s of SECTIONS) {
      expect(bank.questions.filter((q) => q.section === s.id).length, s.id).toBeGreaterThanOrEqual(TARGETS.perSection);
    }
  });

  it('meets the size, authored, multiple-response and per-domain targets', () => {
    expect(coverageGaps(bank.questions)).toEqual([]);
  });

  it('is deterministic: building twice gives the same ids, order and option order', () => {
    const again = buildBank();
    expect(again.questions).toEqual(bank.questions);
  });
});
