import type { SignupRequest, UserResponse } from '@saa/contract/auth';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { meQueryKey } from '../../../lib/api/get-me.ts';
import { apiRequest } from '../../../lib/api-client.ts';

export async function signUp(request: SignupRequest) {
  return (await apiRequest<UserResponse>('/auth/signup', { method: 'POST', body: request })).user;
}

export function useSignUp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signUp,
    onSuccess: (user) => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
      queryClient.setQueryData(meQueryKey, user);
    },
  });
}
