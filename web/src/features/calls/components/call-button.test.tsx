import { CallOutcome, CallStatus, VoiceOutcome } from '@navaia/shared';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockApi, renderWithProviders, signIn, type Handler } from '../../../testing/test-utils';
import { CallButton } from './call-button';
import { makeCall, makeCallDetail, makeVoiceSessionView } from './call-test-data';

const ADA = { id: '7c9e6679-7425-40de-944b-e07fc1f90ae7', displayName: 'Ada Lovelace' };

function setUp(
  handle: Handler,
  { doNotCall = false, role = 'agent', localZones = ['Europe/London'] } = {},
) {
  signIn({ role: role as never }, { timezone: 'UTC' });
  const posts: { body: unknown; key: string | null; path: string }[] = [];
  mockApi((request) => {
    if (request.method === 'POST') {
      posts.push({
        body: request.body,
        key: request.headers.get('Idempotency-Key'),
        path: request.path,
      });
    }
    return handle(request);
  });
  return {
    posts,
    ...renderWithProviders(<CallButton customer={{ ...ADA, doNotCall, localZones }} />),
  };
}

const OUTSIDE = {
  status: 422,
  body: {
    statusCode: 422,
    error: 'Unprocessable Entity',
    code: 'outside_calling_window',
    message:
      'It is 04:03 in London, outside the calling hours (08:00–21:00). Calling is next allowed Monday 08:00 London time.',
    details: { timezone: 'Europe/London', localTime: '04:03' },
    requestId: 'r3',
  },
};

describe('call button', () => {
  it('shows the customer’s local time in each zone they may be in', async () => {
    const { user } = setUp(() => ({ status: 500 }), {
      localZones: ['America/Denver', 'America/Phoenix', 'Europe/London', 'Europe/Guernsey'],
    });

    await user.click(screen.getByRole('button', { name: 'Call' }));
    const local = await screen.findByTestId('customer-local-time');
    const clock = (zone: string) =>
      new Intl.DateTimeFormat('en-GB', {
        timeZone: zone,
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(new Date());
    // Zones on the same clock are named together.
    expect(local).toHaveTextContent(`${clock('Europe/London')} in London or Guernsey`);
    expect(local).toHaveTextContent(new RegExp(`^Their time: .*\\d\\d:\\d\\d in Denver`));
    expect(local.textContent).toContain('Phoenix');
  });

  it('outside calling hours asks before calling anyway, then calls with override', async () => {
    const queued = makeCall({ customerId: ADA.id, customer: ADA });
    const { user, posts } = setUp(({ body }) =>
      (body as { override?: boolean }).override ? { status: 202, body: queued } : OUTSIDE,
    );

    await user.click(screen.getByRole('button', { name: 'Call' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Sales' }));

    const ask = await screen.findByRole('dialog', { name: 'Outside calling hours' });
    expect(ask).toHaveTextContent('It is 04:03 in London, outside the calling hours');
    expect(ask).toHaveTextContent('Call Ada Lovelace anyway?');
    expect(posts).toHaveLength(1);
    await user.click(within(ask).getByRole('button', { name: 'Call anyway' }));

    expect(await screen.findByRole('dialog', { name: 'Calling Ada Lovelace' })).toBeVisible();
    expect(posts.map((p) => p.body)).toEqual([
      { purpose: 'sales' },
      { purpose: 'sales', override: true },
    ]);
    // A fresh key: the refused request's answer stays the refusal.
    expect(posts[1].key).not.toBe(posts[0].key);
  });

  it('outside calling hours calls nobody when the operator declines', async () => {
    const { user, posts } = setUp(() => OUTSIDE);

    await user.click(screen.getByRole('button', { name: 'Call' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Support' }));
    const ask = await screen.findByRole('dialog', { name: 'Outside calling hours' });
    await user.click(within(ask).getByRole('button', { name: 'Don’t call' }));

    await expect
      .poll(() => screen.queryByRole('dialog', { name: 'Outside calling hours' }))
      .toBeNull();
    expect(posts).toHaveLength(1);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('is disabled for a customer on the do-not-call list, and says why', async () => {
    const { user, posts } = setUp(() => ({ status: 500 }), { doNotCall: true });

    const button = screen.getByRole('button', { name: 'Call' });
    expect(button).toBeDisabled();
    await user.hover(screen.getByTestId('call-disabled'));
    expect(await screen.findByText('Ada Lovelace asked not to be called')).toBeInTheDocument();
    expect(posts).toEqual([]);
  });

  it('is not offered to viewers, who may not place calls', () => {
    setUp(() => ({ status: 500 }), { role: 'viewer' });

    expect(screen.queryByRole('button', { name: 'Call' })).not.toBeInTheDocument();
  });

  it("shows the API's refusal in a notification", async () => {
    const { user } = setUp(() => ({
      status: 422,
      body: {
        statusCode: 422,
        error: 'Unprocessable Entity',
        code: 'customer_phone_invalid',
        message: 'This customer has no phone number that can be dialled',
        details: [{ field: 'customerId', message: 'not a valid E.164 number' }],
        requestId: 'r1',
      },
    }));

    await user.click(screen.getByRole('button', { name: 'Call' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Support' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not call Ada Lovelace');
    expect(alert).toHaveTextContent('This customer has no phone number that can be dialled');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('says the daily cap is reached without counting the seconds until tomorrow', async () => {
    const { user } = setUp(() => ({
      status: 429,
      headers: { 'Retry-After': '40000' },
      body: {
        statusCode: 429,
        error: 'Too Many Requests',
        code: 'daily_call_cap_reached',
        message: 'The daily cap of 5 calls is reached; calling resumes tomorrow',
        requestId: 'r2',
      },
    }));

    await user.click(screen.getByRole('button', { name: 'Call' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Support' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'The daily cap of 5 calls is reached; calling resumes tomorrow',
    );
    expect(alert).not.toHaveTextContent('40000');
  });

  it('calls with the chosen agent, then follows the call to its transcript and ticket', async () => {
    const queued = makeCall({ customerId: ADA.id, customer: ADA });
    let polls = 0;
    const { user, posts } = setUp(({ method, path }) => {
      if (method === 'POST' && path === `/customers/${ADA.id}/call`) {
        return { status: 202, body: queued };
      }
      if (method === 'GET' && path === `/calls/${queued.id}`) {
        polls += 1;
        if (polls === 1) return { body: makeCallDetail({ ...queued, status: CallStatus.Ringing }) };
        return {
          body: makeCallDetail({
            ...queued,
            status: CallStatus.Completed,
            outcome: CallOutcome.Answered,
            durationSec: 42,
            ticketId: 'ticket-7',
            voiceSession: makeVoiceSessionView({
              summary: 'Ada reported a broken router.',
              outcome: VoiceOutcome.TicketCreated,
              ticketId: 'ticket-7',
              transcript: [
                { role: 'agent', message: 'Hi Ada, this is Acme support.', timeInCallSecs: 0 },
                { role: 'user', message: 'My router is broken.', timeInCallSecs: 4 },
              ],
            }),
          }),
        };
      }
      return { status: 404, body: { message: 'Not found' } };
    });

    await user.click(screen.getByRole('button', { name: 'Call' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Sales' }));

    expect(posts).toEqual([
      { path: `/customers/${ADA.id}/call`, body: { purpose: 'sales' }, key: expect.any(String) },
    ]);
    const drawer = await screen.findByRole('dialog', { name: 'Calling Ada Lovelace' });
    expect(
      await within(drawer).findByText('Ringing', { selector: '[data-status] *' }),
    ).toBeVisible();

    await expect
      .poll(() => within(drawer).getByTestId('call-status').getAttribute('data-status'), {
        timeout: 5000,
      })
      .toBe('completed');
    expect(within(drawer).getByTestId('call-status')).toHaveTextContent('Answered · 0:42');
    const turns = within(drawer).getAllByTestId('transcript-turn');
    expect(turns[0]).toHaveTextContent('Hi Ada, this is Acme support.');
    expect(turns[1]).toHaveTextContent('Customer');
    expect(within(drawer).getByText('Ada reported a broken router.')).toBeVisible();
    expect(within(drawer).getByRole('link', { name: 'Open the ticket' })).toHaveAttribute(
      'href',
      '/tickets/ticket-7',
    );
    expect(within(drawer).getByRole('link', { name: 'Open call details' })).toHaveAttribute(
      'href',
      `/calls/${queued.id}`,
    );
  });
});
