import { Anchor, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Role, type TicketView } from '@navaia/shared';
import { Link } from 'react-router';
import { BackLink, Fact } from '../../../components/ui/detail-parts';
import { useAuthenticatedSession } from '../../../lib/auth-store';
import { formatInZone } from '../../../lib/tenant-time';
import { useHasRole } from '../../../lib/use-has-role';
import { useAssigneeName } from './assignee-select';
import { TicketPriorityBadge, TicketStatusBadge } from './ticket-badges';
import { TicketEditForm } from './ticket-edit-form';
import { TICKET_SOURCE_LABELS } from './ticket-labels';
import { TicketStatusActions } from './ticket-status-actions';

/** One ticket: its status workflow, its editable details, and where it came from. */
export function TicketDetail({ ticket }: { ticket: TicketView }) {
  const { tenant } = useAuthenticatedSession();
  const canWork = useHasRole(Role.Agent);
  const assignee = useAssigneeName(ticket.assigneeId);
  const when = (iso: string | null) => formatInZone(iso, tenant.timezone);

  return (
    <Stack gap="md">
      <BackLink to="/tickets">Tickets</BackLink>
      <Stack gap={6}>
        <Group gap="sm" align="center">
          <Text c="dimmed" fw={600} size="xl">
            #{ticket.number}
          </Text>
          <Title order={1} size="h2">
            {ticket.subject}
          </Title>
        </Group>
        <Group gap="xs">
          <TicketStatusBadge status={ticket.status} />
          <TicketPriorityBadge priority={ticket.priority} />
          {ticket.customer && (
            <Text size="sm">
              for{' '}
              <Anchor component={Link} to={`/customers/${ticket.customer.id}`}>
                {ticket.customer.displayName}
              </Anchor>
            </Text>
          )}
        </Group>
      </Stack>
      {canWork && <TicketStatusActions ticket={ticket} />}
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Paper withBorder p="md" radius="md">
            <TicketEditForm key={ticket.id} ticket={ticket} canEdit={canWork} />
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Paper withBorder p="md" radius="md">
            <Stack gap="xs">
              <Fact label="Customer">
                {ticket.customer ? (
                  <Anchor component={Link} to={`/customers/${ticket.customer.id}`} size="sm">
                    {ticket.customer.displayName}
                  </Anchor>
                ) : (
                  '—'
                )}
              </Fact>
              <Fact label="Assignee">{assignee ?? (ticket.assigneeId ? '…' : 'Unassigned')}</Fact>
              <Fact label="Source">{TICKET_SOURCE_LABELS[ticket.source] ?? ticket.source}</Fact>
              <Fact label="Created">{when(ticket.createdAt)}</Fact>
              <Fact label="Updated">{when(ticket.updatedAt)}</Fact>
              {ticket.resolvedAt && <Fact label="Resolved">{when(ticket.resolvedAt)}</Fact>}
              {ticket.closedAt && <Fact label="Closed">{when(ticket.closedAt)}</Fact>}
            </Stack>
          </Paper>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
