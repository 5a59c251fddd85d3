import { VoiceOutcome } from '@navaia/shared';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeTicket } from '../../../testing/factories';
import { mockApi, renderWithProviders, signIn } from '../../../testing/test-utils';
import { VoiceSessionDetail } from './voice-session-detail';
import { makeVoiceSession } from './voice-test-data';

describe('conversation detail', () => {
  it("shows the transcript, summary, collected data, times in the tenant's zone and the ticket it created", async () => {
    signIn({ role: 'viewer' as never }, { timezone: 'America/New_York' });
    const ticket = makeTicket({ id: 'ticket-9', number: 9 });
    mockApi(({ path }) =>
      path === '/tickets/ticket-9' ? { body: ticket } : { status: 404, body: { message: 'No' } },
    );
    const session = makeVoiceSession({
      customerId: 'customer-ada',
      customer: { id: 'customer-ada', displayName: 'Ada Lovelace' },
      status: 'ended',
      startedAt: '2026-01-05T15:00:00.000Z',
      endedAt: '2026-01-05T15:01:05.000Z',
      durationSec: 65,
      transcript: [
        { role: 'agent', message: 'Hi, how can I help?', timeInCallSecs: 0 },
        { role: 'user', message: 'My router is broken', timeInCallSecs: 62 },
      ],
      summary: 'The caller has a broken router.',
      analysis: {
        call_successful: 'success',
        call_summary_title: 'Support request',
        data_collection_results: {
          intent: { data_collection_id: 'intent', value: 'support', rationale: 'Asked for help' },
          urgent: { data_collection_id: 'urgent', value: false },
          booking_time: { data_collection_id: 'booking_time', value: null },
        },
      },
      outcome: VoiceOutcome.TicketCreated,
      ticketId: 'ticket-9',
    });

    renderWithProviders(<VoiceSessionDetail session={session} />);

    expect(screen.getByRole('heading', { name: 'Conversation with Ada Lovelace' })).toBeVisible();
    const transcript = screen.getByRole('log', { name: 'Transcript' });
    const turns = within(transcript).getAllByTestId('transcript-turn');
    expect(turns[0]).toHaveTextContent('Agent');
    expect(turns[0]).toHaveTextContent('0:00');
    expect(turns[1]).toHaveTextContent('Caller');
    expect(turns[1]).toHaveTextContent('1:02');
    expect(turns[1]).toHaveTextContent('My router is broken');
    expect(screen.getByText('The caller has a broken router.')).toBeVisible();

    const collected = screen.getByRole('region', { name: 'Analysis' });
    expect(collected).toHaveTextContent('Intentsupport');
    expect(collected).toHaveTextContent('UrgentNo');
    expect(collected).toHaveTextContent('Booking time—');

    const details = screen.getByRole('region', { name: 'Details' });
    // 15:00 UTC is 10:00 in New York in January.
    expect(details).toHaveTextContent(/Started.*10:00/);
    expect(details).toHaveTextContent(/Ended.*10:01/);
    expect(details).toHaveTextContent('1:05');
    expect(within(details).getByRole('link', { name: 'Ada Lovelace' })).toHaveAttribute(
      'href',
      '/customers/customer-ada',
    );
    expect(await screen.findByRole('link', { name: 'Ticket #9 created' })).toHaveAttribute(
      'href',
      '/tickets/ticket-9',
    );
  });

  it('says why a conversation failed', () => {
    signIn({ role: 'agent' as never });
    mockApi(() => ({ status: 404, body: { message: 'No' } }));
    renderWithProviders(
      <VoiceSessionDetail
        session={makeVoiceSession({
          status: 'failed',
          outcome: VoiceOutcome.Failed,
          failureReason: 'The caller could not be matched to a customer',
        })}
      />,
    );

    const outcome = screen.getByRole('region', { name: 'Outcome' });
    expect(outcome).toHaveTextContent('The conversation could not be processed');
    expect(outcome).toHaveTextContent('The caller could not be matched to a customer');
  });
});
