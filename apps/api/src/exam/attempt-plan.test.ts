import { describe, expect, it } from 'vitest';
import { AppError } from '../lib/app-error.ts';
import { planAttempt } from './attempt-plan.ts';

function fieldOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error.fields?.[0]?.field;
    throw error;
  }
  return undefined;
}

describe('planAttempt', () => {
  it('fixes a mock at 65 questions, 130 minutes, deferred feedback', () => {
    expect(planAttempt({ mode: 'mock' })).toEqual({
      mode: 'mock',
      questionCount: 65,
      timeLimitMinutes: 130,
      feedback: 'deferred',
      domains: null,
      sections: null,
      style: 'scenario',
      pool: 'all',
      source: null,
    });
    expect(planAttempt({ mode: 'mock', questionCount: 65, timeLimitMinutes: 130, feedback: 'deferred' }).mode).toBe(
      'mock',
    );
  });

  it('refuses a mock with other rules, naming the field', () => {
    expect(fieldOf(() => planAttempt({ mode: 'mock', questionCount: 10 }))).toBe('body.questionCount');
    expect(fieldOf(() => planAttempt({ mode: 'mock', timeLimitMinutes: null }))).toBe('body.timeLimitMinutes');
    expect(fieldOf(() => planAttempt({ mode: 'mock', feedback: 'immediate' }))).toBe('body.feedback');
    expect(fieldOf(() => planAttempt({ mode: 'mock', domains: ['secure'] }))).toBe('body.domains');
    expect(fieldOf(() => planAttempt({ mode: 'drill', sections: ['lambda'] }))).toBe('body.sections');
  });

  it('defaults practice to 20 untimed deferred questions from everywhere', () => {
    expect(planAttempt({ mode: 'practice' })).toMatchObject({
      questionCount: 20,
      timeLimitMinutes: null,
      feedback: 'deferred',
      domains: null,
      sections: null,
    });
    expect(planAttempt({ mode: 'practice', timeLimitMinutes: null, domains: [], sections: [] })).toMatchObject({
      timeLimitMinutes: null,
      domains: null,
      sections: null,
    });
  });

  it('names an unknown section by its index', () => {
    expect(fieldOf(() => planAttempt({ mode: 'practice', sections: ['lambda', 'no-such-section'] }))).toBe(
      'body.sections.1',
    );
  });

  it('makes drills untimed with immediate feedback unless asked otherwise', () => {
    expect(planAttempt({ mode: 'drill' })).toMatchObject({
      questionCount: 20,
      timeLimitMinutes: null,
      feedback: 'immediate',
    });
    expect(planAttempt({ mode: 'drill', timeLimitMinutes: 5, feedback: 'deferred' })).toMatchObject({
      timeLimitMinutes: 5,
      feedback: 'deferred',
    });
  });
});
