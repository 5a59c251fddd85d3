import { Anchor, Table, Text } from '@mantine/core';
import type { BookingView } from '@navaia/shared';
import { Link, useNavigate } from 'react-router';
import { openOnRowClick } from '../../../components/ui/clickable-row';
import { useAuthenticatedSession } from '../../../lib/auth-store';
import { formatMoney } from '../../../lib/money';
import { formatInZone } from '../../../lib/tenant-time';
import { BookingStatusBadge } from './booking-status-badge';

const TIME: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };

/** Bookings with their times in the tenant's zone and amounts in their own currency. */
export function BookingsTable({
  bookings,
  showCustomer = true,
  stale = false,
}: {
  bookings: readonly BookingView[];
  showCustomer?: boolean;
  stale?: boolean;
}) {
  const { tenant } = useAuthenticatedSession();
  const navigate = useNavigate();
  const zone = tenant.timezone;
  return (
    <Table.ScrollContainer minWidth={showCustomer ? 800 : 620}>
      <Table verticalSpacing="sm" highlightOnHover aria-label="Bookings">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>When</Table.Th>
            <Table.Th>Service</Table.Th>
            {showCustomer && <Table.Th>Customer</Table.Th>}
            <Table.Th>Status</Table.Th>
            <Table.Th ta="right">Amount</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody style={{ opacity: stale ? 0.6 : 1 }}>
          {bookings.map((booking) => {
            const to = `/bookings/${booking.id}`;
            return (
              <Table.Tr
                key={booking.id}
                style={{ cursor: 'pointer' }}
                onClick={openOnRowClick(() => navigate(to))}
                data-testid="booking-row"
              >
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Anchor component={Link} to={to} size="sm" fw={500}>
                    {formatInZone(booking.startsAt, zone, {
                      weekday: 'short',
                      day: 'numeric',
                      month: 'short',
                      year: 'numeric',
                      ...TIME,
                    })}
                  </Anchor>
                  {booking.endsAt && (
                    <Text span size="sm" c="dimmed">
                      {' – '}
                      {formatInZone(booking.endsAt, zone, TIME)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{booking.service}</Text>
                </Table.Td>
                {showCustomer && (
                  <Table.Td>
                    {booking.customer ? (
                      <Anchor component={Link} to={`/customers/${booking.customer.id}`} size="sm">
                        {booking.customer.displayName}
                      </Anchor>
                    ) : (
                      <Text size="sm" c="dimmed">
                        —
                      </Text>
                    )}
                  </Table.Td>
                )}
                <Table.Td>
                  <BookingStatusBadge status={booking.status} />
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  <Text size="sm">
                    {booking.amountCents ? formatMoney(booking.amountCents, booking.currency) : '—'}
                  </Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
