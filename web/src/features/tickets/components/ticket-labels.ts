import { TicketPriority, TicketSource, TicketStatus } from '@navaia/shared';
import { TICKET_STATUS_COLORS, TICKET_STATUS_LABELS } from '../../../lib/status-labels';

export { TICKET_STATUS_COLORS, TICKET_STATUS_LABELS };

/** The button that moves a ticket to each status (what the operator does, not where it ends). */
export const TICKET_STATUS_ACTIONS: Record<TicketStatus, string> = {
  [TicketStatus.Open]: 'Reopen',
  [TicketStatus.InProgress]: 'Start work',
  [TicketStatus.Resolved]: 'Resolve',
  [TicketStatus.Closed]: 'Close',
};

export const TICKET_PRIORITY_LABELS: Record<TicketPriority, string> = {
  [TicketPriority.Low]: 'Low',
  [TicketPriority.Normal]: 'Normal',
  [TicketPriority.High]: 'High',
  [TicketPriority.Urgent]: 'Urgent',
};

export const TICKET_PRIORITY_COLORS: Record<TicketPriority, string> = {
  [TicketPriority.Low]: 'gray',
  [TicketPriority.Normal]: 'blue',
  [TicketPriority.High]: 'orange',
  [TicketPriority.Urgent]: 'red',
};

export const TICKET_SOURCE_LABELS: Record<TicketSource, string> = {
  [TicketSource.Manual]: 'Manual',
  [TicketSource.Voice]: 'Voice agent',
  [TicketSource.Api]: 'API',
};

const options = <T extends string>(labels: Record<T, string>) =>
  (Object.keys(labels) as T[]).map((value) => ({ value, label: labels[value] }));

export const TICKET_STATUS_OPTIONS = options(TICKET_STATUS_LABELS);
export const TICKET_PRIORITY_OPTIONS = options(TICKET_PRIORITY_LABELS);
export const TICKET_SOURCE_OPTIONS = options(TICKET_SOURCE_LABELS);
