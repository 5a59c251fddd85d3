import { Anchor, Text } from '@mantine/core';
import { VoiceOutcome, type VoiceSessionView } from '@navaia/shared';
import { Link } from 'react-router';
import { useAuthenticatedSession } from '../../../lib/auth-store';
import { formatInZone } from '../../../lib/tenant-time';
import { useCreatedBooking } from '../api/get-created-booking';
import { useCreatedTicket } from '../api/get-created-ticket';

type Outcome = Pick<VoiceSessionView, 'outcome' | 'ticketId' | 'bookingId' | 'failureReason'>;

function TicketResult({ ticketId, size }: { ticketId: string; size: string }) {
  const ticket = useCreatedTicket(ticketId);
  return (
    <div>
      <Anchor component={Link} to={`/tickets/${ticketId}`} fw={600} size={size}>
        {ticket.data ? `Ticket #${ticket.data.number} created` : 'Ticket created'}
      </Anchor>
      {ticket.data && (
        <Text size="sm" c="dimmed">
          {ticket.data.subject}
        </Text>
      )}
    </div>
  );
}

function BookingResult({ bookingId, size }: { bookingId: string; size: string }) {
  const { tenant } = useAuthenticatedSession();
  const booking = useCreatedBooking(bookingId);
  return (
    <Anchor component={Link} to={`/bookings/${bookingId}`} fw={600} size={size}>
      {booking.data
        ? `Booking for ${booking.data.service} on ${formatInZone(booking.data.startsAt, tenant.timezone)} created`
        : 'Booking created'}
    </Anchor>
  );
}

/**
 * What the conversation led to, in words, with a link to the ticket or booking it created.
 * Renders nothing while there is no outcome yet.
 */
export function OutcomeResult({ session, size = 'md' }: { session: Outcome; size?: string }) {
  switch (session.outcome) {
    case VoiceOutcome.TicketCreated:
      return session.ticketId ? (
        <TicketResult ticketId={session.ticketId} size={size} />
      ) : (
        <Text fw={600}>Ticket created</Text>
      );
    case VoiceOutcome.BookingCreated:
      return session.bookingId ? (
        <BookingResult bookingId={session.bookingId} size={size} />
      ) : (
        <Text fw={600}>Booking created</Text>
      );
    case VoiceOutcome.NoAction:
      return (
        <div>
          <Text fw={600} size={size}>
            No action needed
          </Text>
          <Text size="sm" c="dimmed">
            The conversation did not ask for a ticket or a booking.
          </Text>
        </div>
      );
    case VoiceOutcome.Failed:
      return (
        <div>
          <Text fw={600} size={size} c="red">
            The conversation could not be processed
          </Text>
          <Text size="sm">{session.failureReason ?? 'No reason was given.'}</Text>
        </div>
      );
    default:
      return null;
  }
}
