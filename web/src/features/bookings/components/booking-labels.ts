import { BookingStatus } from '@navaia/shared';
import { BOOKING_STATUS_COLORS, BOOKING_STATUS_LABELS } from '../../../lib/status-labels';

export { BOOKING_STATUS_COLORS, BOOKING_STATUS_LABELS };

/** The button that moves a booking to each status. */
export const BOOKING_STATUS_ACTIONS: Record<BookingStatus, string> = {
  [BookingStatus.Pending]: 'Back to pending',
  [BookingStatus.Confirmed]: 'Confirm',
  [BookingStatus.Completed]: 'Complete',
  [BookingStatus.Cancelled]: 'Cancel',
  [BookingStatus.NoShow]: 'No-show',
};

export const BOOKING_STATUS_OPTIONS = (Object.keys(BOOKING_STATUS_LABELS) as BookingStatus[]).map(
  (value) => ({ value, label: BOOKING_STATUS_LABELS[value] }),
);
