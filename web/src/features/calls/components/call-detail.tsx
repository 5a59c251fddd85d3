import { Anchor, Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  CallDirection,
  CallStatus,
  formatPhone,
  isFinalCallStatus,
  Role,
  type CallDetailView,
} from '@navaia/shared';
import { IconPhoneX } from '@tabler/icons-react';
import { Link } from 'react-router';
import { BackLink, Fact, Section } from '../../../components/ui/detail-parts';
import { useAuthenticatedSession } from '../../../lib/auth-store';
import { formatCallTime } from '../../../lib/format';
import { CALL_OUTCOME_LABELS } from '../../../lib/status-labels';
import { formatInZone } from '../../../lib/tenant-time';
import { useHasRole } from '../../../lib/use-has-role';
import { CALL_DIRECTION_LABELS, CALL_PROVIDER_LABELS, CALL_PURPOSE_LABELS } from './call-labels';
import { CallProgress } from './call-progress';
import { CallRecording } from './call-recording';
import { CallConversation } from './call-result';
import { CallStatusChip } from './call-status-chip';
import { CallTimeline } from './call-timeline';
import { CancelCallModal } from './cancel-call-modal';

/** Seconds between two instants, or null when either is missing. */
function secondsBetween(from: string | null, to: string | null): number | null {
  if (!from || !to) return null;
  return Math.max(0, (Date.parse(to) - Date.parse(from)) / 1000);
}

/** One phone call: who, where it stands, how it went, what was said and what came of it. */
export function CallDetail({ call }: { call: CallDetailView }) {
  const { tenant } = useAuthenticatedSession();
  const canWork = useHasRole(Role.Agent);
  const [cancelling, { open: openCancel, close: closeCancel }] = useDisclosure(false);
  const when = (iso: string | null) => formatInZone(iso, tenant.timezone);
  const who = call.customer?.displayName ?? formatPhone(call.to);
  const ended = isFinalCallStatus(call.status);
  const waited = secondsBetween(call.startedAt, call.answeredAt ?? call.endedAt);

  return (
    <Stack gap="md">
      <BackLink to="/calls">Calls</BackLink>
      <Group justify="space-between" align="flex-start">
        <Stack gap={6}>
          <Title order={1} size="h2">
            {call.direction === CallDirection.Inbound ? `Call from ${who}` : `Call to ${who}`}
          </Title>
          <Group gap="xs">
            <CallStatusChip call={call} />
            <Text size="sm" c="dimmed">
              {CALL_PURPOSE_LABELS[call.purpose] ?? call.purpose} ·{' '}
              {call.from ? formatPhone(call.from) : 'Default caller ID'} → {formatPhone(call.to)}
            </Text>
          </Group>
        </Stack>
        {canWork && call.status === CallStatus.Queued && (
          <Button
            variant="light"
            color="red"
            leftSection={<IconPhoneX size={16} aria-hidden />}
            onClick={openCancel}
          >
            Cancel call
          </Button>
        )}
      </Group>
      <CallProgress status={call.status} />
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            {call.recordingUrl && <CallRecording url={call.recordingUrl} />}
            {ended ? (
              <CallConversation call={call} />
            ) : (
              <Paper withBorder p="md" radius="md">
                <Text size="sm" c="dimmed">
                  The transcript and summary appear here when the call has ended.
                </Text>
              </Paper>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <Section label="Details">
              <Fact label="Customer">
                {call.customer ? (
                  <Anchor component={Link} to={`/customers/${call.customer.id}`} size="sm">
                    {call.customer.displayName}
                  </Anchor>
                ) : (
                  '—'
                )}
              </Fact>
              <Fact label="To">{formatPhone(call.to)}</Fact>
              <Fact label="From">{call.from ? formatPhone(call.from) : '—'}</Fact>
              <Fact label="Direction">{CALL_DIRECTION_LABELS[call.direction]}</Fact>
              <Fact label="Provider">{CALL_PROVIDER_LABELS[call.provider] ?? call.provider}</Fact>
              <Fact label="Outcome">{call.outcome ? CALL_OUTCOME_LABELS[call.outcome] : '—'}</Fact>
              {call.answeredBy && <Fact label="Answered by">{call.answeredBy}</Fact>}
              {call.failureReason && <Fact label="Reason">{call.failureReason}</Fact>}
              <Fact label="Queued">{when(call.queuedAt)}</Fact>
              <Fact label="Dialled">{when(call.startedAt)}</Fact>
              <Fact label="Answered">{when(call.answeredAt)}</Fact>
              <Fact label="Ended">{when(call.endedAt)}</Fact>
              <Fact label="Ringing for">{formatCallTime(waited)}</Fact>
              <Fact label="Talk time">{formatCallTime(call.durationSec)}</Fact>
              {call.voiceSessionId && (
                <Fact label="Conversation">
                  <Anchor component={Link} to={`/voice/sessions/${call.voiceSessionId}`} size="sm">
                    Open
                  </Anchor>
                </Fact>
              )}
              <Text size="xs" c="dimmed">
                Times in {tenant.timezone}
              </Text>
            </Section>
            <Section label="Timeline" title="Timeline" gap="sm">
              {call.events.length ? (
                <CallTimeline events={call.events} />
              ) : (
                <Text size="sm" c="dimmed">
                  No status reports yet.
                </Text>
              )}
            </Section>
          </Stack>
        </Grid.Col>
      </Grid>
      {canWork && <CancelCallModal call={call} opened={cancelling} onClose={closeCancel} />}
    </Stack>
  );
}
