import {
  Anchor,
  Badge,
  Button,
  CloseButton,
  Group,
  MultiSelect,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import {
  AUDIT_ACTIONS,
  AUDIT_ACTOR_TYPES,
  type AuditAction,
  type AuditActorType,
  type AuditEntryView,
} from '@navaia/shared';
import { useState } from 'react';
import { Pager } from '../../../components/ui/pager';
import { SectionHeader } from '../../../components/ui/section-header';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/query-states';
import { SearchInput } from '../../../components/ui/search-input';
import { formatDateTime } from '../../../lib/format';
import { useCursorPager } from '../../../lib/use-cursor-pager';
import { useAuditLog, type AuditFilters } from '../api/get-audit-log';
import { AuditEntryModal } from './audit-entry-modal';
import {
  ACTION_LABELS,
  ACTOR_TYPE_LABELS,
  describeRequest,
  ENTITY_TYPE_LABELS,
  options,
} from './audit-labels';
import { useSearchParamState } from '../../../lib/use-search-param-state';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The start of a local calendar day (`YYYY-MM-DD`), `days` later, as ISO-8601. */
function dayStart(day: string | null, days = 0): string | undefined {
  if (!day || !DAY.test(day)) return undefined;
  const date = new Date(`${day}T00:00:00`);
  date.setDate(date.getDate() + days);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** The filters live in the address, so reloading, sharing and "back" keep them. */
function useAuditFilters() {
  const [params, set] = useSearchParamState();
  const actorType = params.get('actorType') as AuditActorType | null;
  const actions = (params.get('action') ?? '')
    .split(',')
    .filter((a): a is AuditAction => (AUDIT_ACTIONS as readonly string[]).includes(a));
  const filters: AuditFilters = {
    actorType: actorType && AUDIT_ACTOR_TYPES.includes(actorType) ? actorType : undefined,
    actorId: params.get('actorId') || undefined,
    entityType: params.get('entityType') || undefined,
    entityId: params.get('entityId') || undefined,
    action: actions.length ? actions : undefined,
    from: dayStart(params.get('from')),
    // The chosen last day is included: the API's `to` is exclusive.
    to: dayStart(params.get('to'), 1),
  };
  return { filters, params, set };
}

function EntryRow({
  entry,
  onActor,
  onEntity,
  onOpen,
}: {
  entry: AuditEntryView;
  onActor: () => void;
  onEntity: () => void;
  onOpen: () => void;
}) {
  const request = describeRequest(entry);
  return (
    <Table.Tr data-testid={`audit-${entry.id}`}>
      <Table.Td>{formatDateTime(entry.createdAt)}</Table.Td>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <Badge size="xs" variant="outline" color="gray">
            {ACTOR_TYPE_LABELS[entry.actorType]}
          </Badge>
          {entry.actorId ? (
            <Anchor component="button" size="sm" onClick={onActor}>
              {entry.actorName ?? 'Removed'}
            </Anchor>
          ) : (
            <Text size="sm">System</Text>
          )}
        </Group>
      </Table.Td>
      <Table.Td>
        <Badge variant="light">{ACTION_LABELS[entry.action] ?? entry.action}</Badge>
      </Table.Td>
      <Table.Td>
        {request ? (
          <Text size="sm" ff="monospace">
            {request}
          </Text>
        ) : (
          <Anchor component="button" size="sm" onClick={onEntity}>
            {ENTITY_TYPE_LABELS[entry.entityType] ?? entry.entityType} {entry.entityId.slice(0, 8)}
          </Anchor>
        )}
      </Table.Td>
      <Table.Td>
        <Button size="compact-xs" variant="subtle" onClick={onOpen}>
          View changes
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}

/** Who changed what in the organisation, newest first, with each change's before and after. */
export function AuditLog() {
  const { filters, params, set } = useAuditFilters();
  const pager = useCursorPager(JSON.stringify(filters));
  const log = useAuditLog({ ...filters, cursor: pager.cursor });
  const [open, setOpen] = useState<AuditEntryView | null>(null);
  const rows = log.data?.data ?? [];
  const filtered = Object.values(filters).some((value) => value !== undefined);
  const actorName = rows.find((e) => e.actorId === filters.actorId)?.actorName;

  let body;
  if (log.isPending) {
    body = <LoadingState label="Loading the audit log" />;
  } else if (log.isError) {
    body = (
      <ErrorState
        error={log.error}
        title="Could not load the audit log"
        onRetry={() => void log.refetch()}
      />
    );
  } else if (rows.length === 0) {
    body = (
      <EmptyState title={filtered ? 'No entries match these filters' : 'Nothing recorded yet'} />
    );
  } else {
    body = (
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="sm" highlightOnHover data-testid="audit-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>When</Table.Th>
              <Table.Th>Who</Table.Th>
              <Table.Th>What</Table.Th>
              <Table.Th>Record</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((entry) => (
              <EntryRow
                key={entry.id}
                entry={entry}
                onActor={() => set({ actorId: entry.actorId, actorType: entry.actorType })}
                onEntity={() => set({ entityType: entry.entityType, entityId: entry.entityId })}
                onOpen={() => setOpen(entry)}
              />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
  }

  return (
    <Stack gap="md">
      <SectionHeader
        title="Audit log"
        description="Every change to customers, tickets, bookings, settings, team members and API keys, and every request an API key made to change something."
      />
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          label="Actor"
          placeholder="Anyone"
          w={150}
          data={options(ACTOR_TYPE_LABELS)}
          value={filters.actorType ?? null}
          onChange={(value) => set({ actorType: value, actorId: null })}
          clearable
        />
        <MultiSelect
          label="Action"
          placeholder={filters.action ? undefined : 'Any'}
          w={240}
          data={options(ACTION_LABELS)}
          value={filters.action ?? []}
          onChange={(value) => set({ action: value.join(',') })}
          clearable
        />
        <Select
          label="Record type"
          placeholder="Any"
          w={160}
          data={options(ENTITY_TYPE_LABELS)}
          value={filters.entityType ?? null}
          onChange={(value) => set({ entityType: value })}
          clearable
        />
        <SearchInput
          label="Record id"
          placeholder="Exact id"
          w={220}
          value={filters.entityId ?? ''}
          onSearch={(value) => set({ entityId: value })}
        />
        {(['from', 'to'] as const).map((key) => (
          <TextInput
            key={key}
            label={key === 'from' ? 'From' : 'To'}
            type="date"
            w={160}
            value={params.get(key) ?? ''}
            onChange={(event) => set({ [key]: event.currentTarget.value })}
          />
        ))}
      </Group>
      {filters.actorId && (
        <Group gap={4}>
          <Badge variant="light" style={{ textTransform: 'none' }}>
            Only {actorName ?? 'this actor'}
          </Badge>
          <CloseButton
            size="sm"
            aria-label="Show every actor"
            onClick={() => set({ actorId: null })}
          />
        </Group>
      )}
      {body}
      <Pager
        page={pager.page}
        hasPrevious={pager.hasPrevious}
        hasNext={Boolean(log.data?.nextCursor)}
        loading={log.isPlaceholderData && log.isFetching}
        onPrevious={pager.previous}
        onNext={() => log.data?.nextCursor && pager.next(log.data.nextCursor)}
      />
      <AuditEntryModal entry={open} onClose={() => setOpen(null)} />
    </Stack>
  );
}
