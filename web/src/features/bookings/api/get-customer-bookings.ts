import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { BookingStatus, BookingView, Page } from '@navaia/shared';
import { api } from '../../../lib/api-client';
import { useTenantId } from '../../../lib/auth-store';
import { bookingsQueryKey } from './get-bookings';

export const CUSTOMER_BOOKINGS_PAGE_SIZE = 20;

export interface CustomerBookingsParams {
  status?: BookingStatus[];
  from?: string;
  to?: string;
  order?: 'asc' | 'desc';
}

export function getCustomerBookings(
  customerId: string,
  { status, ...params }: CustomerBookingsParams & { cursor?: string | null; limit?: number } = {},
  signal?: AbortSignal,
): Promise<Page<BookingView>> {
  return api.get<Page<BookingView>>(`/customers/${encodeURIComponent(customerId)}/bookings`, {
    query: {
      limit: CUSTOMER_BOOKINGS_PAGE_SIZE,
      status: status?.length ? status.join(',') : undefined,
      ...params,
    },
    signal,
  });
}

/** Under the bookings key, so every booking change refreshes the customer's tab too. */
export function getCustomerBookingsQueryOptions(
  tenantId: string,
  customerId: string,
  params: CustomerBookingsParams = {},
) {
  return infiniteQueryOptions({
    queryKey: [...bookingsQueryKey(tenantId), 'by-customer', customerId, params] as const,
    queryFn: ({ pageParam, signal }) =>
      getCustomerBookings(customerId, { ...params, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

export function useCustomerBookings(customerId: string, params: CustomerBookingsParams = {}) {
  return useInfiniteQuery(getCustomerBookingsQueryOptions(useTenantId(), customerId, params));
}
