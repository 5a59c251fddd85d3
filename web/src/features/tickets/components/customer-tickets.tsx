import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Role, TicketStatus } from '@navaia/shared';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { EntityOption, EntitySelect } from '../../../components/ui/entity-select';
import { RecordListTab } from '../../../components/ui/record-list-tab';
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

  return (
    <>
      <RecordListTab
        query={tickets}
        viewsLabel="Which tickets"
        view={view}
        onViewChange={setView}
        views={[
          { value: 'all', label: 'All' },
          { value: 'active', label: 'Open' },
          { value: 'done', label: 'Resolved or closed' },
        ]}
        action={
          canWork && (
            <Button size="xs" leftSection={<IconPlus size={14} />} onClick={open}>
              New ticket
            </Button>
          )
        }
        loadingLabel="Loading tickets"
        errorTitle="Could not load this customer's tickets"
        empty={
          view === 'all'
            ? {
                title: 'No tickets for this customer',
                text: 'Tickets appear here when an operator or the voice agent opens one for them.',
              }
            : { title: 'No tickets here', text: 'Choose "All" to see their other tickets.' }
        }
      >
        {(rows) => <TicketsTable tickets={rows} showCustomer={false} />}
      </RecordListTab>
      {canWork && (
        <NewTicketModal
          opened={creating}
          onClose={close}
          customer={customer}
          CustomerSelect={CustomerSelect}
        />
      )}
    </>
  );
}
