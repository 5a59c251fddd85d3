import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { BookingView, CreateBookingDto } from '@navaia/shared';
import { api } from '../../../lib/api-client';
import { useTenantId } from '../../../lib/auth-store';
import { idempotencyHeaders } from '../../../lib/idempotency';
import { queryRoots } from '../../../lib/query-keys';
import { bookingsQueryKey } from './get-bookings';

export type CreateBookingBody = CreateBookingDto;

export function createBooking(
  body: CreateBookingBody,
  idempotencyKey: string,
): Promise<BookingView> {
  return api.post<BookingView>('/bookings', body, { headers: idempotencyHeaders(idempotencyKey) });
}

export function useCreateBooking() {
  const queryClient = useQueryClient();
  const tenantId = useTenantId();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CreateBookingBody; idempotencyKey: string }) =>
      createBooking(body, idempotencyKey),
    // Lists, the calendar and the customer's tab share the key; the dashboard counts bookings.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: bookingsQueryKey(tenantId) }),
        queryClient.invalidateQueries({ queryKey: queryRoots.dashboard(tenantId) }),
      ]),
  });
}
