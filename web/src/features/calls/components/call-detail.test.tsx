import { CallOutcome, CallStatus, VoiceOutcome } from '@navaia/shared';
import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { mockApi, renderWithProviders, requestsOf, signIn } from '../../../testing/test-utils';
import { CallDetail } from './call-detail';
import { makeCallDetail, makeVoiceSessionView } from './call-test-data';

const completed = makeCallDetail({
  status: CallStatus.Completed,
  outcome: CallOutcome.Answered,
  answeredBy: 'human',
  providerCallSid: 'CA1',
  voiceSessionId: '0190a0b2-0000-7000-8000-000000000001',
  startedAt: '2026-01-05T10:00:01.000Z',
  answeredAt: '2026-01-05T10:00:05.000Z',
  endedAt: '2026-01-05T10:00:47.000Z',
  durationSec: 42,
  bookingId: 'booking-3',
  events: [
    {
      id: 'e1',
      status: CallStatus.Queued,
      source: 'api',
      detail: null,
      sequenceNumber: null,
      applied: true,
      occurredAt: '2026-01-05T10:00:00.000Z',
    },
    {
      id: 'e2',
      status: CallStatus.Completed,
      source: 'twilio',
      detail: null,
      sequenceNumber: 3,
      applied: true,
      occurredAt: '2026-01-05T10:00:47.000Z',
    },
    {
      id: 'e3',
      status: CallStatus.Ringing,
      source: 'twilio',
      detail: 'Arrived after the call had ended',
      sequenceNumber: 1,
      applied: false,
      occurredAt: '2026-01-05T10:00:48.000Z',
    },
  ],
  voiceSession: makeVoiceSessionView({
    summary: 'Ada booked a consultation for Tuesday.',
    outcome: VoiceOutcome.BookingCreated,
    bookingId: 'booking-3',
    transcript: [
      { role: 'agent', message: 'Hello Ada, this is Acme.', timeInCallSecs: 0 },
      { role: 'user', message: 'I would like to book a consultation.', timeInCallSecs: 5 },
    ],
  }),
});

describe('call detail', () => {
  it('shows the header, the timeline with ignored reports greyed, the transcript and the booking', () => {
    signIn({ role: 'viewer' as never }, { timezone: 'UTC' });
    mockApi(() => ({ status: 404 }));
    renderWithProviders(<CallDetail call={completed} />);

    expect(screen.getByRole('heading', { name: 'Call to Ada Lovelace' })).toBeVisible();
    expect(screen.getAllByTestId('call-status')[0]).toHaveTextContent('CompletedAnswered · 0:42');

    const events = within(screen.getByRole('region', { name: 'Timeline' })).getAllByTestId(
      'call-event',
    );
    expect(events.map((event) => event.getAttribute('data-applied'))).toEqual([
      'true',
      'true',
      'false',
    ]);
    expect(events[2]).toHaveTextContent('Ringing');
    expect(events[2]).toHaveTextContent('Ignored');
    expect(events[2]).toHaveTextContent('Arrived after the call had ended');
    expect(events[2]).toHaveTextContent('Twilio · #1');
    expect(events[1]).not.toHaveTextContent('Ignored');

    const turns = within(screen.getByRole('log', { name: 'Transcript' })).getAllByTestId(
      'transcript-turn',
    );
    expect(turns).toHaveLength(2);
    expect(turns[1]).toHaveTextContent('Customer0:05I would like to book a consultation.');
    expect(screen.getByText('Ada booked a consultation for Tuesday.')).toBeVisible();
    expect(screen.getByRole('link', { name: 'Open the booking' })).toHaveAttribute(
      'href',
      '/bookings/booking-3',
    );

    const details = screen.getByRole('region', { name: 'Details' });
    expect(details).toHaveTextContent(/Ringing for\s*0:04/);
    expect(details).toHaveTextContent(/Talk time\s*0:42/);
    expect(details).toHaveTextContent('+1 415 555 0100');
    expect(within(details).getByRole('link', { name: 'Ada Lovelace' })).toHaveAttribute(
      'href',
      '/customers/customer-ada',
    );
    expect(screen.queryByRole('button', { name: 'Cancel call' })).not.toBeInTheDocument();
  });

  it('plays the recording, fetched with the access token', async () => {
    signIn({ role: 'viewer' as never }, { timezone: 'UTC' });
    const createObjectURL = vi.fn(() => 'blob:recording');
    // jsdom has no object URLs; a subclass keeps `new URL()` working and is unstubbed after.
    vi.stubGlobal(
      'URL',
      class extends URL {
        static override createObjectURL = createObjectURL;
        static override revokeObjectURL = vi.fn();
      },
    );
    const fetchMock = mockApi(() => ({ body: 'mp3 bytes' }));
    renderWithProviders(
      <CallDetail
        call={{
          ...completed,
          recordingUrl: `/api/v1/voice/sessions/${completed.voiceSessionId}/audio`,
        }}
      />,
    );

    const region = screen.getByRole('region', { name: 'Recording' });
    await expect
      .poll(() => region.querySelector('audio')?.getAttribute('src'))
      .toBe('blob:recording');
    expect(requestsOf(fetchMock)).toEqual([
      `GET /voice/sessions/${completed.voiceSessionId}/audio`,
    ]);
    const [, init] = fetchMock.mock.calls[0];
    expect(new Headers(init?.headers).get('Authorization')).toBe('Bearer token-1');
  });

  it('cancels a queued call after asking, and shows a refusal from the API', async () => {
    signIn({ role: 'agent' as never }, { timezone: 'UTC' });
    const queued = makeCallDetail({ status: CallStatus.Queued });
    let refuse = true;
    const fetchMock = mockApi(({ method, path }) => {
      if (method === 'POST' && path === `/calls/${queued.id}/cancel`) {
        return refuse
          ? {
              status: 409,
              body: {
                statusCode: 409,
                code: 'call_not_cancelable',
                message: 'Only a queued call can be cancelled; this one is being dialled',
              },
            }
          : { body: { ...queued, status: CallStatus.Canceled } };
      }
      return { status: 404 };
    });
    const { user } = renderWithProviders(<CallDetail call={queued} />);

    expect(
      screen.getByText('The transcript and summary appear here when the call has ended.'),
    ).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Cancel call' }));
    const dialog = await screen.findByRole('dialog', { name: 'Cancel call' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel call' }));
    expect(await within(dialog).findByText(/this one is being dialled/)).toBeVisible();

    refuse = false;
    await user.click(within(dialog).getByRole('button', { name: 'Cancel call' }));
    expect(await screen.findByText('The call to Ada Lovelace was cancelled')).toBeVisible();
    expect(requestsOf(fetchMock).filter((r) => r.startsWith('POST'))).toEqual([
      `POST /calls/${queued.id}/cancel`,
      `POST /calls/${queued.id}/cancel`,
    ]);
  });
});
