import { queryOptions, useQuery } from '@tanstack/react-query';
import type { BookingView } from '@navaia/shared';
import { api } from '../../../lib/api-client';
import { useTenantId } from '../../../lib/auth-store';
import { queryRoots } from '../../../lib/query-keys';

/** The booking a conversation created (features do not import each other, so voice asks itself). */
export function getCreatedBooking(id: string, signal?: AbortSignal): Promise<BookingView> {
  return api.get<BookingView>(`/bookings/${encodeURIComponent(id)}`, { signal });
}

/** Under the bookings root, so a change to the booking anywhere refreshes it here too. */
export function getCreatedBookingQueryOptions(tenantId: string, id: string) {
  return queryOptions({
    queryKey: [...queryRoots.bookings(tenantId), 'detail', id] as const,
    queryFn: ({ signal }) => getCreatedBooking(id, signal),
  });
}

export function useCreatedBooking(id: string | null) {
  return useQuery({
    ...getCreatedBookingQueryOptions(useTenantId(), id ?? ''),
    enabled: Boolean(id),
  });
}
