import { BookingStatus, TicketStatus } from '@navaia/shared';

/**
 * How statuses read and look everywhere (lists, detail pages, the dashboard), so a status
 * never has two names or two colours.
 */
export const TICKET_STATUS_LABELS: Record<TicketStatus, string> = {
  [TicketStatus.Open]: 'Open',
  [TicketStatus.InProgress]: 'In progress',
  [TicketStatus.Resolved]: 'Resolved',
  [TicketStatus.Closed]: 'Closed',
};

export const TICKET_STATUS_COLORS: Record<TicketStatus, string> = {
  [TicketStatus.Open]: 'blue',
  [TicketStatus.InProgress]: 'yellow',
  [TicketStatus.Resolved]: 'green',
  [TicketStatus.Closed]: 'gray',
};

export const BOOKING_STATUS_LABELS: Record<BookingStatus, string> = {
  [BookingStatus.Pending]: 'Pending',
  [BookingStatus.Confirmed]: 'Confirmed',
  [BookingStatus.Completed]: 'Completed',
  [BookingStatus.Cancelled]: 'Cancelled',
  [BookingStatus.NoShow]: 'No-show',
};

export const BOOKING_STATUS_COLORS: Record<BookingStatus, string> = {
  [BookingStatus.Pending]: 'yellow',
  [BookingStatus.Confirmed]: 'blue',
  [BookingStatus.Completed]: 'green',
  [BookingStatus.Cancelled]: 'gray',
  [BookingStatus.NoShow]: 'red',
};
