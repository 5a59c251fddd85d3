import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { CustomerView, Page } from '@navaia/shared';
import { api } from '../../../lib/api-client';
import { useTenantId } from '../../../lib/auth-store';
import { customersQueryKey } from './get-customers';

const PICKER_SIZE = 20;

export function searchCustomers(search: string, signal?: AbortSignal) {
  return api.get<Page<CustomerView>>('/customers', {
    query: { search: search.trim() || undefined, limit: PICKER_SIZE },
    signal,
  });
}

export function searchCustomersQueryOptions(tenantId: string, search: string) {
  return queryOptions({
    queryKey: [...customersQueryKey(tenantId), 'search', search.trim()] as const,
    queryFn: ({ signal }) => searchCustomers(search, signal),
  });
}

/** Customers matching what was typed into a picker (name, email or phone). */
export function useCustomerSearch(search: string, enabled = true) {
  return useQuery({
    ...searchCustomersQueryOptions(useTenantId(), search),
    enabled,
    placeholderData: keepPreviousData,
  });
}
