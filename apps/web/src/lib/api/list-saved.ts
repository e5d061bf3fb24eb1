import type { SavedListResponse } from '@saa/contract/saved';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../api-client.ts';

export const savedListQueryKey = ['saved'] as const;

export function listSaved(signal?: AbortSignal): Promise<SavedListResponse> {
  return apiRequest<SavedListResponse>('/saved', { signal });
}

export const savedListQueryOptions = () =>
  queryOptions({ queryKey: savedListQueryKey, queryFn: ({ signal }) => listSaved(signal) });

export const useSavedList = () => useQuery(savedListQueryOptions());
