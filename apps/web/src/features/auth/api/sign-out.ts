import { useMutation, useQueryClient } from '@tanstack/react-query';
import { forgetLastUser, meQueryKey } from '../../../lib/api/get-me.ts';
import { apiRequest } from '../../../lib/api-client.ts';

// A 204: nothing to read.
export function signOut(): Promise<void> {
  return apiRequest<void>('/auth/logout', { method: 'POST' });
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
