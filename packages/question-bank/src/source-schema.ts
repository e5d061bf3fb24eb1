import { DomainId } from '@saa/contract/domains';
import { QuestionStyle } from '@saa/contract/question';
import { z } from 'zod';

/** Schema of the YAML files under data/questions (see FORMAT.md). Strict, so a typo in a key is an error. */

const Text = z.string().trim().min(1);

export const SourceOption = z.strictObject({
  text: Text,
  correct: z.boolean().default(false),
  rationale: Text,
});

export const SourceQuestion = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are kebab-case; run pnpm bank:assign-ids for new items'),
  domain: DomainId,
  style: QuestionStyle,
  difficulty: z.number().int().min(1).max(3),
  stem: Text,
  options: z.array(SourceOption).min(4).max(6),
  explanation: Text,
  // How many, and on which hosts, is a quality gate (quality.ts), so that a missing reference is
  // reported with the others instead of hiding the question.
  references: z.array(Text).default([]),
  correction: Text.optional(),
});
export type SourceQuestion = z.infer<typeof SourceQuestion>;

export const QuestionFile = z.strictObject({
  section: Text,
  questions: z.array(SourceQuestion).min(1),
});
export type QuestionFile = z.infer<typeof QuestionFile>;
