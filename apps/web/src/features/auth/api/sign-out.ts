import { useMutation, useQueryClient } from '@tanstack/react-query';
import { forgetLastUser, meQueryKey } from '../../../lib/api/get-me.ts';
import { apiRequest, noContent } from '../../../lib/api-client.ts';

// No zod here on purpose: the app layout (initial chunk) uses this, and a 204 has no body to check.
export function signOut(): Promise<void> {
  return apiRequest('/auth/logout', noContent, { method: 'POST' });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    onSuccess: () => {
      // Nothing about this user may stay in memory for whoever uses the browser next.
      queryClient.clear();
      forgetLastUser();
      queryClient.setQueryData(meQueryKey, null);
    },
  });
}
