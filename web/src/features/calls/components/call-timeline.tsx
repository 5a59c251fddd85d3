import { Badge, Group, Stack, Text, Timeline } from '@mantine/core';
import type { CallEventView } from '@navaia/shared';
import { useAuthenticatedSession } from '../../../lib/auth-store';
import { CALL_STATUS_LABELS } from '../../../lib/status-labels';
import { formatInZone } from '../../../lib/tenant-time';
import { CALL_PROVIDER_LABELS } from './call-labels';

const SOURCE_LABELS: Record<CallEventView['source'], string> = {
  ...CALL_PROVIDER_LABELS,
  api: 'Portal',
  dialer: 'Dialer',
  reconciler: 'Reconciler',
};

/**
 * Every status report the call received, in the order it arrived. Providers report out of
 * order and twice; reports that did not move the call are kept, greyed and marked ignored.
 */
export function CallTimeline({ events }: { events: readonly CallEventView[] }) {
  const { tenant } = useAuthenticatedSession();
  const lastApplied = events.reduce((last, event, index) => (event.applied ? index : last), -1);

  return (
    <Timeline active={lastApplied} bulletSize={14} lineWidth={2} aria-label="Status timeline">
      {events.map((event) => (
        <Timeline.Item
          key={event.id}
          color={event.applied ? undefined : 'gray'}
          data-testid="call-event"
          data-applied={event.applied}
          title={
            <Group gap={6}>
              <Text size="sm" fw={500} c={event.applied ? undefined : 'dimmed'}>
                {event.status ? (CALL_STATUS_LABELS[event.status] ?? event.status) : 'Note'}
              </Text>
              {!event.applied && (
                <Badge size="xs" color="gray" variant="outline">
                  Ignored
                </Badge>
              )}
            </Group>
          }
        >
          <Stack gap={0} c={event.applied ? undefined : 'dimmed'}>
            {event.detail && <Text size="xs">{event.detail}</Text>}
            <Text size="xs" c="dimmed">
              {formatInZone(event.occurredAt, tenant.timezone, { timeStyle: 'medium' })} ·{' '}
              {SOURCE_LABELS[event.source] ?? event.source}
              {event.sequenceNumber !== null ? ` · #${event.sequenceNumber}` : ''}
            </Text>
          </Stack>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
