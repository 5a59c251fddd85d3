import { Anchor, Table, Text } from '@mantine/core';
import type { VoiceSessionView } from '@navaia/shared';
import { Link, useNavigate } from 'react-router';
import { openOnRowClick } from '../../../components/ui/clickable-row';
import { useAuthenticatedSession } from '../../../lib/auth-store';
import { formatCallTime } from '../../../lib/format';
import { formatInZone } from '../../../lib/tenant-time';
import { OutcomeBadge } from './outcome-badge';
import { VOICE_CHANNEL_LABELS, VOICE_PURPOSE_LABELS } from './voice-labels';

/** The ticket or booking a conversation created, as a link; a dash otherwise. */
function ResultLink({ session }: { session: VoiceSessionView }) {
  if (session.ticketId) {
    return (
      <Anchor component={Link} to={`/tickets/${session.ticketId}`} size="sm">
        Open ticket
      </Anchor>
    );
  }
  if (session.bookingId) {
    return (
      <Anchor component={Link} to={`/bookings/${session.bookingId}`} size="sm">
        Open booking
      </Anchor>
    );
  }
  return (
    <Text size="sm" c="dimmed">
      —
    </Text>
  );
}

export function VoiceSessionsTable({
  sessions,
  stale = false,
}: {
  sessions: readonly VoiceSessionView[];
  /** Dims the rows while the next page replaces them. */
  stale?: boolean;
}) {
  const { tenant } = useAuthenticatedSession();
  const navigate = useNavigate();
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table verticalSpacing="sm" highlightOnHover aria-label="Conversations">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Started</Table.Th>
            <Table.Th>Customer</Table.Th>
            <Table.Th>Purpose</Table.Th>
            <Table.Th>Channel</Table.Th>
            <Table.Th>Duration</Table.Th>
            <Table.Th>Outcome</Table.Th>
            <Table.Th>Result</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody style={{ opacity: stale ? 0.6 : 1 }}>
          {sessions.map((session) => {
            const to = `/voice/sessions/${session.id}`;
            return (
              <Table.Tr
                key={session.id}
                style={{ cursor: 'pointer' }}
                onClick={openOnRowClick(() => navigate(to))}
                data-testid="voice-session-row"
              >
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Anchor component={Link} to={to} size="sm" fw={500}>
                    {formatInZone(session.startedAt ?? session.createdAt, tenant.timezone)}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  {session.customer ? (
                    <Anchor component={Link} to={`/customers/${session.customer.id}`} size="sm">
                      {session.customer.displayName}
                    </Anchor>
                  ) : (
                    <Text size="sm" c="dimmed">
                      —
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{VOICE_PURPOSE_LABELS[session.purpose] ?? session.purpose}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{VOICE_CHANNEL_LABELS[session.channel] ?? session.channel}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatCallTime(session.durationSec)}</Text>
                </Table.Td>
                <Table.Td>
                  <OutcomeBadge session={session} />
                </Table.Td>
                <Table.Td>
                  <ResultLink session={session} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
