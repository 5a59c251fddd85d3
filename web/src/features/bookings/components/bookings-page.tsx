import '@mantine/dates/styles.css';
import { Button, Group, MultiSelect, SegmentedControl, Select, Stack } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useDisclosure } from '@mantine/hooks';
import { BookingStatus, Role } from '@navaia/shared';
import { IconCalendarWeek, IconPlus, IconTable } from '@tabler/icons-react';
import { useState } from 'react';
import type { EntitySelect } from '../../../components/ui/entity-select';
import { PageHeader } from '../../../components/ui/page-header';
import { Pager } from '../../../components/ui/pager';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/query-states';
import { useAuthenticatedSession } from '../../../lib/auth-store';
import { addDays, mondayOf, startOfDayInZone, todayInZone } from '../../../lib/tenant-time';
import { useCursorPager } from '../../../lib/use-cursor-pager';
import { useHasRole } from '../../../lib/use-has-role';
import { useBookings, type BookingFilters } from '../api/get-bookings';
import { BOOKING_STATUS_OPTIONS } from './booking-labels';
import { BookingFormModal } from './booking-form-modal';
import { BookingsTable } from './bookings-table';
import { WeekCalendar } from './week-calendar';
import { useSearchParamState } from '../../../lib/use-search-param-state';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const STATUSES = Object.values(BookingStatus);

/** View, week and filters live in the address, so reloading, sharing and "back" keep them. */
function useBookingParams() {
  const [params, set] = useSearchParamState();
  const day = (key: string) => {
    const value = params.get(key);
    return value && DAY.test(value) ? value : null;
  };
  const status = (params.get('status') ?? '')
    .split(',')
    .filter((v): v is BookingStatus => STATUSES.includes(v as BookingStatus));
  return {
    view: params.get('view') === 'calendar' ? ('calendar' as const) : ('table' as const),
    week: day('week'),
    from: day('from'),
    to: day('to'),
    order: params.get('order') === 'asc' ? ('asc' as const) : ('desc' as const),
    status: status.length ? status : undefined,
    set,
  };
}

function BookingsTableView({
  filters,
  canWork,
  onNew,
}: {
  filters: BookingFilters;
  canWork: boolean;
  onNew: () => void;
}) {
  const pager = useCursorPager(JSON.stringify(filters));
  const bookings = useBookings({ ...filters, cursor: pager.cursor });
  const rows = bookings.data?.data ?? [];
  const filtered = Boolean(filters.status || filters.from || filters.to);

  let body;
  if (bookings.isPending) body = <LoadingState label="Loading bookings" />;
  else if (bookings.isError) {
    body = (
      <ErrorState
        error={bookings.error}
        title="Could not load bookings"
        onRetry={() => void bookings.refetch()}
      />
    );
  } else if (rows.length === 0) {
    body = filtered ? (
      <EmptyState title="No bookings match these filters">
        Try other dates or statuses, or clear the filters.
      </EmptyState>
    ) : (
      <EmptyState title="No bookings yet">
        Bookings appear here when operators or the voice agent book a customer in.
        {canWork && (
          <Button variant="subtle" size="xs" ml="xs" onClick={onNew}>
            Add one
          </Button>
        )}
      </EmptyState>
    );
  } else body = <BookingsTable bookings={rows} stale={bookings.isPlaceholderData} />;

  return (
    <Stack gap="md">
      {body}
      <Pager
        page={pager.page}
        hasPrevious={pager.hasPrevious}
        hasNext={Boolean(bookings.data?.nextCursor)}
        loading={bookings.isPlaceholderData && bookings.isFetching}
        onPrevious={pager.previous}
        onNext={() => bookings.data?.nextCursor && pager.next(bookings.data.nextCursor)}
      />
    </Stack>
  );
}

export function BookingsPage({ CustomerSelect }: { CustomerSelect: EntitySelect }) {
  const { tenant } = useAuthenticatedSession();
  const zone = tenant.timezone;
  const canWork = useHasRole(Role.Agent);
  const params = useBookingParams();
  const week = params.week ? mondayOf(params.week) : mondayOf(todayInZone(zone));
  const [creating, { open, close }] = useDisclosure(false);
  const [slot, setSlot] = useState<string | undefined>();

  // Calendar days in the tenant's zone: from its first midnight to the midnight after the last.
  const filters: BookingFilters = {
    status: params.status,
    from: params.from ? startOfDayInZone(params.from, zone) : undefined,
    to: params.to ? startOfDayInZone(addDays(params.to, 1), zone) : undefined,
    order: params.order === 'asc' ? 'asc' : undefined,
  };

  const openNew = (startsAt?: string) => {
    setSlot(startsAt);
    open();
  };

  return (
    <Stack gap="md">
      <PageHeader
        title="Bookings"
        description={`Appointments and reservations; times in ${zone}.`}
        actions={
          canWork && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => openNew()}>
              New booking
            </Button>
          )
        }
      />
      <Group gap="sm" align="flex-end" wrap="wrap">
        <SegmentedControl
          aria-label="View"
          value={params.view}
          onChange={(view) => params.set({ view: view === 'calendar' ? 'calendar' : null })}
          data={[
            {
              value: 'table',
              label: (
                <Group gap={6} wrap="nowrap">
                  <IconTable size={14} aria-hidden />
                  Table
                </Group>
              ),
            },
            {
              value: 'calendar',
              label: (
                <Group gap={6} wrap="nowrap">
                  <IconCalendarWeek size={14} aria-hidden />
                  Week
                </Group>
              ),
            },
          ]}
        />
        <MultiSelect
          label="Status"
          placeholder={params.status ? undefined : 'Any'}
          w={260}
          data={BOOKING_STATUS_OPTIONS}
          value={params.status ?? []}
          onChange={(value) => params.set({ status: value.join(',') || null })}
          clearable
        />
        {params.view === 'table' && (
          <>
            <DatePickerInput
              type="range"
              label="Starting between"
              placeholder="Any dates"
              w={260}
              clearable
              allowSingleDateInRange
              valueFormat="D MMM YYYY"
              value={[params.from, params.to]}
              onChange={([from, to]) => {
                // Wait for both ends unless the range was cleared.
                if (from && !to) return;
                params.set({ from: from?.slice(0, 10) ?? null, to: to?.slice(0, 10) ?? null });
              }}
            />
            <Select
              label="Order"
              w={170}
              allowDeselect={false}
              data={[
                { value: 'desc', label: 'Latest first' },
                { value: 'asc', label: 'Earliest first' },
              ]}
              value={params.order}
              onChange={(order) => params.set({ order: order === 'asc' ? 'asc' : null })}
            />
          </>
        )}
      </Group>

      {params.view === 'calendar' ? (
        <WeekCalendar
          week={week}
          status={params.status}
          onWeekChange={(monday) => params.set({ week: monday })}
          onSlotClick={canWork ? (startsAt) => openNew(startsAt) : undefined}
        />
      ) : (
        <BookingsTableView filters={filters} canWork={canWork} onNew={() => openNew()} />
      )}

      {canWork && (
        <BookingFormModal
          opened={creating}
          onClose={close}
          startsAt={slot}
          CustomerSelect={CustomerSelect}
        />
      )}
    </Stack>
  );
}
