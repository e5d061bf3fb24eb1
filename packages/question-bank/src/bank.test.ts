import { Question } from '@saa/contract/question';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Bank, buildBank } from './bank.ts';
import { formatProblem } from './problems.ts';
import { coverageGaps, cueReports, keyPositionShares, longestKeyShare, TARGETS } from './quality.ts';
import { SECTIONS } from './sections.ts';

let bank: Bank;
beforeAll(() => {
  bank = buildBank();
});

const ofStyle = (style: Question['style']) => bank.questions.filter((q) => q.style === style);

describe('question bank quality gates', () => {
  it('has no schema, style or cross-item problems in any source file', () => {
    expect(bank.problems.map(formatProblem)).toEqual([]);
  });

  it('validates every question against the shared contract, with a style and 1-3 references', () => {
    for (const q of bank.questions) {
      expect(Question.safeParse(q).success, q.id).toBe(true);
      expect(q.references.length, q.id).toBeGreaterThanOrEqual(TARGETS.references.min);
      expect(q.references.length, q.id).toBeLessThanOrEqual(TARGETS.references.max);
    }
  });

  it('gives single-answer questions 4 options and 1 key, multiple-response 5/2 or 6/3', () => {
    for (const q of bank.questions) {
      const correct = q.options.filter((o) => o.correct).length;
      const shape = `${q.options.length}/${correct}`;
      expect(q.type === 'single' ? ['4/1'] : ['5/2', '6/3'], q.id).toContain(shape);
    }
  });

  it('has no duplicate ids', () => {
    const ids = bank.questions.map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('spreads single-answer keys per style and keeps the longest-option cue low', () => {
    for (const style of ['scenario', 'recall'] as const) {
      for (const share of keyPositionShares(ofStyle(style))) {
        expect(share, style).toBeLessThanOrEqual(TARGETS.maxKeyPositionShare);
      }
      expect(longestKeyShare(ofStyle(style)), style).toBeLessThanOrEqual(TARGETS.maxLongestKeyShare[style]);
    }
  });

  it('gives every section of the notes at least 3 scenario items', () => {
    const known = new Set<string>(SECTIONS.map((s) => s.id));
    for (const q of bank.questions) expect(known.has(q.section), q.id).toBe(true);
    for (const s of SECTIONS) {
      const n = ofStyle('scenario').filter((q) => q.section === s.id).length;
      expect(n, s.id).toBeGreaterThanOrEqual(TARGETS.scenarioPerSection);
    }
  });

  it('holds enough scenario items per domain for ten disjoint mocks, 20% multiple response', () => {
    expect(coverageGaps(bank.questions)).toEqual([]);
  });

  it('cannot be gamed: test-wise strategies score within 10 points of chance on every style and type', () => {
    const reports = cueReports(bank.questions);
    expect(reports.length).toBeGreaterThan(0);
    for (const r of reports) expect(r.score - r.chance, `${r.strategy} ${r.style} ${r.type}`).toBeLessThanOrEqual(0.1);
  });

  it('is deterministic: building twice gives the same questions in the same order', () => {
    expect(buildBank().questions).toEqual(bank.questions);
  });
});
