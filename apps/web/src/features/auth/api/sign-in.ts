import type { LoginRequest, UserResponse } from '@saa/contract/auth';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { meQueryKey } from '../../../lib/api/get-me.ts';
import { apiRequest } from '../../../lib/api-client.ts';

export async function signIn(request: LoginRequest) {
  return (await apiRequest<UserResponse>('/auth/login', { method: 'POST', body: request })).user;
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signIn,
    onSuccess: (user) => {
      // Nothing cached for a previous user may show to this one.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
      queryClient.setQueryData(meQueryKey, user);
    },
  });
}
