import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { CustomerView, Page } from '@navaia/shared';
import { api } from '../../../lib/api-client';
import { useTenantId } from '../../../lib/auth-store';
import { queryRoots } from '../../../lib/query-keys';

export const CUSTOMERS_PAGE_SIZE = 25;

export interface CustomerFilters {
  search?: string;
  tag?: string;
  doNotCall?: boolean;
}

export interface GetCustomersParams extends CustomerFilters {
  limit?: number;
  cursor?: string | null;
}

export function getCustomers(
  { limit = CUSTOMERS_PAGE_SIZE, ...params }: GetCustomersParams = {},
  signal?: AbortSignal,
): Promise<Page<CustomerView>> {
  return api.get<Page<CustomerView>>('/customers', { query: { limit, ...params }, signal });
}

/** The prefix of every customers query of a tenant; mutations invalidate through it. */
export function customersQueryKey(tenantId: string) {
  return queryRoots.customers(tenantId);
}

export function getCustomersQueryOptions(tenantId: string, params: GetCustomersParams = {}) {
  return queryOptions({
    queryKey: [...customersQueryKey(tenantId), 'list', params] as const,
    queryFn: ({ signal }) => getCustomers(params, signal),
  });
}

/** One page of the list; the previous page stays on screen while the next one loads. */
export function useCustomers(params: GetCustomersParams) {
  return useQuery({
    ...getCustomersQueryOptions(useTenantId(), params),
    placeholderData: keepPreviousData,
  });
}
