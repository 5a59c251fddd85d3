import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { useTenantId } from '../../../lib/auth-store';
import { usersQueryKey } from './get-users';

export function deleteUser(id: string): Promise<void> {
  return api.delete(`/users/${encodeURIComponent(id)}`);
}

export function useDeleteUser() {
  const queryClient = useQueryClient();
  const tenantId = useTenantId();
  return useMutation({
    mutationFn: deleteUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersQueryKey(tenantId) }),
  });
}
