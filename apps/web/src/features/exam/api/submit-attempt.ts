import type { SubmitResponse } from '@saa/contract/attempts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { attemptQueryKey } from '../../../lib/api/get-attempt.ts';
import { statsQueryKey } from '../../../lib/api/get-stats.ts';
import { attemptListQueryKey } from '../../../lib/api/list-attempts.ts';
import { apiRequest } from '../../../lib/api-client.ts';

export function submitAttempt(attemptId: string): Promise<SubmitResponse> {
  return apiRequest<SubmitResponse>(`/attempts/${encodeURIComponent(attemptId)}/submit`, { method: 'POST' });
}

export function useSubmitAttempt() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: submitAttempt,
    // Also after a failure: a 409 (time ran out) means the server scored the attempt itself.
    onSettled: (_data, _error, attemptId) => {
      void queryClient.invalidateQueries({ queryKey: attemptQueryKey(attemptId) });
      void queryClient.invalidateQueries({ queryKey: attemptListQueryKey });
      void queryClient.invalidateQueries({ queryKey: statsQueryKey });
    },
  });
}
