import '@mantine/dates/styles.css';
import { Button, Group, MultiSelect, Select, Stack } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { CallDirection, CallStatus } from '@navaia/shared';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { EntitySelect } from '../../../components/ui/entity-select';
import { PageHeader } from '../../../components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/query-states';
import { SearchInput } from '../../../components/ui/search-input';
import { useAuthenticatedSession } from '../../../lib/auth-store';
import { addDays, startOfDayInZone } from '../../../lib/tenant-time';
import { listParam } from '../../../lib/url-filters';
import { useCalls, type CallFilters } from '../api/get-calls';
import { CALL_DIRECTION_OPTIONS, CALL_STATUS_OPTIONS } from './call-labels';
import { CallsTable } from './calls-table';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const day = (raw: string | null) => (raw && DAY.test(raw) ? raw : undefined);

/**
 * The filters live in the address (days as the tenant's calendar days), so reloading, sharing
 * and "back" keep them; the API gets the instants those days start and end in the tenant's zone.
 */
export function useCallFilters(zone: string) {
  const [params, setParams] = useSearchParams();
  const firstDay = day(params.get('from'));
  const lastDay = day(params.get('to'));
  const direction = params.get('direction');
  const customerId = params.get('customer');
  const campaignId = params.get('campaign');
  const filters: CallFilters = {
    status: listParam(params.get('status'), Object.values(CallStatus)),
    direction: Object.values(CallDirection).includes(direction as CallDirection)
      ? (direction as CallDirection)
      : undefined,
    customerId: customerId && UUID.test(customerId) ? customerId : undefined,
    campaignId: campaignId && UUID.test(campaignId) ? campaignId : undefined,
    from: firstDay ? startOfDayInZone(firstDay, zone) : undefined,
    to: lastDay ? startOfDayInZone(addDays(lastDay, 1), zone) : undefined,
  };
  const set = (values: Record<string, string | readonly string[] | null>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(values)) {
          const text = Array.isArray(value) ? value.join(',') : (value as string | null);
          if (text) next.set(key, text);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );
  return {
    filters,
    days: [firstDay ?? null, lastDay ?? null] as [string | null, string | null],
    set,
  };
}

/** Every phone call of the organisation, newest first, followed live while under way. */
export function CallsList({ CustomerSelect }: { CustomerSelect: EntitySelect }) {
  const { tenant } = useAuthenticatedSession();
  const { filters, days, set } = useCallFilters(tenant.timezone);
  const calls = useCalls(filters);
  const [campaignError, setCampaignError] = useState<string | null>(null);
  const [draftDays, setDraftDays] = useState(days);
  const filtered = Object.values(filters).some((value) => value !== undefined);
  const rows = calls.data?.pages.flatMap((page) => page.data) ?? [];

  let body;
  if (calls.isPending) body = <LoadingState label="Loading calls" />;
  else if (calls.isError) {
    body = (
      <ErrorState
        error={calls.error}
        title="Could not load calls"
        onRetry={() => void calls.refetch()}
      />
    );
  } else if (rows.length === 0) {
    body = filtered ? (
      <EmptyState title="No calls match these filters">Try clearing the filters.</EmptyState>
    ) : (
      <EmptyState title="No calls yet">
        Press Call on a customer to have the AI agent phone them; the call shows up here.
      </EmptyState>
    );
  } else {
    body = <CallsTable calls={rows} stale={calls.isPlaceholderData} />;
  }

  return (
    <Stack gap="md">
      <PageHeader
        title="Calls"
        description="Phone calls placed and taken by the AI agent, newest first."
      />
      <Group gap="sm" align="flex-start" wrap="wrap">
        <MultiSelect
          label="Status"
          placeholder={filters.status ? undefined : 'Any'}
          w={240}
          data={CALL_STATUS_OPTIONS}
          value={filters.status ?? []}
          onChange={(value) => set({ status: value })}
          clearable
        />
        <Select
          label="Direction"
          placeholder="Any"
          w={150}
          data={CALL_DIRECTION_OPTIONS}
          value={filters.direction ?? null}
          onChange={(value) => set({ direction: value })}
          clearable
        />
        <div style={{ width: 240 }}>
          <CustomerSelect
            label="Customer"
            value={filters.customerId ?? null}
            // After a reload only the id is in the address; the picker names it once searched.
            selected={
              filters.customerId ? { id: filters.customerId, label: 'Selected customer' } : null
            }
            onChange={(id) => set({ customer: id })}
          />
        </div>
        <DatePickerInput
          type="range"
          label="Queued between"
          placeholder="Any day"
          w={250}
          valueFormat="D MMM YYYY"
          allowSingleDateInRange
          clearable
          value={draftDays}
          onChange={([first, last]) => {
            setDraftDays([first, last]);
            if ((first && last) || (!first && !last)) {
              set({ from: first?.slice(0, 10) ?? null, to: last?.slice(0, 10) ?? null });
            }
          }}
        />
        <SearchInput
          label="Campaign ID"
          placeholder="Any campaign"
          w={240}
          value={filters.campaignId ?? ''}
          error={campaignError}
          onSearch={(value) => {
            if (value && !UUID.test(value)) {
              setCampaignError('Enter a campaign id, e.g. 0190a0b2-…');
              return;
            }
            setCampaignError(null);
            set({ campaign: value || null });
          }}
        />
      </Group>
      {body}
      {calls.hasNextPage && (
        <Group justify="center">
          <Button
            variant="default"
            loading={calls.isFetchingNextPage}
            onClick={() => void calls.fetchNextPage()}
          >
            Load more
          </Button>
        </Group>
      )}
    </Stack>
  );
}
