import type { User } from '@saa/contract/auth';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { ApiError, apiRequest } from '../api-client.ts';

export const meQueryKey = ['auth', 'me'] as const;

/** The signed-in user, or null when there is no session (401 is an answer here, not an error). */
export async function getMe(signal?: AbortSignal): Promise<User | null> {
  // The schema is loaded on demand: this query runs from the initial chunk, which stays zod-free.
  const { UserResponse } = await import('@saa/contract/auth');
  try {
    return (await apiRequest('/auth/me', UserResponse, { signal })).user;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export const meQueryOptions = () =>
  queryOptions({ queryKey: meQueryKey, queryFn: ({ signal }) => getMe(signal), staleTime: 5 * 60_000 });

export const useMe = () => useQuery(meQueryOptions());
