import { VoiceOutcome, VoicePurpose } from '@navaia/shared';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockApi, renderWithProviders, signIn } from '../../../testing/test-utils';
import { VoiceSessionsList } from './voice-sessions-list';
import { makeVoiceSession } from './voice-test-data';

const ticketCall = makeVoiceSession({
  customerId: 'customer-ada',
  customer: { id: 'customer-ada', displayName: 'Ada Lovelace' },
  status: 'ended',
  durationSec: 95,
  outcome: VoiceOutcome.TicketCreated,
  ticketId: 'ticket-1',
});
const bookingCall = makeVoiceSession({
  purpose: VoicePurpose.Sales,
  channel: 'phone',
  status: 'ended',
  durationSec: 42,
  outcome: VoiceOutcome.BookingCreated,
  bookingId: 'booking-1',
});
const failedCall = makeVoiceSession({ status: 'ended', outcome: VoiceOutcome.Failed });
const quietCall = makeVoiceSession({ status: 'ended', outcome: VoiceOutcome.NoAction });
const waitingCall = makeVoiceSession({ status: 'ended' });
const liveCall = makeVoiceSession({ status: 'in_progress' });

function setUp(route = '/voice/sessions', role: 'agent' | 'viewer' = 'agent') {
  signIn({ role: role as never }, { timezone: 'UTC' });
  const lists: URLSearchParams[] = [];
  mockApi(({ method, path, url }) => {
    if (method === 'GET' && path === '/voice/sessions') {
      lists.push(url.searchParams);
      if (url.searchParams.get('cursor') === 'next-1') {
        return { body: { data: [liveCall], nextCursor: null } };
      }
      if (url.searchParams.get('outcome') === 'no_action') {
        return { body: { data: [], nextCursor: null } };
      }
      return {
        body: {
          data: [ticketCall, bookingCall, failedCall, quietCall, waitingCall],
          nextCursor: 'next-1',
        },
      };
    }
    return { status: 404, body: { message: 'Not found' } };
  });
  return { lists, ...renderWithProviders(<VoiceSessionsList />, { route }) };
}

const rows = () => screen.getAllByTestId('voice-session-row');

describe('conversations table', () => {
  it('shows each conversation with its outcome badge, customer, purpose, channel, duration and result link', async () => {
    setUp();

    await screen.findByRole('table', { name: 'Conversations' });
    const [ticket, booking, failed, quiet, waiting] = rows();
    expect(ticket).toHaveTextContent('Ticket created');
    expect(ticket).toHaveTextContent('Support');
    expect(ticket).toHaveTextContent('Browser');
    expect(ticket).toHaveTextContent('1:35');
    expect(within(ticket).getByRole('link', { name: 'Ada Lovelace' })).toHaveAttribute(
      'href',
      '/customers/customer-ada',
    );
    expect(within(ticket).getByRole('link', { name: 'Open ticket' })).toHaveAttribute(
      'href',
      '/tickets/ticket-1',
    );
    expect(booking).toHaveTextContent('Booking created');
    expect(booking).toHaveTextContent('Sales');
    expect(booking).toHaveTextContent('Phone');
    expect(within(booking).getByRole('link', { name: 'Open booking' })).toHaveAttribute(
      'href',
      '/bookings/booking-1',
    );
    expect(failed).toHaveTextContent('Failed');
    expect(quiet).toHaveTextContent('No action');
    expect(waiting).toHaveTextContent('Processing');
    expect(within(ticket).getByRole('link', { name: /2026/ })).toHaveAttribute(
      'href',
      `/voice/sessions/${ticketCall.id}`,
    );
  });

  it('filters by outcome and purpose from the address, and says when nothing matches', async () => {
    const { lists } = setUp('/voice/sessions?outcome=no_action&purpose=sales');

    expect(await screen.findByText('No conversations match these filters')).toBeVisible();
    expect(lists.at(-1)?.get('outcome')).toBe('no_action');
    expect(lists.at(-1)?.get('purpose')).toBe('sales');
  });

  it("pages on with the API's cursor", async () => {
    const { user, lists } = setUp();

    await screen.findByRole('table', { name: 'Conversations' });
    await user.click(screen.getByRole('button', { name: 'Next' }));

    await expect.poll(() => rows().length).toBe(1);
    expect(rows()[0]).toHaveTextContent('In progress');
    expect(lists.at(-1)?.get('cursor')).toBe('next-1');
  });

  it('shows the API error with a retry', async () => {
    signIn({ role: 'agent' as never });
    mockApi(() => ({ status: 500, body: { statusCode: 500, message: 'Database is down' } }));
    renderWithProviders(<VoiceSessionsList />);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load conversations');
    expect(alert).toHaveTextContent('Database is down');
  });
});
