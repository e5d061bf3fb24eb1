import type { AttemptListResponse } from '@saa/contract/attempts';
import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../api-client.ts';

/** Prefix of every attempt-list query, for invalidation after an attempt starts or ends. */
export const attemptListQueryKey = ['attempts', 'list'] as const;

export function listAttempts(limit: number, cursor: string | null, signal?: AbortSignal): Promise<AttemptListResponse> {
  const params = new URLSearchParams({ limit: String(limit) });
  if (cursor) params.set('cursor', cursor);
  return apiRequest<AttemptListResponse>(`/attempts?${params}`, { signal });
}

/** The newest few attempts, for the dashboard. */
export const recentAttemptsQueryOptions = (limit: number) =>
  queryOptions({
    queryKey: [...attemptListQueryKey, 'recent', limit],
    queryFn: ({ signal }) => listAttempts(limit, null, signal),
    staleTime: 30_000,
  });

export const useRecentAttempts = (limit: number) => useQuery(recentAttemptsQueryOptions(limit));

/** Every attempt, page by page along the server's opaque cursor. */
export const attemptPagesQueryOptions = (pageSize: number) =>
  infiniteQueryOptions({
    queryKey: [...attemptListQueryKey, 'pages', pageSize],
    queryFn: ({ pageParam, signal }) => listAttempts(pageSize, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    staleTime: 30_000,
  });

export const useAttemptPages = (pageSize: number) => useInfiniteQuery(attemptPagesQueryOptions(pageSize));
