import { Button, Group, Select, Stack } from '@mantine/core';
import { Role, VoiceOutcome, VoicePurpose } from '@navaia/shared';
import { IconPhoneCall } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/ui/page-header';
import { Pager } from '../../../components/ui/pager';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/query-states';
import { useCursorPager } from '../../../lib/use-cursor-pager';
import { useHasRole } from '../../../lib/use-has-role';
import { useVoiceSessions, type VoiceSessionFilters } from '../api/get-voice-sessions';
import { VOICE_OUTCOME_OPTIONS, VOICE_PURPOSE_OPTIONS } from './voice-labels';
import { VoiceSessionsTable } from './voice-sessions-table';

/** Only values the API knows survive from the address bar. */
function oneOf<T extends string>(raw: string | null, allowed: readonly T[]): T | undefined {
  return allowed.includes(raw as T) ? (raw as T) : undefined;
}

/** The filters live in the address, so reloading, sharing and "back" keep them. */
function useVoiceSessionFilters() {
  const [params, setParams] = useSearchParams();
  const filters: VoiceSessionFilters = {
    outcome: oneOf(params.get('outcome'), Object.values(VoiceOutcome)),
    purpose: oneOf(params.get('purpose'), Object.values(VoicePurpose)),
  };
  const set = (key: string, value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  return { filters, set };
}

/** Every conversation with the AI agent, newest first, and what each one led to. */
export function VoiceSessionsList() {
  const canTalk = useHasRole(Role.Agent);
  const { filters, set } = useVoiceSessionFilters();
  const pager = useCursorPager(JSON.stringify(filters));
  const sessions = useVoiceSessions({ ...filters, cursor: pager.cursor });
  const filtered = Object.values(filters).some((value) => value !== undefined);
  const rows = sessions.data?.data ?? [];

  let body;
  if (sessions.isPending) {
    body = <LoadingState label="Loading conversations" />;
  } else if (sessions.isError) {
    body = (
      <ErrorState
        error={sessions.error}
        title="Could not load conversations"
        onRetry={() => void sessions.refetch()}
      />
    );
  } else if (rows.length === 0) {
    body = filtered ? (
      <EmptyState title="No conversations match these filters">
        Try clearing the filters.
      </EmptyState>
    ) : (
      <EmptyState title="No conversations yet">
        Conversations with the voice agent appear here, from the Playground or from calls.
      </EmptyState>
    );
  } else {
    body = <VoiceSessionsTable sessions={rows} stale={sessions.isPlaceholderData} />;
  }

  return (
    <Stack gap="md">
      <PageHeader
        title="Conversations"
        description="Talks with the AI voice agent, newest first, and the tickets and bookings they led to."
        actions={
          canTalk && (
            <Button
              component={Link}
              to="/voice/playground"
              variant="light"
              leftSection={<IconPhoneCall size={16} />}
            >
              Open the Playground
            </Button>
          )
        }
      />
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          label="Outcome"
          placeholder="Any"
          w={200}
          data={VOICE_OUTCOME_OPTIONS}
          value={filters.outcome ?? null}
          onChange={(value) => set('outcome', value)}
          clearable
        />
        <Select
          label="Purpose"
          placeholder="Any"
          w={160}
          data={VOICE_PURPOSE_OPTIONS}
          value={filters.purpose ?? null}
          onChange={(value) => set('purpose', value)}
          clearable
        />
      </Group>
      {body}
      <Pager
        page={pager.page}
        hasPrevious={pager.hasPrevious}
        hasNext={Boolean(sessions.data?.nextCursor)}
        loading={sessions.isPlaceholderData && sessions.isFetching}
        onPrevious={pager.previous}
        onNext={() => sessions.data?.nextCursor && pager.next(sessions.data.nextCursor)}
      />
    </Stack>
  );
}
