import type { ChangePasswordRequest, DeleteAccountRequest, ResetPasswordRequest } from '@saa/contract/auth';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { forgetLastUser, meQueryKey } from '../../../lib/api/get-me.ts';
import { apiRequest } from '../../../lib/api-client.ts';

export function changePassword(request: ChangePasswordRequest): Promise<void> {
  return apiRequest<void>('/auth/password', { method: 'POST', body: request });
}

export const useChangePassword = () => useMutation({ mutationFn: changePassword });

/** Ending every session (or the account) ends this one too: forget everything about the user. */
function useSignedOutAfter<T>(mutationFn: (input: T) => Promise<void>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => {
      queryClient.clear();
      forgetLastUser();
      queryClient.setQueryData(meQueryKey, null);
    },
  });
}

export function signOutEverywhere(): Promise<void> {
  return apiRequest<void>('/auth/logout-all', { method: 'POST' });
}

export const useSignOutEverywhere = () => useSignedOutAfter<void>(signOutEverywhere);

export function deleteAccount(request: DeleteAccountRequest): Promise<void> {
  return apiRequest<void>('/auth/me', { method: 'DELETE', body: request });
}

export const useDeleteAccount = () => useSignedOutAfter<DeleteAccountRequest>(deleteAccount);

export function resetPassword(request: ResetPasswordRequest): Promise<void> {
  return apiRequest<void>('/auth/reset-password', { method: 'POST', body: request });
}

export const useResetPassword = () => useMutation({ mutationFn: resetPassword });
