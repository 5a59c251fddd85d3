import { BOOKING_TRANSITIONS, BookingStatus, nextStatuses, type BookingView } from '@navaia/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { notifySuccess } from '../../../components/ui/notify';
import { StatusActionBar, type StatusAction } from '../../../components/ui/status-action-bar';
import { isApiError } from '../../../lib/api-client';
import { useTenantId } from '../../../lib/auth-store';
import { describeError } from '../../../lib/form-errors';
import { getBookingQueryOptions } from '../api/get-booking';
import { useUpdateBooking } from '../api/update-booking';
import { BOOKING_STATUS_ACTIONS, BOOKING_STATUS_LABELS } from './booking-labels';

// Completed, cancelled and no-show are final, so each asks first.
const STYLE: Record<BookingStatus, Omit<StatusAction<BookingStatus>, 'status' | 'label'>> = {
  [BookingStatus.Pending]: { variant: 'default' },
  [BookingStatus.Confirmed]: {},
  [BookingStatus.Completed]: {
    color: 'green',
    confirm: 'Mark the booking completed? A completed booking cannot change status again.',
  },
  [BookingStatus.Cancelled]: {
    color: 'red',
    variant: 'light',
    confirm: 'Cancel the booking? A cancelled booking cannot be confirmed again.',
  },
  [BookingStatus.NoShow]: {
    color: 'orange',
    variant: 'light',
    confirm: 'Record that the customer did not show up? This cannot be undone.',
  },
};

/** The moves the booking workflow allows from the booking's status; the API has the last word. */
export function BookingStatusActions({ booking }: { booking: BookingView }) {
  const tenantId = useTenantId();
  const queryClient = useQueryClient();
  const updateBooking = useUpdateBooking();
  const [refusal, setRefusal] = useState<string | null>(null);
  const actions = nextStatuses(BOOKING_TRANSITIONS, booking.status).map((status) => ({
    status,
    label: BOOKING_STATUS_ACTIONS[status],
    ...STYLE[status],
  }));

  const move = (status: BookingStatus) => {
    setRefusal(null);
    updateBooking.mutate(
      { id: booking.id, body: { status } },
      {
        onSuccess: (updated) =>
          notifySuccess(`The booking is ${BOOKING_STATUS_LABELS[updated.status].toLowerCase()}`),
        onError: (error) => {
          setRefusal(describeError(error));
          if (isApiError(error) && error.status === 409) {
            void queryClient.invalidateQueries({
              queryKey: getBookingQueryOptions(tenantId, booking.id).queryKey,
            });
          }
        },
      },
    );
  };

  return (
    <StatusActionBar
      actions={actions}
      pending={updateBooking.isPending ? updateBooking.variables.body.status : undefined}
      refusal={refusal}
      onMove={move}
      onDismissRefusal={() => setRefusal(null)}
      finalText={`This booking is ${BOOKING_STATUS_LABELS[booking.status].toLowerCase()}; its status is final.`}
    />
  );
}
