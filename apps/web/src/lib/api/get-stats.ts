import type { StatsResponse } from '@saa/contract/stats';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../api-client.ts';

export const statsQueryKey = ['stats'] as const;

export function getStats(signal?: AbortSignal): Promise<StatsResponse> {
  return apiRequest<StatsResponse>('/stats', { signal });
}

export const statsQueryOptions = () =>
  queryOptions({ queryKey: statsQueryKey, queryFn: ({ signal }) => getStats(signal), staleTime: 30_000 });

export const useStats = () => useQuery(statsQueryOptions());
