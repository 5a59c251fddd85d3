export enum TicketStatus {
  Open = 'open',
  InProgress = 'in_progress',
  Resolved = 'resolved',
  Closed = 'closed',
}

export enum TicketPriority {
  Low = 'low',
  Normal = 'normal',
  High = 'high',
  Urgent = 'urgent',
}

export enum TicketSource {
  Manual = 'manual',
  Voice = 'voice',
  Api = 'api',
}

/**
 * The ticket workflow: open → in_progress → resolved → closed, a resolved ticket may be
 * reopened, and any ticket that is not closed may be closed directly.
 */
export const TICKET_TRANSITIONS: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = {
  [TicketStatus.Open]: [TicketStatus.InProgress, TicketStatus.Closed],
  [TicketStatus.InProgress]: [TicketStatus.Resolved, TicketStatus.Closed],
  [TicketStatus.Resolved]: [TicketStatus.Open, TicketStatus.Closed],
  [TicketStatus.Closed]: [],
};
