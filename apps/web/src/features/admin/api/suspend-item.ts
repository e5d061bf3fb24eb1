import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

/** Takes a question out of mocks, or puts it back. */
export function setSuspended(questionId: string, suspended: boolean): Promise<void> {
  return apiRequest<void>(`/admin/items/${encodeURIComponent(questionId)}/suspend`, {
    method: suspended ? 'POST' : 'DELETE',
  });
}

export function useSetSuspended() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ questionId, suspended }: { questionId: string; suspended: boolean }) =>
      setSuspended(questionId, suspended),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['admin', 'items'] }),
  });
}
