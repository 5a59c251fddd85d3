import { queryOptions, useQuery } from '@tanstack/react-query';
import type { BookingStatus, BookingView } from '@navaia/shared';
import { PAGE_LIMIT_MAX } from '@navaia/shared';
import { useTenantId } from '../../../lib/auth-store';
import { bookingsQueryKey, getBookings } from './get-bookings';

/** A calendar shows a whole period; beyond this many bookings it says it shows only some. */
const MAX_PAGES = 20;

export interface BookingsBetween {
  bookings: BookingView[];
  /** More bookings exist in the period than were fetched. */
  truncated: boolean;
}

/** Every booking starting in [from, to), by start time, following the cursor to the end. */
export async function getBookingsBetween(
  { from, to, status }: { from: string; to: string; status?: BookingStatus[] },
  signal?: AbortSignal,
): Promise<BookingsBetween> {
  const bookings: BookingView[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = await getBookings(
      { from, to, status, order: 'asc', limit: PAGE_LIMIT_MAX, cursor },
      signal,
    );
    bookings.push(...answer.data);
    cursor = answer.nextCursor;
    if (!cursor) return { bookings, truncated: false };
  }
  return { bookings, truncated: true };
}

export function getBookingsBetweenQueryOptions(
  tenantId: string,
  params: { from: string; to: string; status?: BookingStatus[] },
) {
  return queryOptions({
    queryKey: [...bookingsQueryKey(tenantId), 'between', params] as const,
    queryFn: ({ signal }) => getBookingsBetween(params, signal),
  });
}

export function useBookingsBetween(params: { from: string; to: string; status?: BookingStatus[] }) {
  return useQuery(getBookingsBetweenQueryOptions(useTenantId(), params));
}
