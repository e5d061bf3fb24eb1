import { DomainId } from '@saa/contract/domains';
import { z } from 'zod';

/** Schemas of the YAML files under data/ (see FORMAT.md). Strict, so a typo in a key is an error. */

const Text = z.string().trim().min(1);
const Difficulty = z.number().int().min(1).max(3);

export const AuthoredOption = z.strictObject({
  text: Text,
  correct: z.boolean().default(false),
  rationale: Text,
});

export const AuthoredQuestion = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are kebab-case'),
  section: Text,
  domain: DomainId,
  difficulty: Difficulty,
  stem: Text,
  options: z.array(AuthoredOption).min(4).max(6),
  explanation: Text,
  correction: Text.optional(),
});
export type AuthoredQuestion = z.infer<typeof AuthoredQuestion>;

export const AuthoredFile = z.strictObject({ questions: z.array(AuthoredQuestion).min(1) });

const FactBase = {
  domain: DomainId.optional(),
  difficulty: Difficulty.optional(),
  correction: Text.optional(),
};

export const LimitFact = z.strictObject({
  kind: z.literal('limit'),
  question: Text,
  value: z.number(),
  unit: Text.optional(),
  near: z.array(z.number()).length(3),
  why: Text,
  ...FactBase,
});

const Distractor = z.union([Text, z.strictObject({ text: Text, why: Text })]);

export const ChoiceFact = z.strictObject({
  kind: z.literal('choice'),
  question: Text,
  answer: Text,
  category: Text.optional(),
  exclude: z.array(Text).optional(),
  distractors: z.array(Distractor).min(3).optional(),
  why: Text,
  ...FactBase,
});

const Claim = z.strictObject({ text: Text, why: Text });

export const ClaimsFact = z.strictObject({
  kind: z.literal('claims'),
  topic: Text,
  true: z.array(Claim).min(1).max(4),
  false: z.array(Claim).min(3),
  ...FactBase,
});

export const Fact = z.discriminatedUnion('kind', [LimitFact, ChoiceFact, ClaimsFact]);
export type Fact = z.infer<typeof Fact>;
export type LimitFact = z.infer<typeof LimitFact>;
export type ChoiceFact = z.infer<typeof ChoiceFact>;
export type ClaimsFact = z.infer<typeof ClaimsFact>;

export const FactsFile = z.strictObject({
  section: Text,
  domain: DomainId,
  facts: z.array(Fact).min(1),
});
export type FactsFile = z.infer<typeof FactsFile>;

export const CategoryMember = z.strictObject({ name: Text, summary: Text });
export type CategoryMember = z.infer<typeof CategoryMember>;

export const CategoriesFile = z.strictObject({
  categories: z.record(z.string(), z.array(CategoryMember).min(1)),
});
