import type { SeenSearchResponse } from '@saa/contract/saved';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

export const seenSearchQueryKey = (q: string) => ['seen', q] as const;

export function searchSeen(q: string, signal?: AbortSignal): Promise<SeenSearchResponse> {
  return apiRequest<SeenSearchResponse>(`/seen?q=${encodeURIComponent(q)}&limit=30`, { signal });
}

export const seenSearchQueryOptions = (q: string) =>
  queryOptions({
    queryKey: seenSearchQueryKey(q),
    queryFn: ({ signal }) => searchSeen(q, signal),
    enabled: q.trim().length >= 2,
    placeholderData: keepPreviousData,
  });

export const useSeenSearch = (q: string) => useQuery(seenSearchQueryOptions(q));
