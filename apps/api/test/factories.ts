import type { Question } from '@saa/contract/question';

let counter = 0;

/** A valid single-answer bank question; override any field. */
export function questionFactory(overrides: Partial<Question> = {}): Question {
  counter += 1;
  return {
    id: `factory-question-${counter}`,
    section: 'rds-multi-az',
    domain: 'resilient',
    type: 'single',
    stem: `Factory question number ${counter}: which option is the right one?`,
    options: ['a', 'b', 'c', 'd'].map((id) => ({
      id,
      text: `Option ${id.toUpperCase()} of question ${counter}`,
      correct: id === 'b',
      rationale: id === 'b' ? 'This is the keyed option.' : 'This option is a distractor.',
    })),
    explanation: 'Explains why option B is the keyed answer.',
    difficulty: 2,
    origin: 'authored',
    ...overrides,
  };
}
