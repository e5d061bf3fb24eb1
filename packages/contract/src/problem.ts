import { z } from 'zod';

/** RFC 9457 problem details: the one shape of every error the API returns. */
export const ProblemResponse = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  instance: z.string().optional(),
  /** The stable machine-readable code (e.g. `attempt_expired`). */
  code: z.string(),
  /** Set on validation errors: each failing field and what is wrong with it. */
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  requestId: z.string().optional(),
  /** 409 mock_in_progress: the mock already running, to resume instead of starting another. */
  attemptId: z.string().optional(),
});
export type ProblemResponse = z.infer<typeof ProblemResponse>;
