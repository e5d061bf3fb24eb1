import type { SessionResponse, User } from '@saa/contract/auth';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../api-client.ts';
import { readJson, removeKey, writeJson } from '../storage.ts';

export const meQueryKey = ['auth', 'me'] as const;
const LAST_USER = 'saa:last-user';

/**
 * The signed-in user, or null when there is no session. GET /auth/session answers 200 either way,
 * so a signed-out first visit shows no failed request in the browser's console.
 */
export async function getMe(signal?: AbortSignal): Promise<User | null> {
  try {
    const { user } = await apiRequest<SessionResponse>('/auth/session', { signal });
    if (user) writeJson(LAST_USER, user);
    else removeKey(LAST_USER);
    return user;
  } catch (error) {
    // Offline: whoever was signed in on this device last, so that a running exam still opens
    // (the server checks the session again with every answer sent).
    const last = error instanceof TypeError ? readJson<User>(LAST_USER) : null;
    if (last) return last;
    throw error;
  }
}

/** Whether the server last said someone is signed in on this device (kept by getMe). */
export function seemsSignedIn(): boolean {
  return readJson<User>(LAST_USER) !== null;
}

/** Forgets the signed-in user kept for offline use (sign-out, deletion). */
export function forgetLastUser(): void {
  removeKey(LAST_USER);
}

export const meQueryOptions = () =>
  queryOptions({ queryKey: meQueryKey, queryFn: ({ signal }) => getMe(signal), staleTime: 5 * 60_000 });

export const useMe = () => useQuery(meQueryOptions());

/**
 * The user of a page behind a session. While the server is asked, whoever it last said was signed
 * in on this device stands in, so that a returning candidate's page renders at once rather than a
 * round trip later. A null answer, or a 401 from any request (query-client.ts), still ends in the
 * sign-in page, and every request is checked by the server anyway.
 */
export const useSessionUser = () =>
  useQuery({ ...meQueryOptions(), placeholderData: () => readJson<User>(LAST_USER) ?? undefined });
