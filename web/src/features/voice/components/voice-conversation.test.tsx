import { VoiceErrorCode, VoiceOutcome, VoicePurpose } from '@navaia/shared';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeBooking, makeCustomer, makeTicket } from '../../../testing/factories';
import {
  mockApi,
  renderWithProviders,
  requestsOf,
  signIn,
  type Handler,
  type MockResponse,
} from '../../../testing/test-utils';
import { CustomerSelect } from '../../customers/components/customer-select';
import { VoiceConversation } from './voice-conversation';
import { makeSimulatorStart, makeVoiceSession } from './voice-test-data';

const ADA = makeCustomer({
  id: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  displayName: 'Ada Lovelace',
});

/** Answers the voice requests of one test; anything it leaves unanswered is a 404. */
type VoiceBackend = (request: Parameters<Handler>[0]) => MockResponse | undefined;

function setUp(extra: VoiceBackend, { role = 'agent' }: { role?: 'agent' | 'viewer' } = {}) {
  signIn({ role: role as never }, { timezone: 'Europe/Berlin' });
  const posts: { path: string; body: unknown }[] = [];
  const fetchMock = mockApi((request) => {
    const { method, path, url, body } = request;
    if (method === 'POST') posts.push({ path, body });
    if (method === 'GET' && path === '/customers') {
      const search = url.searchParams.get('search');
      return { body: { data: search && /ada/i.test(search) ? [ADA] : [], nextCursor: null } };
    }
    return extra(request) ?? { status: 404, body: { message: 'Not found' } };
  });
  const view = renderWithProviders(<VoiceConversation CustomerSelect={CustomerSelect} />);
  return { ...view, posts, fetchMock };
}

describe('voice conversation with the simulator', () => {
  it('sends what was typed, shows the returned turns, and after the agent ends shows the ticket it became', async () => {
    const session = makeVoiceSession({
      customerId: ADA.id,
      customer: { id: ADA.id, displayName: 'Ada Lovelace' },
    });
    const ticket = makeTicket({ id: 'ticket-42', number: 42, subject: 'Internet keeps failing' });
    let sessionReads = 0;
    const { user, posts, fetchMock } = setUp(({ method, path, body }) => {
      if (method === 'POST' && path === '/voice/sessions') {
        return { status: 201, body: makeSimulatorStart(session) };
      }
      if (method === 'POST' && path === `/voice/sessions/${session.id}/messages`) {
        const text = (body as { text: string }).text;
        return {
          body: {
            turns: [
              { role: 'user', message: text, timeInCallSecs: 4 },
              { role: 'agent', message: 'Shall I log this for our team?', timeInCallSecs: 5 },
            ],
            ended: /yes/i.test(text),
          },
        };
      }
      if (method === 'GET' && path === `/voice/sessions/${session.id}`) {
        sessionReads += 1;
        // The post-call processing finishes after a couple of polls.
        return {
          body:
            sessionReads < 2
              ? { ...session, status: 'ended' }
              : {
                  ...session,
                  status: 'ended',
                  outcome: VoiceOutcome.TicketCreated,
                  ticketId: ticket.id,
                  summary: 'The caller reported a failing internet connection.',
                },
        };
      }
      if (method === 'GET' && path === `/tickets/${ticket.id}`) return { body: ticket };
      return undefined;
    });

    await user.type(screen.getByRole('textbox', { name: 'Talk as' }), 'Ada');
    await user.click(await screen.findByRole('option', { name: /Ada Lovelace/ }));
    await user.click(screen.getByRole('button', { name: 'Start conversation' }));

    // The greeting is the simulator's, with the customer's name.
    const transcript = await screen.findByRole('log', { name: 'Transcript' });
    expect(transcript).toHaveTextContent(
      'Hi Ada Lovelace, thanks for calling. How can I help you today?',
    );
    expect(posts[0]).toEqual({
      path: '/voice/sessions',
      body: { purpose: VoicePurpose.Support, customerId: ADA.id },
    });

    await user.type(screen.getByRole('textbox', { name: 'Your message' }), 'My internet fails');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(await within(transcript).findByText('My internet fails')).toBeVisible();
    expect(within(transcript).getByText('Shall I log this for our team?')).toBeVisible();
    expect(within(transcript).getAllByTestId('transcript-turn')).toHaveLength(3);
    expect(screen.getByRole('textbox', { name: 'Your message' })).toHaveValue('');

    await user.type(screen.getByRole('textbox', { name: 'Your message' }), 'Yes please');
    await user.click(screen.getByRole('button', { name: 'Send' }));

    // The agent ended the call: no more input, and the outcome arrives by polling.
    const link = await screen.findByRole('link', { name: 'Ticket #42 created' }, { timeout: 5000 });
    expect(link).toHaveAttribute('href', '/tickets/ticket-42');
    expect(screen.getByText('Internet keeps failing')).toBeVisible();
    expect(screen.getByText('The caller reported a failing internet connection.')).toBeVisible();
    expect(screen.queryByRole('textbox', { name: 'Your message' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Hang up' })).not.toBeInTheDocument();
    expect(sessionReads).toBeGreaterThanOrEqual(2);
    expect(posts.map((p) => p.path)).toEqual([
      '/voice/sessions',
      `/voice/sessions/${session.id}/messages`,
      `/voice/sessions/${session.id}/messages`,
    ]);
    expect(posts[1].body).toEqual({ text: 'My internet fails' });

    // Polling stops once the outcome is known.
    const reads = requestsOf(fetchMock).filter((r) => r === `GET /voice/sessions/${session.id}`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(
      requestsOf(fetchMock).filter((r) => r === `GET /voice/sessions/${session.id}`).length,
    ).toBeLessThanOrEqual(reads.length + 1);
  });

  it('hangs up on request and then shows the booking the call produced', async () => {
    const session = makeVoiceSession({ purpose: VoicePurpose.Sales });
    const booking = makeBooking({
      id: 'booking-7',
      service: 'haircut',
      startsAt: '2026-01-06T09:00:00.000Z',
    });
    const { user, posts } = setUp(({ method, path }) => {
      if (method === 'POST' && path === '/voice/sessions') {
        return { status: 201, body: makeSimulatorStart(session) };
      }
      if (method === 'POST' && path === `/voice/sessions/${session.id}/end`) {
        return { status: 202, body: { ...session, status: 'ended' } };
      }
      if (method === 'GET' && path === `/voice/sessions/${session.id}`) {
        return {
          body: { ...session, outcome: VoiceOutcome.BookingCreated, bookingId: booking.id },
        };
      }
      if (method === 'GET' && path === `/bookings/${booking.id}`) return { body: booking };
      return undefined;
    });

    await user.click(screen.getByText('Sales'));
    await user.click(screen.getByRole('button', { name: 'Start conversation' }));
    expect(
      await screen.findByText('Hi, thanks for calling. How can I help you today?'),
    ).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Hang up' }));

    // 10:00 in Berlin, the tenant's zone.
    const link = await screen.findByRole('link', {
      name: /^Booking for haircut on .*10:00.* created$/,
    });
    expect(link).toHaveAttribute('href', '/bookings/booking-7');
    expect(posts[0].body).toEqual({ purpose: VoicePurpose.Sales });

    await user.click(screen.getByRole('button', { name: 'Start another' }));
    expect(screen.getByRole('button', { name: 'Start conversation' })).toBeVisible();
  });

  it('takes a refusal because the conversation already ended as its end, not as a failure', async () => {
    const session = makeVoiceSession();
    const ticket = makeTicket({ id: 'ticket-43', number: 43, subject: 'Router reset' });
    const { user } = setUp(({ method, path }) => {
      if (method === 'POST' && path === '/voice/sessions') {
        return { status: 201, body: makeSimulatorStart(session) };
      }
      if (method === 'POST' && path === `/voice/sessions/${session.id}/messages`) {
        return {
          status: 409,
          body: {
            statusCode: 409,
            error: 'Conflict',
            code: VoiceErrorCode.ConversationEnded,
            message: 'The conversation has ended',
          },
        };
      }
      if (method === 'GET' && path === `/voice/sessions/${session.id}`) {
        return {
          body: {
            ...session,
            status: 'ended',
            outcome: VoiceOutcome.TicketCreated,
            ticketId: ticket.id,
          },
        };
      }
      if (method === 'GET' && path === `/tickets/${ticket.id}`) return { body: ticket };
      return undefined;
    });

    await user.click(screen.getByRole('button', { name: 'Start conversation' }));
    await user.type(await screen.findByRole('textbox', { name: 'Your message' }), 'Hello?');
    await user.click(screen.getByRole('button', { name: 'Send' }));

    const link = await screen.findByRole('link', { name: 'Ticket #43 created' });
    expect(link).toHaveAttribute('href', '/tickets/ticket-43');
    expect(screen.queryByText('The conversation has ended')).not.toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Your message' })).not.toBeInTheDocument();
  });

  it('explains a missing ElevenLabs agent and how to provision one', async () => {
    const { user } = setUp(({ method, path }) =>
      method === 'POST' && path === '/voice/sessions'
        ? {
            status: 409,
            body: {
              statusCode: 409,
              error: 'Conflict',
              code: VoiceErrorCode.AgentMissing,
              message:
                'No ElevenLabs agent is configured for support; run npm run voice:provision or set it in the settings',
            },
          }
        : undefined,
    );

    await user.click(screen.getByRole('button', { name: 'Start conversation' }));

    const alert = await screen.findByTestId('voice-agent-missing');
    expect(alert).toHaveTextContent('No voice agent is set up');
    expect(alert).toHaveTextContent('No ElevenLabs agent is configured for support');
    expect(within(alert).getByText('npm run voice:provision')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Start conversation' })).toBeVisible();
    expect(screen.queryByRole('log', { name: 'Transcript' })).not.toBeInTheDocument();
  });

  it('does not offer a conversation to viewers', () => {
    setUp(() => undefined, { role: 'viewer' });

    expect(screen.queryByRole('button', { name: 'Start conversation' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'See the conversations' })).toHaveAttribute(
      'href',
      '/voice/sessions',
    );
  });
});
