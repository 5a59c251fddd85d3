import { BookingStatus, CallOutcome, CallStatus, TicketStatus } from '@navaia/shared';

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

export const CALL_STATUS_LABELS: Record<CallStatus, string> = {
  [CallStatus.Queued]: 'Queued',
  [CallStatus.Initiated]: 'Dialling',
  [CallStatus.Ringing]: 'Ringing',
  [CallStatus.InProgress]: 'In progress',
  [CallStatus.Completed]: 'Completed',
  [CallStatus.Busy]: 'Busy',
  [CallStatus.NoAnswer]: 'No answer',
  [CallStatus.Failed]: 'Failed',
  [CallStatus.Canceled]: 'Cancelled',
};

export const CALL_STATUS_COLORS: Record<CallStatus, string> = {
  [CallStatus.Queued]: 'gray',
  [CallStatus.Initiated]: 'indigo',
  [CallStatus.Ringing]: 'yellow',
  [CallStatus.InProgress]: 'blue',
  [CallStatus.Completed]: 'green',
  [CallStatus.Busy]: 'orange',
  [CallStatus.NoAnswer]: 'orange',
  [CallStatus.Failed]: 'red',
  [CallStatus.Canceled]: 'gray',
};

export const CALL_OUTCOME_LABELS: Record<CallOutcome, string> = {
  [CallOutcome.Answered]: 'Answered',
  [CallOutcome.Voicemail]: 'Voicemail',
  [CallOutcome.NoAnswer]: 'No answer',
  [CallOutcome.Busy]: 'Busy',
  [CallOutcome.Failed]: 'Failed',
  [CallOutcome.Canceled]: 'Cancelled',
};
