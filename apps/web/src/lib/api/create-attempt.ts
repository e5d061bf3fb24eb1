import type { AttemptResponse, CreateAttemptRequest } from '@saa/contract/attempts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../api-client.ts';
import { statsQueryKey } from './get-stats.ts';
import { attemptListQueryKey } from './list-attempts.ts';

export function createAttempt(request: CreateAttemptRequest): Promise<AttemptResponse> {
  return apiRequest<AttemptResponse>('/attempts', { method: 'POST', body: request });
}

export function useCreateAttempt() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createAttempt,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: attemptListQueryKey });
      // A drill consumes due cards, which the dashboard counts.
      void queryClient.invalidateQueries({ queryKey: statsQueryKey });
    },
  });
}
