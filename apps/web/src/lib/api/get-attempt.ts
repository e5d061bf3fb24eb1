import type { AttemptResponse } from '@saa/contract/attempts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../api-client.ts';

export const attemptQueryKey = (id: string) => ['attempts', 'detail', id] as const;

export function getAttempt(id: string, signal?: AbortSignal): Promise<AttemptResponse> {
  return apiRequest<AttemptResponse>(`/attempts/${encodeURIComponent(id)}`, { signal });
}

export const attemptQueryOptions = (id: string) =>
  queryOptions({
    queryKey: attemptQueryKey(id),
    queryFn: ({ signal }) => getAttempt(id, signal),
    // remainingSeconds and status change with the server's clock: always ask again on a new visit.
    staleTime: 0,
  });

export const useAttempt = (id: string) => useQuery(attemptQueryOptions(id));
