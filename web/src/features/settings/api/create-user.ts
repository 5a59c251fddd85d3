import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateUserDto, UserView } from '@navaia/shared';
import { api } from '../../../lib/api-client';
import { useTenantId } from '../../../lib/auth-store';
import { usersQueryKey } from './get-users';

export type CreateUserBody = Pick<CreateUserDto, 'name' | 'email' | 'role' | 'password'>;

export function createUser(body: CreateUserBody): Promise<UserView> {
  return api.post<UserView>('/users', body);
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  const tenantId = useTenantId();
  return useMutation({
    mutationFn: createUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersQueryKey(tenantId) }),
  });
}
