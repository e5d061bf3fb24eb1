import type { AdminItemsResponse, ItemFlag } from '@saa/contract/admin';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

export const adminItemsQueryKey = (flag: ItemFlag) => ['admin', 'items', flag] as const;

export function listItems(flag: ItemFlag, signal?: AbortSignal): Promise<AdminItemsResponse> {
  return apiRequest<AdminItemsResponse>(`/admin/items?flag=${encodeURIComponent(flag)}`, { signal });
}

export const adminItemsQueryOptions = (flag: ItemFlag) =>
  queryOptions({ queryKey: adminItemsQueryKey(flag), queryFn: ({ signal }) => listItems(flag, signal) });

export const useAdminItems = (flag: ItemFlag) => useQuery(adminItemsQueryOptions(flag));
