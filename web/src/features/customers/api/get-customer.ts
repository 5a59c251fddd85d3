import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CustomerView } from '@navaia/shared';
import { api } from '../../../lib/api-client';
import { useTenantId } from '../../../lib/auth-store';
import { customersQueryKey } from './get-customers';

export function getCustomer(id: string, signal?: AbortSignal): Promise<CustomerView> {
  return api.get<CustomerView>(`/customers/${encodeURIComponent(id)}`, { signal });
}

export function getCustomerQueryOptions(tenantId: string, id: string) {
  return queryOptions({
    queryKey: [...customersQueryKey(tenantId), 'detail', id] as const,
    queryFn: ({ signal }) => getCustomer(id, signal),
  });
}

export function useCustomer(id: string) {
  return useQuery(getCustomerQueryOptions(useTenantId(), id));
}
