import { Button, Group, MultiSelect, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Role, TicketPriority, TicketSource, TicketStatus } from '@navaia/shared';
import { IconPlus } from '@tabler/icons-react';
import { useNavigate, useSearchParams } from 'react-router';
import type { EntitySelect } from '../../../components/ui/entity-select';
import { PageHeader } from '../../../components/ui/page-header';
import { Pager } from '../../../components/ui/pager';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/query-states';
import { SearchInput } from '../../../components/ui/search-input';
import { useCursorPager } from '../../../lib/use-cursor-pager';
import { listParam } from '../../../lib/url-filters';
import { useHasRole } from '../../../lib/use-has-role';
import { useTickets, type TicketFilters } from '../api/get-tickets';
import { AssigneeSelect } from './assignee-select';
import { NewTicketModal } from './new-ticket-modal';
import {
  TICKET_PRIORITY_OPTIONS,
  TICKET_SOURCE_OPTIONS,
  TICKET_STATUS_OPTIONS,
} from './ticket-labels';
import { TicketsTable } from './tickets-table';

/** The filters live in the address, so reloading, sharing and "back" keep them. */
function useTicketFilters() {
  const [params, setParams] = useSearchParams();
  const filters: TicketFilters = {
    status: listParam(params.get('status'), Object.values(TicketStatus)),
    priority: listParam(params.get('priority'), Object.values(TicketPriority)),
    source: listParam(params.get('source'), Object.values(TicketSource)),
    assigneeId: params.get('assignee') || undefined,
    search: params.get('q') || undefined,
  };
  const set = (key: string, value: string | readonly string[] | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        const text = Array.isArray(value) ? value.join(',') : (value as string | null);
        if (text) next.set(key, text);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  return { filters, set };
}

export function TicketsList({ CustomerSelect }: { CustomerSelect: EntitySelect }) {
  const canWork = useHasRole(Role.Agent);
  const navigate = useNavigate();
  const { filters, set } = useTicketFilters();
  const pager = useCursorPager(JSON.stringify(filters));
  const tickets = useTickets({ ...filters, cursor: pager.cursor });
  const [creating, { open: openCreate, close: closeCreate }] = useDisclosure(false);
  const filtered = Object.values(filters).some((value) => value !== undefined);
  const rows = tickets.data?.data ?? [];

  let body;
  if (tickets.isPending) {
    body = <LoadingState label="Loading tickets" />;
  } else if (tickets.isError) {
    body = (
      <ErrorState
        error={tickets.error}
        title="Could not load tickets"
        onRetry={() => void tickets.refetch()}
      />
    );
  } else if (rows.length === 0) {
    body = filtered ? (
      <EmptyState title="No tickets match these filters">
        Try another search, or clear the filters.
      </EmptyState>
    ) : (
      <EmptyState title="No tickets yet">
        Tickets appear here when operators or the voice agent create them for a customer.
      </EmptyState>
    );
  } else {
    body = <TicketsTable tickets={rows} stale={tickets.isPlaceholderData} />;
  }

  return (
    <Stack gap="md">
      <PageHeader
        title="Tickets"
        description="Customer requests, newest first."
        actions={
          canWork && (
            <Button leftSection={<IconPlus size={16} />} onClick={openCreate}>
              New ticket
            </Button>
          )
        }
      />
      <Group gap="sm" align="flex-end" wrap="wrap">
        <SearchInput
          label="Search"
          placeholder="Subject or ticket number"
          w={240}
          value={filters.search ?? ''}
          onSearch={(value) => set('q', value)}
        />
        <MultiSelect
          label="Status"
          placeholder={filters.status ? undefined : 'Any'}
          w={220}
          data={TICKET_STATUS_OPTIONS}
          value={filters.status ?? []}
          onChange={(value) => set('status', value)}
          clearable
        />
        <MultiSelect
          label="Priority"
          placeholder={filters.priority ? undefined : 'Any'}
          w={200}
          data={TICKET_PRIORITY_OPTIONS}
          value={filters.priority ?? []}
          onChange={(value) => set('priority', value)}
          clearable
        />
        <MultiSelect
          label="Source"
          placeholder={filters.source ? undefined : 'Any'}
          w={200}
          data={TICKET_SOURCE_OPTIONS}
          value={filters.source ?? []}
          onChange={(value) => set('source', value)}
          clearable
        />
        <div style={{ width: 200 }}>
          <AssigneeSelect
            label="Assignee"
            placeholder="Anyone"
            value={filters.assigneeId ?? null}
            onChange={(value) => set('assignee', value)}
          />
        </div>
      </Group>
      {body}
      <Pager
        page={pager.page}
        hasPrevious={pager.hasPrevious}
        hasNext={Boolean(tickets.data?.nextCursor)}
        loading={tickets.isPlaceholderData && tickets.isFetching}
        onPrevious={pager.previous}
        onNext={() => tickets.data?.nextCursor && pager.next(tickets.data.nextCursor)}
      />
      {canWork && (
        <NewTicketModal
          opened={creating}
          onClose={closeCreate}
          CustomerSelect={CustomerSelect}
          onCreated={(ticket) => navigate(`/tickets/${ticket.id}`)}
        />
      )}
    </Stack>
  );
}
