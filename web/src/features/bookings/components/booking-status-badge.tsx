import { Badge } from '@mantine/core';
import type { BookingStatus } from '@navaia/shared';
import { BOOKING_STATUS_COLORS, BOOKING_STATUS_LABELS } from './booking-labels';

export function BookingStatusBadge({ status }: { status: BookingStatus }) {
  return (
    <Badge color={BOOKING_STATUS_COLORS[status] ?? 'gray'} variant="light">
      {BOOKING_STATUS_LABELS[status] ?? status}
    </Badge>
  );
}
