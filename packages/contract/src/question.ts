import { z } from 'zod';
import { DomainId } from './domains.ts';

export const QuestionType = z.enum(['single', 'multiple']);
export type QuestionType = z.infer<typeof QuestionType>;

/**
 * `scenario`: a situation with a requirement and constraints, asking for the best design, as on the
 * real exam (mocks draw only these). `recall`: a short fact check, for practice and drills.
 */
export const QuestionStyle = z.enum(['scenario', 'recall']);
export type QuestionStyle = z.infer<typeof QuestionStyle>;

/** An AWS documentation page that supports the key. */
export const ReferenceUrl = z.url({ protocol: /^https$/, hostname: /^(docs\.aws\.amazon\.com|aws\.amazon\.com)$/ });

export const OptionId = z.string().regex(/^[a-f]$/, 'option ids are single letters a-f');

export const QuestionOption = z.object({
  id: OptionId,
  text: z.string().trim().min(1),
  correct: z.boolean(),
  rationale: z.string().trim().min(10),
});
export type QuestionOption = z.infer<typeof QuestionOption>;

const CHOOSE_SUFFIX = { 2: '(Choose TWO.)', 3: '(Choose THREE.)' } as const;

/**
 * A question with its answer key, as the bank stores and exports it.
 * Never sent to a browser while an attempt is in progress.
 */
export const Question = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are kebab-case'),
    section: z.string().min(1),
    domain: DomainId,
    type: QuestionType,
    stem: z.string().trim().min(20),
    options: z.array(QuestionOption).min(4).max(6),
    explanation: z.string().trim().min(20),
    difficulty: z.number().int().min(1).max(3),
    style: QuestionStyle,
    references: z.array(ReferenceUrl).max(3),
    correction: z.string().trim().min(10).optional(),
  })
  .superRefine((q, ctx) => {
    const correct = q.options.filter((o) => o.correct).length;
    const shapeOk =
      q.type === 'single'
        ? q.options.length === 4 && correct === 1
        : (q.options.length === 5 && correct === 2) || (q.options.length === 6 && correct === 3);
    if (!shapeOk) {
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: `a ${q.type} question needs ${q.type === 'single' ? '4 options with 1 correct' : '5 options with 2 correct or 6 with 3'}; got ${q.options.length} with ${correct} correct`,
      });
    }
    if (q.type === 'multiple' && shapeOk) {
      const suffix = CHOOSE_SUFFIX[correct as 2 | 3];
      if (!q.stem.endsWith(suffix)) {
        ctx.addIssue({ code: 'custom', path: ['stem'], message: `must end with "${suffix}"` });
      }
    }
    if (q.type === 'single' && /\(Choose (TWO|THREE)\.\)$/.test(q.stem)) {
      ctx.addIssue({ code: 'custom', path: ['stem'], message: 'a single-answer stem must not say "Choose"' });
    }
    const ids = q.options.map((o) => o.id);
    const expected = 'abcdef'.slice(0, ids.length).split('');
    if (ids.join('') !== expected.join('')) {
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: `option ids must be ${expected.join(', ')} in order`,
      });
    }
  });
export type Question = z.infer<typeof Question>;

/** How many options a question asks for: 1 for single answer, 2 or 3 for multiple response. */
export function chooseCount(question: Pick<Question, 'options'>): number {
  return question.options.filter((o) => o.correct).length;
}
