import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { BookingStatus, BookingView, Page } from '@navaia/shared';
import { api } from '../../../lib/api-client';
import { useTenantId } from '../../../lib/auth-store';
import { queryRoots } from '../../../lib/query-keys';

export const BOOKINGS_PAGE_SIZE = 25;

export interface BookingFilters {
  status?: BookingStatus[];
  customerId?: string;
  /** Bookings starting at or after this instant (ISO-8601 with offset). */
  from?: string;
  /** Bookings starting before this instant. */
  to?: string;
  /** By start time; the API's default is `desc`. */
  order?: 'asc' | 'desc';
}

export interface GetBookingsParams extends BookingFilters {
  limit?: number;
  cursor?: string | null;
}

export function getBookings(
  { limit = BOOKINGS_PAGE_SIZE, status, ...params }: GetBookingsParams = {},
  signal?: AbortSignal,
): Promise<Page<BookingView>> {
  return api.get<Page<BookingView>>('/bookings', {
    query: { limit, status: status?.length ? status.join(',') : undefined, ...params },
    signal,
  });
}

/** The prefix of every bookings query of a tenant; mutations invalidate through it. */
export function bookingsQueryKey(tenantId: string) {
  return queryRoots.bookings(tenantId);
}

export function getBookingsQueryOptions(tenantId: string, params: GetBookingsParams = {}) {
  return queryOptions({
    queryKey: [...bookingsQueryKey(tenantId), 'list', params] as const,
    queryFn: ({ signal }) => getBookings(params, signal),
  });
}

export function useBookings(params: GetBookingsParams) {
  return useQuery({
    ...getBookingsQueryOptions(useTenantId(), params),
    placeholderData: keepPreviousData,
  });
}
