import { Button, Group, SegmentedControl, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Role, TicketStatus } from '@navaia/shared';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { EntityOption, EntitySelect } from '../../../components/ui/entity-select';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/query-states';
import { useHasRole } from '../../../lib/use-has-role';
import { useCustomerTickets } from '../api/get-customer-tickets';
import { NewTicketModal } from './new-ticket-modal';
import { TicketsTable } from './tickets-table';

const VIEWS = {
  all: undefined,
  active: [TicketStatus.Open, TicketStatus.InProgress],
  done: [TicketStatus.Resolved, TicketStatus.Closed],
} as const;
type View = keyof typeof VIEWS;

/** One customer's tickets, page by page, with "New ticket" for them right there. */
export function CustomerTickets({
  customer,
  CustomerSelect,
}: {
  customer: EntityOption;
  CustomerSelect: EntitySelect;
}) {
  const canWork = useHasRole(Role.Agent);
  const [view, setView] = useState<View>('all');
  const status = VIEWS[view];
  const tickets = useCustomerTickets(customer.id, status ? [...status] : undefined);
  const [creating, { open, close }] = useDisclosure(false);
  const rows = tickets.data?.pages.flatMap((page) => page.data) ?? [];

  let body;
  if (tickets.isPending) {
    body = <LoadingState label="Loading tickets" />;
  } else if (tickets.isError) {
    body = (
      <ErrorState
        error={tickets.error}
        title="Could not load this customer's tickets"
        onRetry={() => void tickets.refetch()}
      />
    );
  } else if (rows.length === 0) {
    body = (
      <EmptyState title={view === 'all' ? 'No tickets for this customer' : 'No tickets here'}>
        {view === 'all'
          ? 'Tickets appear here when an operator or the voice agent opens one for them.'
          : 'Choose "All" to see their other tickets.'}
      </EmptyState>
    );
  } else {
    body = <TicketsTable tickets={rows} showCustomer={false} />;
  }

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <SegmentedControl
          size="xs"
          aria-label="Which tickets"
          value={view}
          onChange={(value) => setView(value as View)}
          data={[
            { value: 'all', label: 'All' },
            { value: 'active', label: 'Open' },
            { value: 'done', label: 'Resolved or closed' },
          ]}
        />
        {canWork && (
          <Button size="xs" leftSection={<IconPlus size={14} />} onClick={open}>
            New ticket
          </Button>
        )}
      </Group>
      {body}
      {tickets.hasNextPage && (
        <Group justify="center">
          <Button
            variant="default"
            loading={tickets.isFetchingNextPage}
            onClick={() => void tickets.fetchNextPage()}
          >
            Load more
          </Button>
        </Group>
      )}
      {canWork && (
        <NewTicketModal
          opened={creating}
          onClose={close}
          customer={customer}
          CustomerSelect={CustomerSelect}
        />
      )}
    </Stack>
  );
}
