import { useMutation } from '@tanstack/react-query';
import type { AuthResponse, ChangePasswordDto } from '@navaia/shared';
import { api } from '../../../lib/api-client';
import { authStore } from '../../../lib/auth-store';

export type ChangePasswordBody = Pick<ChangePasswordDto, 'currentPassword' | 'newPassword'>;

export function changePassword(body: ChangePasswordBody): Promise<AuthResponse> {
  return api.post<AuthResponse>('/auth/change-password', body);
}

/** The answer carries a new access token and the user without `mustChangePassword`. */
export function useChangePassword() {
  return useMutation({
    mutationFn: changePassword,
    onSuccess: (session) => authStore.signIn(session),
  });
}
