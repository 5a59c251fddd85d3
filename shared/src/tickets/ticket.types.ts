import type { TicketPriority, TicketSource, TicketStatus } from './ticket-status';

export interface TicketView {
  id: string;
  number: number;
  subject: string;
  description: string | null;
  priority: TicketPriority;
  status: TicketStatus;
  source: TicketSource;
  customerId: string;
  customer: { id: string; displayName: string } | null;
  assigneeId: string | null;
  voiceSessionId: string | null;
  callId: string | null;
  createdAt: string;
  updatedAt: string;
  resolvedAt: string | null;
  closedAt: string | null;
}
