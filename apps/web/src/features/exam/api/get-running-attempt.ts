import { AttemptResponse } from '@saa/contract/attempts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

export interface RunningAttempt {
  attempt: AttemptResponse;
  /** performance.now() when the answer arrived: the anchor for the server's remainingSeconds. */
  receivedAt: number;
}

export const runningAttemptQueryKey = (id: string) => ['attempts', 'running', id] as const;

export async function getRunningAttempt(id: string, signal?: AbortSignal): Promise<RunningAttempt> {
  const attempt = await apiRequest(`/attempts/${encodeURIComponent(id)}`, AttemptResponse, { signal });
  return { attempt, receivedAt: performance.now() };
}

export const runningAttemptQueryOptions = (id: string) =>
  queryOptions({
    queryKey: runningAttemptQueryKey(id),
    queryFn: ({ signal }) => getRunningAttempt(id, signal),
    // Every visit must read the server's clock afresh; a cached copy would resume with stale time.
    staleTime: 0,
    gcTime: 0,
    refetchOnMount: 'always',
    refetchOnReconnect: false,
  });

export const useRunningAttempt = (id: string) => useQuery(runningAttemptQueryOptions(id));
