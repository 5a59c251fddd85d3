import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TenantView } from '@navaia/shared';
import { api } from '../../../lib/api-client';
import { useTenantId } from '../../../lib/auth-store';

export function getTenant(signal?: AbortSignal): Promise<TenantView> {
  return api.get<TenantView>('/tenant', { signal });
}

export function getTenantQueryOptions(tenantId: string) {
  return queryOptions({
    queryKey: [tenantId, 'tenant'] as const,
    queryFn: ({ signal }) => getTenant(signal),
  });
}

export function useTenant() {
  return useQuery(getTenantQueryOptions(useTenantId()));
}
