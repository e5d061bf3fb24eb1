import { describe, expect, it } from 'vitest';
import { paceOf } from './pace.ts';

describe('pace against the exam', () => {
  it('adds up time against 2 minutes a question and finds the most ahead and most behind', () => {
    const pace = paceOf([
      { position: 1, seconds: 60 },
      { position: 2, seconds: 300 },
      { position: 3, seconds: 30 },
      { position: 4, seconds: null },
    ]);
    // After 1: 60 of 120 (60 ahead); after 2: 360 of 240 (120 behind); after 3: 390 of 360 (30 behind);
    // after 4: 390 of 480 (90 ahead).
    expect(pace.ahead).toEqual({ seconds: 90, position: 4 });
    expect(pace.behind).toEqual({ seconds: 120, position: 2 });
    expect(pace.endSeconds).toBe(-90);
    expect(pace).toMatchObject({ timed: 3, averageSeconds: 130, overBudget: 1 });
  });

  it('has nothing to say without times', () => {
    expect(paceOf([])).toMatchObject({ timed: 0, averageSeconds: null, ahead: null, behind: null, endSeconds: 0 });
  });
});
