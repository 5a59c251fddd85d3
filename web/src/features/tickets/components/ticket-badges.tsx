import { Badge } from '@mantine/core';
import type { TicketPriority, TicketStatus } from '@navaia/shared';
import {
  TICKET_PRIORITY_COLORS,
  TICKET_PRIORITY_LABELS,
  TICKET_STATUS_COLORS,
  TICKET_STATUS_LABELS,
} from './ticket-labels';

export function TicketStatusBadge({ status }: { status: TicketStatus }) {
  return (
    <Badge color={TICKET_STATUS_COLORS[status] ?? 'gray'} variant="light">
      {TICKET_STATUS_LABELS[status] ?? status}
    </Badge>
  );
}

export function TicketPriorityBadge({ priority }: { priority: TicketPriority }) {
  return (
    <Badge color={TICKET_PRIORITY_COLORS[priority] ?? 'gray'} variant="dot">
      {TICKET_PRIORITY_LABELS[priority] ?? priority}
    </Badge>
  );
}
