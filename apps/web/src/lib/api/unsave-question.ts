import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../api-client.ts';
import { savedListQueryKey } from './list-saved.ts';

export function unsaveQuestion(questionId: string): Promise<void> {
  return apiRequest<void>(`/saved/${encodeURIComponent(questionId)}`, { method: 'DELETE' });
}

export function useUnsaveQuestion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: unsaveQuestion,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: savedListQueryKey }),
  });
}
