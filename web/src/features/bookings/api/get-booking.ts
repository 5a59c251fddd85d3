import { queryOptions, useQuery } from '@tanstack/react-query';
import type { BookingView } from '@navaia/shared';
import { api } from '../../../lib/api-client';
import { useTenantId } from '../../../lib/auth-store';
import { bookingsQueryKey } from './get-bookings';

export function getBooking(id: string, signal?: AbortSignal): Promise<BookingView> {
  return api.get<BookingView>(`/bookings/${encodeURIComponent(id)}`, { signal });
}

export function getBookingQueryOptions(tenantId: string, id: string) {
  return queryOptions({
    queryKey: [...bookingsQueryKey(tenantId), 'detail', id] as const,
    queryFn: ({ signal }) => getBooking(id, signal),
  });
}

export function useBooking(id: string) {
  return useQuery(getBookingQueryOptions(useTenantId(), id));
}
