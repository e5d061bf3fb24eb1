import type { CatalogResponse } from '@saa/contract/catalog';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../api-client.ts';

export const catalogQueryKey = ['catalog'] as const;

export function getCatalog(signal?: AbortSignal): Promise<CatalogResponse> {
  return apiRequest<CatalogResponse>('/catalog', { signal });
}

// The catalog changes only with a new release of the question bank.
export const catalogQueryOptions = () =>
  queryOptions({ queryKey: catalogQueryKey, queryFn: ({ signal }) => getCatalog(signal), staleTime: 60 * 60_000 });

export const useCatalog = () => useQuery(catalogQueryOptions());
