import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { BookingView, UpdateBookingDto } from '@navaia/shared';
import { api } from '../../../lib/api-client';
import { useTenantId } from '../../../lib/auth-store';
import { queryRoots } from '../../../lib/query-keys';
import { getBookingQueryOptions } from './get-booking';
import { bookingsQueryKey } from './get-bookings';

/** Only the fields that change; `endsAt: null` and `notes: null` clear them. */
export type UpdateBookingBody = Partial<UpdateBookingDto>;

export function updateBooking(id: string, body: UpdateBookingBody): Promise<BookingView> {
  return api.patch<BookingView>(`/bookings/${encodeURIComponent(id)}`, body);
}

export function useUpdateBooking() {
  const queryClient = useQueryClient();
  const tenantId = useTenantId();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateBookingBody }) => updateBooking(id, body),
    onSuccess: (booking) => {
      queryClient.setQueryData(getBookingQueryOptions(tenantId, booking.id).queryKey, booking);
      // Status and amount feed the dashboard's revenue.
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: bookingsQueryKey(tenantId) }),
        queryClient.invalidateQueries({ queryKey: queryRoots.dashboard(tenantId) }),
      ]);
    },
  });
}
