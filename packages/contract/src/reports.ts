import { z } from 'zod';

/** Why a question is reported. */
export const ReportReason = z.enum(['wrong_key', 'outdated', 'unclear', 'typo', 'other']);
export type ReportReason = z.infer<typeof ReportReason>;

export const REPORT_REASON_LABEL: Record<ReportReason, string> = {
  wrong_key: 'The answer key is wrong',
  outdated: 'It is out of date',
  unclear: 'The question or an option is unclear',
  typo: 'A typo or a broken link',
  other: 'Something else',
};

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
