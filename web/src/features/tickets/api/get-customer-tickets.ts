import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { Page, TicketStatus, TicketView } from '@navaia/shared';
import { api } from '../../../lib/api-client';
import { useTenantId } from '../../../lib/auth-store';
import { commaSeparated, ticketsQueryKey } from './get-tickets';

export const CUSTOMER_TICKETS_PAGE_SIZE = 20;

export interface GetCustomerTicketsParams {
  status?: TicketStatus[];
  limit?: number;
  cursor?: string | null;
}

export function getCustomerTickets(
  customerId: string,
  { limit = CUSTOMER_TICKETS_PAGE_SIZE, status, cursor }: GetCustomerTicketsParams = {},
  signal?: AbortSignal,
): Promise<Page<TicketView>> {
  return api.get<Page<TicketView>>(`/customers/${encodeURIComponent(customerId)}/tickets`, {
    query: { limit, cursor, status: commaSeparated(status) },
    signal,
  });
}

/** Under the tickets key, so every ticket change refreshes the customer's tab too. */
export function getCustomerTicketsQueryOptions(
  tenantId: string,
  customerId: string,
  { status }: Pick<GetCustomerTicketsParams, 'status'> = {},
) {
  return infiniteQueryOptions({
    queryKey: [...ticketsQueryKey(tenantId), 'by-customer', customerId, { status }] as const,
    queryFn: ({ pageParam, signal }) =>
      getCustomerTickets(customerId, { status, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

export function useCustomerTickets(customerId: string, status?: TicketStatus[]) {
  return useInfiniteQuery(getCustomerTicketsQueryOptions(useTenantId(), customerId, { status }));
}
