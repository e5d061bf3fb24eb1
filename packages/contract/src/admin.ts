import { z } from 'zod';
import { DomainId } from './domains.ts';
import { QuestionStyle } from './question.ts';
import { ReportReason } from './reports.ts';

/** Which items to list: with open reports, or flagged by their statistics (from 30 answers on). */
export const ItemFlag = z.enum(['reported', 'hard', 'easy', 'negative-discrimination']);
export type ItemFlag = z.infer<typeof ItemFlag>;

export const AdminItemsQuery = z.object({ flag: ItemFlag.default('reported') });

export const AdminItem = z.object({
  questionId: z.string(),
  domain: DomainId,
  section: z.string(),
  sectionTitle: z.string(),
  style: QuestionStyle,
  stem: z.string(),
  options: z.array(z.object({ id: z.string(), text: z.string(), correct: z.boolean(), rationale: z.string() })),
  explanation: z.string(),
  stats: z.object({
    /** Answered presentations in scored mocks and practice sets. */
    answered: z.number().int(),
    /** Share right; null before any answer. */
    facility: z.number().nullable(),
    /** Point-biserial against the rest of the attempt; null while undefined. */
    discrimination: z.number().nullable(),
    /** Share of answers choosing each option. */
    optionShares: z.array(z.object({ optionId: z.string(), share: z.number() })),
  }),
  flags: z.array(ItemFlag.exclude(['reported'])),
  reports: z.array(z.object({ reason: ReportReason, text: z.string(), createdAt: z.iso.datetime() })),
  /** Out of mocks until the bank's sources are fixed. */
  suspended: z.boolean(),
});
export type AdminItem = z.infer<typeof AdminItem>;

export const AdminItemsResponse = z.object({
  flag: ItemFlag,
  thresholds: z.object({
    minAnswers: z.number().int(),
    hardBelow: z.number(),
    easyAbove: z.number(),
    discriminationBelow: z.number(),
  }),
  items: z.array(AdminItem),
});
export type AdminItemsResponse = z.infer<typeof AdminItemsResponse>;
