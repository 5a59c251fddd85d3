import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { CallView, Page } from '@navaia/shared';
import { api } from '../../../lib/api-client';
import { useTenantId } from '../../../lib/auth-store';
import { callsQuery, callsQueryKey, listPollInterval } from './get-calls';

export const CUSTOMER_CALLS_PAGE_SIZE = 20;

export function getCustomerCalls(
  customerId: string,
  cursor: string | null = null,
  signal?: AbortSignal,
): Promise<Page<CallView>> {
  return api.get<Page<CallView>>(`/customers/${encodeURIComponent(customerId)}/calls`, {
    query: callsQuery({}, cursor, CUSTOMER_CALLS_PAGE_SIZE),
    signal,
  });
}

/** Under the calls key, so a new call (or a cancelled one) refreshes the customer's tab too. */
export function getCustomerCallsQueryOptions(tenantId: string, customerId: string) {
  return infiniteQueryOptions({
    queryKey: [...callsQueryKey(tenantId), 'by-customer', customerId] as const,
    queryFn: ({ pageParam, signal }) => getCustomerCalls(customerId, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    refetchInterval: (query) => listPollInterval(query.state.data),
  });
}

export function useCustomerCalls(customerId: string) {
  return useInfiniteQuery(getCustomerCallsQueryOptions(useTenantId(), customerId));
}
