import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TenantView, UpdateTenantDto } from '@navaia/shared';
import { api } from '../../../lib/api-client';
import { authStore, useTenantId } from '../../../lib/auth-store';
import { getTenantQueryOptions } from './get-tenant';

/**
 * The PATCH body: the DTO's fields, where `null` clears an optional value (the DTO's
 * `@IsOptional` accepts it) because leaving a key out keeps the stored value.
 */
export type UpdateTenantBody = {
  [K in keyof UpdateTenantDto]?: NullableLeaves<NonNullable<UpdateTenantDto[K]>>;
};
type NullableLeaves<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [K in keyof T]?: NullableLeaves<NonNullable<T[K]>> | null }
    : T;

export function updateTenant(body: UpdateTenantBody): Promise<TenantView> {
  return api.patch<TenantView>('/tenant', body);
}

export function useUpdateTenant() {
  const queryClient = useQueryClient();
  const tenantId = useTenantId();
  return useMutation({
    mutationFn: updateTenant,
    onSuccess: (tenant) => {
      queryClient.setQueryData(getTenantQueryOptions(tenantId).queryKey, tenant);
      // The header shows the organisation's name from the session.
      authStore.setTenant(tenant);
    },
  });
}
