import type { CreateReportRequest, ReportResponse } from '@saa/contract/reports';
import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '../api-client.ts';

/** Where a question is known: by its bank id (review), or by its position in a running attempt. */
export type ReportTarget = { questionId: string } | { attemptId: string; position: number };

export function reportQuestion(target: ReportTarget, request: CreateReportRequest): Promise<ReportResponse> {
  const path =
    'questionId' in target
      ? `/questions/${encodeURIComponent(target.questionId)}/reports`
      : `/attempts/${encodeURIComponent(target.attemptId)}/questions/${target.position}/reports`;
  return apiRequest<ReportResponse>(path, { method: 'POST', body: request });
}

export function useReportQuestion() {
  return useMutation({
    mutationFn: ({ target, request }: { target: ReportTarget; request: CreateReportRequest }) =>
      reportQuestion(target, request),
  });
}
