import { Anchor, Table, Text } from '@mantine/core';
import { formatPhone, type CallView } from '@navaia/shared';
import { Link, useNavigate } from 'react-router';
import { openOnRowClick } from '../../../components/ui/clickable-row';
import { useAuthenticatedSession } from '../../../lib/auth-store';
import { formatInZone } from '../../../lib/tenant-time';
import { CALL_DIRECTION_LABELS, CALL_PURPOSE_LABELS } from './call-labels';
import { CallStatusChip } from './call-status-chip';

const dash = (
  <Text size="sm" c="dimmed">
    —
  </Text>
);

/** The ticket or booking a call produced, as a link. */
function ResultLink({ call }: { call: CallView }) {
  if (call.ticketId) {
    return (
      <Anchor component={Link} to={`/tickets/${call.ticketId}`} size="sm">
        Ticket
      </Anchor>
    );
  }
  if (call.bookingId) {
    return (
      <Anchor component={Link} to={`/bookings/${call.bookingId}`} size="sm">
        Booking
      </Anchor>
    );
  }
  return dash;
}

export function CallsTable({
  calls,
  showCustomer = true,
  stale = false,
}: {
  calls: readonly CallView[];
  showCustomer?: boolean;
  /** Dims the rows while other filters' results replace them. */
  stale?: boolean;
}) {
  const { tenant } = useAuthenticatedSession();
  const navigate = useNavigate();
  return (
    <Table.ScrollContainer minWidth={showCustomer ? 860 : 700}>
      <Table verticalSpacing="sm" highlightOnHover aria-label="Calls">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Queued</Table.Th>
            {showCustomer && <Table.Th>Customer</Table.Th>}
            <Table.Th>Number</Table.Th>
            <Table.Th>Direction</Table.Th>
            <Table.Th>Agent</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Result</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody style={{ opacity: stale ? 0.6 : 1 }}>
          {calls.map((call) => {
            const to = `/calls/${call.id}`;
            return (
              <Table.Tr
                key={call.id}
                style={{ cursor: 'pointer' }}
                onClick={openOnRowClick(() => navigate(to))}
                data-testid="call-row"
              >
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Anchor component={Link} to={to} size="sm" fw={500}>
                    {formatInZone(call.queuedAt, tenant.timezone)}
                  </Anchor>
                </Table.Td>
                {showCustomer && (
                  <Table.Td>
                    {call.customer ? (
                      <Anchor component={Link} to={`/customers/${call.customer.id}`} size="sm">
                        {call.customer.displayName}
                      </Anchor>
                    ) : (
                      dash
                    )}
                  </Table.Td>
                )}
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Text size="sm">{formatPhone(call.to)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{CALL_DIRECTION_LABELS[call.direction] ?? call.direction}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{CALL_PURPOSE_LABELS[call.purpose] ?? call.purpose}</Text>
                </Table.Td>
                <Table.Td>
                  <CallStatusChip call={call} />
                </Table.Td>
                <Table.Td>
                  <ResultLink call={call} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
