import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { authStore } from '../../../lib/auth-store';

export async function logout(): Promise<void> {
  try {
    await api.post<void>('/auth/logout');
  } catch {
    // The local session ends regardless; an unreachable API must not keep anyone signed in.
  } finally {
    authStore.signOut('logout');
  }
}

export function useLogout() {
  return useMutation({ mutationFn: logout });
}
