import { describe, expect, it } from 'vitest';
import { questionTimes } from './time-per-question.ts';

const start = new Date('2026-01-01T10:00:00Z');
const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);

describe('questionTimes', () => {
  it('charges each answered question the time since the previous first answer', () => {
    const times = questionTimes(start, [
      { position: 1, firstAnsweredAt: at(30) },
      { position: 2, firstAnsweredAt: at(100) },
      { position: 3, firstAnsweredAt: null },
      { position: 4, firstAnsweredAt: at(45) },
    ]);
    expect(times).toEqual([
      { position: 1, seconds: 30 },
      { position: 4, seconds: 15 },
      { position: 2, seconds: 55 },
    ]);
  });

  it('is empty when nothing was answered, and never negative', () => {
    expect(questionTimes(start, [{ position: 1, firstAnsweredAt: null }])).toEqual([]);
    expect(questionTimes(start, [{ position: 1, firstAnsweredAt: at(-5) }])).toEqual([{ position: 1, seconds: 0 }]);
  });
});
