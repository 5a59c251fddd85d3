import { useMutation } from '@tanstack/react-query';
import type { AuthResponse, RegisterDto } from '@navaia/shared';
import { api } from '../../../lib/api-client';
import { authStore } from '../../../lib/auth-store';

export type RegisterBody = Pick<RegisterDto, 'tenantName' | 'name' | 'email' | 'password'>;

export function register(body: RegisterBody): Promise<AuthResponse> {
  return api.post<AuthResponse>('/auth/register', body);
}

export function useRegister() {
  return useMutation({ mutationFn: register, onSuccess: (session) => authStore.signIn(session) });
}
