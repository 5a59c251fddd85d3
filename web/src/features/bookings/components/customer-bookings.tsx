import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Role } from '@navaia/shared';
import { IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { EntityOption, EntitySelect } from '../../../components/ui/entity-select';
import { RecordListTab } from '../../../components/ui/record-list-tab';
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

  return (
    <>
      <RecordListTab
        query={bookings}
        viewsLabel="Which bookings"
        view={view}
        onViewChange={setView}
        views={[
          { value: 'all', label: 'All' },
          { value: 'upcoming', label: 'Upcoming' },
          { value: 'past', label: 'Past' },
        ]}
        action={
          canWork && (
            <Button size="xs" leftSection={<IconPlus size={14} />} onClick={open}>
              New booking
            </Button>
          )
        }
        loadingLabel="Loading bookings"
        errorTitle="Could not load this customer's bookings"
        empty={
          view === 'all'
            ? {
                title: 'No bookings for this customer',
                text: 'Bookings appear here when an operator or the voice agent books them in.',
              }
            : { title: 'No bookings here', text: 'Choose "All" to see their other bookings.' }
        }
      >
        {(rows) => <BookingsTable bookings={rows} showCustomer={false} />}
      </RecordListTab>
      {canWork && (
        <BookingFormModal
          opened={creating}
          onClose={close}
          customer={customer}
          CustomerSelect={CustomerSelect}
        />
      )}
    </>
  );
}
