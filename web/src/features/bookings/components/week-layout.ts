import type { BookingView } from '@navaia/shared';
import { dateInZone, minutesIntoDay } from '../../../lib/tenant-time';

/** A booking without an end time is drawn this long. */
export const DEFAULT_MINUTES = 30;
const DAY_MINUTES = 24 * 60;

export interface PlacedBooking {
  booking: BookingView;
  /** Minutes since the day's midnight, in the tenant's zone. */
  start: number;
  end: number;
  /** Side by side with overlapping bookings: which column, out of how many. */
  lane: number;
  lanes: number;
}

/** Where each booking of one day goes: by its start time, overlapping ones side by side. */
export function placeDay(bookings: readonly BookingView[], zone: string): PlacedBooking[] {
  const items = bookings
    .map((booking) => {
      const start = minutesIntoDay(booking.startsAt, zone);
      const sameDayEnd =
        booking.endsAt && dateInZone(booking.endsAt, zone) === dateInZone(booking.startsAt, zone)
          ? minutesIntoDay(booking.endsAt, zone)
          : booking.endsAt
            ? DAY_MINUTES // ends on a later day: drawn to midnight
            : start + DEFAULT_MINUTES;
      const end = Math.min(DAY_MINUTES, Math.max(sameDayEnd, start + 15));
      return { booking, start, end, lane: 0, lanes: 1 };
    })
    .sort((a, b) => a.start - b.start || b.end - a.end);

  // Clusters of bookings that overlap one another share the width between them.
  let cluster: PlacedBooking[] = [];
  let laneEnds: number[] = [];
  let clusterEnd = -1;
  const closeCluster = () => {
    cluster.forEach((item) => (item.lanes = laneEnds.length));
    cluster = [];
    laneEnds = [];
  };
  for (const item of items) {
    if (item.start >= clusterEnd) closeCluster();
    let lane = laneEnds.findIndex((end) => end <= item.start);
    if (lane === -1) lane = laneEnds.push(item.end) - 1;
    else laneEnds[lane] = item.end;
    item.lane = lane;
    cluster.push(item);
    clusterEnd = Math.max(clusterEnd, item.end);
  }
  closeCluster();
  return items;
}

/** The hours to draw: working hours, widened to show every booking. */
export function visibleHours(placed: readonly PlacedBooking[]): { first: number; last: number } {
  let first = 7;
  let last = 20;
  for (const item of placed) {
    first = Math.min(first, Math.floor(item.start / 60));
    last = Math.max(last, Math.ceil(item.end / 60));
  }
  return { first, last: Math.min(24, last) };
}
