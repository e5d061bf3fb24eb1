import { z } from 'zod';
import { REPORT_REASON_LABEL, REPORT_REASONS } from './constants.ts';

export { REPORT_REASON_LABEL };

/** Why a question is reported. */
export const ReportReason = z.enum(REPORT_REASONS);
export type ReportReason = z.infer<typeof ReportReason>;

export const CreateReportRequest = z.object({
  reason: ReportReason,
  /** What is wrong, in the reporter's words; required for "other". */
  text: z.string().trim().max(2000, { message: 'reports are at most 2000 characters' }).default(''),
});
export type CreateReportRequest = z.input<typeof CreateReportRequest>;

export const ReportResponse = z.object({
  id: z.string(),
  questionId: z.string(),
  reason: ReportReason,
  text: z.string(),
  status: z.enum(['open', 'closed']),
  createdAt: z.iso.datetime(),
});
export type ReportResponse = z.infer<typeof ReportResponse>;
