import { Anchor, Table, Text } from '@mantine/core';
import type { TicketView } from '@navaia/shared';
import { Link, useNavigate } from 'react-router';
import { openOnRowClick } from '../../../components/ui/clickable-row';
import { useAuthenticatedSession } from '../../../lib/auth-store';
import { formatInZone } from '../../../lib/tenant-time';
import { TicketPriorityBadge, TicketStatusBadge } from './ticket-badges';
import { TICKET_SOURCE_LABELS } from './ticket-labels';

export function TicketsTable({
  tickets,
  showCustomer = true,
  stale = false,
}: {
  tickets: readonly TicketView[];
  /** Off on a customer's own page, where every row is theirs. */
  showCustomer?: boolean;
  /** Dims the rows while the next page replaces them. */
  stale?: boolean;
}) {
  const { tenant } = useAuthenticatedSession();
  const navigate = useNavigate();
  return (
    <Table.ScrollContainer minWidth={showCustomer ? 860 : 640}>
      <Table verticalSpacing="sm" highlightOnHover aria-label="Tickets">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={70}>#</Table.Th>
            <Table.Th>Subject</Table.Th>
            {showCustomer && <Table.Th>Customer</Table.Th>}
            <Table.Th>Priority</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Source</Table.Th>
            <Table.Th>Created</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody style={{ opacity: stale ? 0.6 : 1 }}>
          {tickets.map((ticket) => {
            const to = `/tickets/${ticket.id}`;
            return (
              <Table.Tr
                key={ticket.id}
                style={{ cursor: 'pointer' }}
                onClick={openOnRowClick(() => navigate(to))}
                data-testid="ticket-row"
              >
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    #{ticket.number}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={to} size="sm" fw={500}>
                    {ticket.subject}
                  </Anchor>
                </Table.Td>
                {showCustomer && (
                  <Table.Td>
                    {ticket.customer ? (
                      <Anchor component={Link} to={`/customers/${ticket.customer.id}`} size="sm">
                        {ticket.customer.displayName}
                      </Anchor>
                    ) : (
                      <Text size="sm" c="dimmed">
                        —
                      </Text>
                    )}
                  </Table.Td>
                )}
                <Table.Td>
                  <TicketPriorityBadge priority={ticket.priority} />
                </Table.Td>
                <Table.Td>
                  <TicketStatusBadge status={ticket.status} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{TICKET_SOURCE_LABELS[ticket.source] ?? ticket.source}</Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Text size="sm">{formatInZone(ticket.createdAt, tenant.timezone)}</Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
