import { useMutation, useQueryClient } from '@tanstack/react-query';
import { savedListQueryKey } from '../../../lib/api/list-saved.ts';
import { apiRequest } from '../../../lib/api-client.ts';

/** Saves (or unsaves) the question at a position of a running attempt: no bank id is on screen then. */
export function setSavedAtPosition(attemptId: string, position: number, saved: boolean): Promise<void> {
  return apiRequest<void>(`/attempts/${encodeURIComponent(attemptId)}/saved/${position}`, {
    method: saved ? 'PUT' : 'DELETE',
  });
}

export function useSavedAtPosition(attemptId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ position, saved }: { position: number; saved: boolean }) =>
      setSavedAtPosition(attemptId, position, saved),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: savedListQueryKey }),
  });
}
