import { describe, expect, it } from 'vitest';
import { calibrationSummary } from './calibration.ts';

describe('calibrationSummary', () => {
  it('finds the misconceptions, the lucky guesses and the answers without a level', () => {
    expect(
      calibrationSummary({
        answered: 10,
        calibration: [
          { confidence: 'sure', correct: 4, total: 6 },
          { confidence: 'guess', correct: 1, total: 3 },
        ],
      }),
    ).toEqual({ sureButWrong: 2, rightButGuessed: 1, rated: 9, unrated: 1 });
  });

  it('says nothing was rated when no level was used', () => {
    expect(calibrationSummary({ answered: 4, calibration: [] })).toEqual({
      sureButWrong: 0,
      rightButGuessed: 0,
      rated: 0,
      unrated: 4,
    });
  });
});
