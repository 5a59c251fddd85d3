import { Anchor, Group, Stack, Text } from '@mantine/core';
import type { CallDetailView } from '@navaia/shared';
import { IconCalendarEvent, IconTicket } from '@tabler/icons-react';
import { Link } from 'react-router';
import { Section } from '../../../components/ui/detail-parts';
import { EmptyState } from '../../../components/ui/query-states';
import { Transcript } from '../../../components/ui/transcript';
import { awaitsResult } from '../api/get-call';

/** The ticket and booking a call produced, as links; null when it produced neither. */
export function CallResultLinks({ call }: { call: CallDetailView }) {
  const ticketId = call.ticketId ?? call.voiceSession?.ticketId ?? null;
  const bookingId = call.bookingId ?? call.voiceSession?.bookingId ?? null;
  if (!ticketId && !bookingId) return null;
  return (
    <Group gap="md">
      {ticketId && (
        <Anchor component={Link} to={`/tickets/${ticketId}`} size="sm">
          <Group gap={4}>
            <IconTicket size={16} aria-hidden />
            Open the ticket
          </Group>
        </Anchor>
      )}
      {bookingId && (
        <Anchor component={Link} to={`/bookings/${bookingId}`} size="sm">
          <Group gap={4}>
            <IconCalendarEvent size={16} aria-hidden />
            Open the booking
          </Group>
        </Anchor>
      )}
    </Group>
  );
}

/** What the conversation of an ended call came to: summary, result and what was said. */
export function CallConversation({ call, live = false }: { call: CallDetailView; live?: boolean }) {
  const session = call.voiceSession;
  const waiting = awaitsResult(call);
  const turns = session?.transcript ?? [];

  return (
    <Stack gap="md">
      <Section label="Summary" title="Summary">
        <Text size="sm" c={session?.summary ? undefined : 'dimmed'}>
          {session?.summary ??
            (waiting
              ? 'The summary appears once the conversation has been processed.'
              : 'No summary: nobody talked with the agent on this call.')}
        </Text>
        <CallResultLinks call={call} />
      </Section>
      <Section label="Transcript" title="Transcript" gap="sm">
        {turns.length ? (
          <Transcript
            turns={turns}
            userLabel="Customer"
            live={live}
            maxHeight={live ? 360 : undefined}
          />
        ) : (
          <EmptyState title="No transcript">
            {waiting
              ? 'It arrives shortly after the call has ended.'
              : 'Nothing was said on this call.'}
          </EmptyState>
        )}
      </Section>
    </Stack>
  );
}
