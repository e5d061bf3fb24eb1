import { AttemptResult } from '@saa/contract/attempts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimatedScaledScore, isAnswerCorrect, type ScoringItem, scoreAttempt } from './scoring.ts';

const start = new Date('2026-01-01T10:00:00Z');
const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);

function item(position: number, overrides: Partial<ScoringItem> = {}): ScoringItem {
  return {
    position,
    domain: 'secure',
    section: 'iam-roles',
    selected: ['b'],
    correctOptionIds: ['b'],
    firstAnsweredAt: at(position * 10),
    elapsedMs: null,
    ...overrides,
  };
}

describe('isAnswerCorrect', () => {
  it('is all or nothing for multiple response', () => {
    expect(isAnswerCorrect(['a', 'c'], ['c', 'a'])).toBe(true);
    expect(isAnswerCorrect(['a'], ['a', 'c'])).toBe(false);
    expect(isAnswerCorrect(['a', 'c', 'd'], ['a', 'c'])).toBe(false);
    expect(isAnswerCorrect(['a', 'a'], ['a', 'c'])).toBe(false);
    expect(isAnswerCorrect([], ['a'])).toBe(false);
  });
});

describe('estimatedScaledScore', () => {
  it('maps the raw share linearly onto 100-1000', () => {
    expect(estimatedScaledScore(0, 65)).toBe(100);
    expect(estimatedScaledScore(65, 65)).toBe(1000);
    expect(estimatedScaledScore(47, 65)).toBe(751);
    expect(estimatedScaledScore(44, 65)).toBe(709);
  });

  it('stays within 100-1000 and grows with the number correct', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.nat(), (total, raw) => {
        const correct = raw % (total + 1);
        const score = estimatedScaledScore(correct, total);
        expect(score).toBeGreaterThanOrEqual(100);
        expect(score).toBeLessThanOrEqual(1000);
        if (correct < total) expect(estimatedScaledScore(correct + 1, total)).toBeGreaterThanOrEqual(score);
      }),
    );
  });
});

describe('scoreAttempt', () => {
  it('counts unanswered as wrong and breaks results down per domain and section', () => {
    const { result, correctByPosition } = scoreAttempt({
      mode: 'mock',
      startedAt: start,
      deadline: at(600),
      submittedAt: at(300),
      items: [
        item(1),
        item(2, { selected: ['a'] }),
        item(3, { selected: [], firstAnsweredAt: null }),
        item(4, {
          domain: 'cost-optimized',
          section: 's3-lifecycle',
          selected: ['a', 'c'],
          correctOptionIds: ['a', 'c'],
        }),
      ],
    });
    expect(AttemptResult.parse(result)).toEqual(result);
    expect(result).toMatchObject({ correct: 2, total: 4, answered: 3, percent: 50, scaledScore: 550, passed: false });
    expect(result.scaledScoreIsEstimate).toBe(true);
    expect(result.timeUsedSeconds).toBe(300);
    expect(result.domains).toEqual([
      { domain: 'secure', name: 'Design Secure Architectures', correct: 1, total: 3, percent: 33.3 },
      { domain: 'cost-optimized', name: 'Design Cost-Optimized Architectures', correct: 1, total: 1, percent: 100 },
    ]);
    expect(result.sections.map((s) => [s.section, s.correct, s.total])).toEqual([
      ['iam-roles', 1, 3],
      ['s3-lifecycle', 1, 1],
    ]);
    expect(result.sections[0]?.title).toBe('IAM roles');
    expect([...correctByPosition]).toEqual([
      [1, true],
      [2, false],
      [3, false],
      [4, true],
    ]);
    expect(result.questionTimes).toEqual([
      { position: 1, seconds: 10, measured: false },
      { position: 2, seconds: 10, measured: false },
      { position: 3, seconds: null, measured: false },
      { position: 4, seconds: 20, measured: false },
    ]);
  });

  it('passes at 720 and caps time used at the deadline', () => {
    const items = Array.from({ length: 65 }, (_, i) => item(i + 1, i < 47 ? {} : { selected: ['a'] }));
    const { result } = scoreAttempt({
      mode: 'mock',
      startedAt: start,
      deadline: at(7800),
      submittedAt: at(9000),
      items,
    });
    expect(result).toMatchObject({ correct: 47, scaledScore: 751, passed: true, timeUsedSeconds: 7800 });
  });

  it('gives a scaled score and verdict to mocks only, and counts correct + wrong + unanswered = total', () => {
    const items = [item(1), item(2, { selected: ['a'] }), item(3, { selected: [], firstAnsweredAt: null })];
    const input = { startedAt: start, deadline: null, submittedAt: at(60), items };
    const practice = scoreAttempt({ ...input, mode: 'practice' }).result;
    expect(practice).toMatchObject({ correct: 1, wrong: 1, unanswered: 1, total: 3, scaledScore: null, passed: null });
    const mock = scoreAttempt({ ...input, mode: 'mock' }).result;
    expect(mock.scaledScore).toBe(estimatedScaledScore(1, 3));
    expect(mock.passed).toBe(false);
  });

  it('uses the time the browser measured where it reported one, else the estimate, else null', () => {
    const items = [
      item(1, { elapsedMs: 4_400 }),
      item(2),
      item(3, { selected: [], firstAnsweredAt: null }),
      item(4, { selected: [], firstAnsweredAt: null, elapsedMs: 61_000 }),
    ];
    const { result } = scoreAttempt({ mode: 'practice', startedAt: start, deadline: null, submittedAt: at(90), items });
    expect(result.questionTimes).toEqual([
      { position: 1, seconds: 4, measured: true },
      { position: 2, seconds: 10, measured: false },
      { position: 3, seconds: null, measured: false },
      { position: 4, seconds: 61, measured: true },
    ]);
  });
});
