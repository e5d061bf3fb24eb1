import type { ChangePasswordRequest, DeleteAccountRequest, ResetPasswordRequest } from '@saa/contract/auth';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { forgetLastUser, meQueryKey } from '../../../lib/api/get-me.ts';
import { apiRequest, noContent } from '../../../lib/api-client.ts';

export function changePassword(request: ChangePasswordRequest): Promise<void> {
  return apiRequest('/auth/password', noContent, { method: 'POST', body: request });
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
  return apiRequest('/auth/logout-all', noContent, { method: 'POST' });
}

export const useSignOutEverywhere = () => useSignedOutAfter<void>(signOutEverywhere);

export function deleteAccount(request: DeleteAccountRequest): Promise<void> {
  return apiRequest('/auth/me', noContent, { method: 'DELETE', body: request });
}

export const useDeleteAccount = () => useSignedOutAfter<DeleteAccountRequest>(deleteAccount);

export function resetPassword(request: ResetPasswordRequest): Promise<void> {
  return apiRequest('/auth/reset-password', noContent, { method: 'POST', body: request });
}

export const useResetPassword = () => useMutation({ mutationFn: resetPassword });
