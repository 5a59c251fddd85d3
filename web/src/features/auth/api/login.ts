import { useMutation } from '@tanstack/react-query';
import type { AuthResponse, LoginDto } from '@navaia/shared';
import { api } from '../../../lib/api-client';
import { authStore } from '../../../lib/auth-store';

export type LoginBody = Pick<LoginDto, 'email' | 'password'>;

export function login(body: LoginBody): Promise<AuthResponse> {
  return api.post<AuthResponse>('/auth/login', body);
}

/** Signing in makes the guest-only guard send the user on to where they were going. */
export function useLogin() {
  return useMutation({ mutationFn: login, onSuccess: (session) => authStore.signIn(session) });
}
