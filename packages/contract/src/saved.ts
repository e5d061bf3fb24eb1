import { z } from 'zod';
import { DomainId } from './domains.ts';
import { QuestionStyle, QuestionType, ReferenceUrl } from './question.ts';

/** A bank question id as shown in review (never sent while an attempt is open). */
export const QuestionIdParams = z.object({
  questionId: z
    .string()
    .min(1)
    .max(120)
    .regex(/^[a-z0-9-]+$/, { message: 'must be a question id as shown in a review' }),
});

export const SaveQuestionRequest = z.object({
  /** A private note; absent keeps the existing note, an empty string clears it. */
  note: z.string().max(2000, { message: 'notes are at most 2000 characters' }).optional(),
});
export type SaveQuestionRequest = z.infer<typeof SaveQuestionRequest>;

/** A question the user has already seen, with its key and teaching text. */
export const SeenQuestion = z.object({
  questionId: z.string(),
  type: QuestionType,
  style: QuestionStyle,
  choose: z.number().int(),
  stem: z.string(),
  /** In bank order. */
  options: z.array(z.object({ id: z.string(), text: z.string(), correct: z.boolean(), rationale: z.string() })),
  explanation: z.string(),
  correction: z.string().nullable(),
  references: z.array(ReferenceUrl),
  domain: DomainId,
  section: z.string(),
  sectionTitle: z.string(),
});
export type SeenQuestion = z.infer<typeof SeenQuestion>;

export const SavedQuestion = z.object({
  questionId: z.string(),
  note: z.string(),
  savedAt: z.iso.datetime(),
  question: SeenQuestion,
});
export type SavedQuestion = z.infer<typeof SavedQuestion>;

export const SavedQuestionResponse = SavedQuestion;
export type SavedQuestionResponse = SavedQuestion;
export const SavedListResponse = z.object({ items: z.array(SavedQuestion) });
export type SavedListResponse = z.infer<typeof SavedListResponse>;

export const SeenSearchQuery = z.object({
  q: z.string().trim().min(2, { message: 'type at least 2 characters' }).max(200),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type SeenSearchQuery = z.infer<typeof SeenSearchQuery>;

export const SeenSearchResponse = z.object({
  items: z.array(SeenQuestion.extend({ saved: z.boolean() })),
});
export type SeenSearchResponse = z.infer<typeof SeenSearchResponse>;
