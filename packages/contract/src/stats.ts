import { z } from 'zod';
import { AttemptMode } from './attempts.ts';
import { DomainId } from './domains.ts';

const Accuracy = z.object({
  answered: z.number().int(),
  correct: z.number().int(),
  /** correct / answered in percent, null before anything was answered. */
  accuracy: z.number().nullable(),
});

export const StatsResponse = z.object({
  attemptsSubmitted: z.number().int(),
  /** Up to the last 50 scored attempts, oldest first. */
  trend: z.array(
    z.object({
      attemptId: z.string(),
      mode: AttemptMode,
      submittedAt: z.iso.datetime(),
      percent: z.number(),
      /** Mocks only; null for practice and drills. */
      scaledScore: z.number().int().nullable(),
    }),
  ),
  domains: z.array(Accuracy.extend({ domain: DomainId, name: z.string() })),
  sections: z.array(Accuracy.extend({ section: z.string(), title: z.string() })),
  /** Up to 5 sections with the lowest accuracy among those with at least 3 answers. */
  weakestSections: z.array(Accuracy.extend({ section: z.string(), title: z.string() })),
  readiness: z.object({
    /** Mean estimated scaled score of the last three full mocks; null before the first. */
    scaledScore: z.number().int().nullable(),
    basedOnMocks: z.number().int(),
    passingScore: z.number().int(),
    ready: z.boolean(),
    /**
     * The 95% range of the estimate (Wilson interval over every question of those mocks, on the
     * same estimated scale); null before the first mock.
     */
    range: z.object({ low: z.number().int(), high: z.number().int() }).nullable(),
    /** With fewer than three mocks: how many more, and about how narrow (± points) the range would then be. */
    narrowing: z.object({ moreMocks: z.number().int(), halfWidth: z.number().int() }).nullable(),
  }),
  drill: z.object({ due: z.number().int(), scheduled: z.number().int() }),
});
export type StatsResponse = z.infer<typeof StatsResponse>;
