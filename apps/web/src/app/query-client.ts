import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { meQueryKey } from '../lib/api/get-me.ts';
import { ApiError } from '../lib/api-client.ts';

// A 401 anywhere means the session ended (expired, revoked, signed out in another tab): forgetting
// the user makes the auth guard send them to the sign-in page, which brings them back afterwards.
function onUnauthorized(error: unknown) {
  if (error instanceof ApiError && error.status === 401) queryClient.setQueryData(meQueryKey, null);
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onUnauthorized }),
  mutationCache: new MutationCache({ onError: onUnauthorized }),
  defaultOptions: {
    queries: {
      // A 4xx will not change by asking again; network errors and 5xx might.
      retry: (failureCount, error) => !(error instanceof ApiError && error.status < 500) && failureCount < 2,
      refetchOnWindowFocus: false,
    },
  },
});
