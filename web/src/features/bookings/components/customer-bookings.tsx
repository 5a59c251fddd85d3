import { Button, Group, SegmentedControl, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Role } from '@navaia/shared';
import { IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { EntityOption, EntitySelect } from '../../../components/ui/entity-select';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/query-states';
import { useHasRole } from '../../../lib/use-has-role';
import { useCustomerBookings, type CustomerBookingsParams } from '../api/get-customer-bookings';
import { BookingFormModal } from './booking-form-modal';
import { BookingsTable } from './bookings-table';

type View = 'all' | 'upcoming' | 'past';

/** One customer's bookings, page by page, with "New booking" for them right there. */
export function CustomerBookings({
  customer,
  CustomerSelect,
}: {
  customer: EntityOption;
  CustomerSelect: EntitySelect;
}) {
  const canWork = useHasRole(Role.Agent);
  const [view, setView] = useState<View>('all');
  // The moment the view was chosen divides upcoming from past; it must not change per render.
  const params = useMemo<CustomerBookingsParams>(() => {
    const now = new Date().toISOString();
    if (view === 'upcoming') return { from: now, order: 'asc' };
    if (view === 'past') return { to: now };
    return {};
  }, [view]);
  const bookings = useCustomerBookings(customer.id, params);
  const [creating, { open, close }] = useDisclosure(false);
  const rows = bookings.data?.pages.flatMap((page) => page.data) ?? [];

  let body;
  if (bookings.isPending) body = <LoadingState label="Loading bookings" />;
  else if (bookings.isError) {
    body = (
      <ErrorState
        error={bookings.error}
        title="Could not load this customer's bookings"
        onRetry={() => void bookings.refetch()}
      />
    );
  } else if (rows.length === 0) {
    body = (
      <EmptyState title={view === 'all' ? 'No bookings for this customer' : 'No bookings here'}>
        {view === 'all'
          ? 'Bookings appear here when an operator or the voice agent books them in.'
          : 'Choose "All" to see their other bookings.'}
      </EmptyState>
    );
  } else body = <BookingsTable bookings={rows} showCustomer={false} />;

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <SegmentedControl
          size="xs"
          aria-label="Which bookings"
          value={view}
          onChange={(value) => setView(value as View)}
          data={[
            { value: 'all', label: 'All' },
            { value: 'upcoming', label: 'Upcoming' },
            { value: 'past', label: 'Past' },
          ]}
        />
        {canWork && (
          <Button size="xs" leftSection={<IconPlus size={14} />} onClick={open}>
            New booking
          </Button>
        )}
      </Group>
      {body}
      {bookings.hasNextPage && (
        <Group justify="center">
          <Button
            variant="default"
            loading={bookings.isFetchingNextPage}
            onClick={() => void bookings.fetchNextPage()}
          >
            Load more
          </Button>
        </Group>
      )}
      {canWork && (
        <BookingFormModal
          opened={creating}
          onClose={close}
          customer={customer}
          CustomerSelect={CustomerSelect}
        />
      )}
    </Stack>
  );
}
