import type { User } from '@saa/contract/auth';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../api-client.ts';

export const meQueryKey = ['auth', 'me'] as const;

/**
 * The signed-in user, or null when there is no session. GET /auth/session answers 200 either way,
 * so a signed-out first visit shows no failed request in the browser's console.
 */
export async function getMe(signal?: AbortSignal): Promise<User | null> {
  // The schema is loaded on demand: this query runs from the initial chunk, which stays zod-free.
  const { SessionResponse } = await import('@saa/contract/auth');
  return (await apiRequest('/auth/session', SessionResponse, { signal })).user;
}

export const meQueryOptions = () =>
  queryOptions({ queryKey: meQueryKey, queryFn: ({ signal }) => getMe(signal), staleTime: 5 * 60_000 });

export const useMe = () => useQuery(meQueryOptions());
