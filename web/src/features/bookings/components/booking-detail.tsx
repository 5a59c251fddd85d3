import { Anchor, Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Role, type BookingView } from '@navaia/shared';
import { IconPencil } from '@tabler/icons-react';
import { Link } from 'react-router';
import { BackLink, Fact } from '../../../components/ui/detail-parts';
import type { EntitySelect } from '../../../components/ui/entity-select';
import { useAuthenticatedSession } from '../../../lib/auth-store';
import { formatMoney } from '../../../lib/money';
import { dateInZone, formatInZone } from '../../../lib/tenant-time';
import { useHasRole } from '../../../lib/use-has-role';
import { BookingFormModal } from './booking-form-modal';
import { BookingStatusActions } from './booking-status-actions';
import { BookingStatusBadge } from './booking-status-badge';

const FULL: Intl.DateTimeFormatOptions = { dateStyle: 'full', timeStyle: 'short' };
const TIME: Intl.DateTimeFormatOptions = { timeStyle: 'short' };

/** One booking: when (in the tenant's zone), for whom, for how much, and its workflow. */
export function BookingDetail({
  booking,
  CustomerSelect,
}: {
  booking: BookingView;
  CustomerSelect: EntitySelect;
}) {
  const { tenant } = useAuthenticatedSession();
  const zone = tenant.timezone;
  const canWork = useHasRole(Role.Agent);
  const [editing, { open, close }] = useDisclosure(false);
  const sameDay =
    booking.endsAt && dateInZone(booking.endsAt, zone) === dateInZone(booking.startsAt, zone);
  const when = `${formatInZone(booking.startsAt, zone, FULL)}${
    booking.endsAt ? ` – ${formatInZone(booking.endsAt, zone, sameDay ? TIME : FULL)}` : ''
  }`;

  return (
    <Stack gap="md">
      <BackLink to="/bookings">Bookings</BackLink>
      <Group justify="space-between" align="flex-start">
        <Stack gap={6}>
          <Title order={1} size="h2">
            {booking.service}
          </Title>
          <Group gap="xs">
            <BookingStatusBadge status={booking.status} />
            <Text size="sm">{when}</Text>
          </Group>
        </Stack>
        {canWork && (
          <Button variant="default" leftSection={<IconPencil size={16} />} onClick={open}>
            Edit
          </Button>
        )}
      </Group>
      {canWork && <BookingStatusActions booking={booking} />}
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Paper withBorder p="md" radius="md">
            <Stack gap="xs">
              <Fact label="Customer">
                {booking.customer ? (
                  <Anchor component={Link} to={`/customers/${booking.customer.id}`} size="sm">
                    {booking.customer.displayName}
                  </Anchor>
                ) : (
                  '—'
                )}
              </Fact>
              <Fact label="Starts">{formatInZone(booking.startsAt, zone, FULL)}</Fact>
              <Fact label="Ends">{formatInZone(booking.endsAt, zone, FULL, 'Not set')}</Fact>
              <Fact label="Amount">
                {booking.amountCents
                  ? formatMoney(booking.amountCents, booking.currency)
                  : `None (${booking.currency})`}
              </Fact>
              <Fact label="Time zone">{zone}</Fact>
            </Stack>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Paper withBorder p="md" radius="md">
            <Stack gap="xs">
              <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                Notes
              </Text>
              <Text
                size="sm"
                style={{ whiteSpace: 'pre-wrap' }}
                c={booking.notes ? undefined : 'dimmed'}
              >
                {booking.notes ?? 'No notes.'}
              </Text>
              <Text size="xs" c="dimmed" mt="sm">
                {booking.voiceSessionId ? 'Booked by the voice agent' : 'Booked by an operator'} ·
                created {formatInZone(booking.createdAt, zone)}
              </Text>
            </Stack>
          </Paper>
        </Grid.Col>
      </Grid>
      {canWork && (
        <BookingFormModal
          opened={editing}
          onClose={close}
          booking={booking}
          CustomerSelect={CustomerSelect}
        />
      )}
    </Stack>
  );
}
