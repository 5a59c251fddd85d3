import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UpdateUserDto, UserView } from '@navaia/shared';
import { api } from '../../../lib/api-client';
import { authStore, useTenantId } from '../../../lib/auth-store';
import { usersQueryKey } from './get-users';

export type UpdateUserBody = Pick<UpdateUserDto, 'name' | 'role'>;

export function updateUser(id: string, body: UpdateUserBody): Promise<UserView> {
  return api.patch<UserView>(`/users/${encodeURIComponent(id)}`, body);
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  const tenantId = useTenantId();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateUserBody & { id: string }) => updateUser(id, body),
    onSuccess: (user) => {
      // Keep the header's name and role right when people edit themselves.
      if (authStore.getState().user?.id === user.id) authStore.setUser(user);
      return queryClient.invalidateQueries({ queryKey: usersQueryKey(tenantId) });
    },
  });
}
