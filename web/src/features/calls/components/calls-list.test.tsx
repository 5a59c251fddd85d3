import { CallStatus } from '@navaia/shared';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CustomerSelect } from '../../customers/components/customer-select';
import { mockApi, renderWithProviders, signIn } from '../../../testing/test-utils';
import { CallsList } from './calls-list';
import { makeCall } from './call-test-data';

const CUSTOMER = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const CAMPAIGN = '0190a0b2-0000-7000-8000-00000000abcd';

function setUp(route = '/calls') {
  signIn({ role: 'agent' as never }, { timezone: 'Europe/Berlin' });
  const lists: URLSearchParams[] = [];
  mockApi(({ method, path, url }) => {
    if (method === 'GET' && path === '/calls') {
      lists.push(url.searchParams);
      if (url.searchParams.get('cursor') === 'next-1') {
        return {
          body: {
            data: [makeCall({ status: CallStatus.Failed, to: '+14155550199' })],
            nextCursor: null,
          },
        };
      }
      return {
        body: {
          data: [
            makeCall({ status: CallStatus.Completed, ticketId: 'ticket-1', durationSec: 30 }),
            makeCall({ status: CallStatus.NoAnswer }),
          ],
          nextCursor: 'next-1',
        },
      };
    }
    if (method === 'GET' && path === '/customers') return { body: { data: [], nextCursor: null } };
    return { status: 404, body: { message: 'Not found' } };
  });
  return {
    lists,
    ...renderWithProviders(<CallsList CustomerSelect={CustomerSelect} />, { route }),
  };
}

const last = (lists: URLSearchParams[]) => Object.fromEntries(lists.at(-1) ?? []);

describe('calls list', () => {
  it("sends the address's filters, with the days as the tenant's local midnights", async () => {
    const { lists } = setUp(
      `/calls?status=ringing,in_progress,bogus&direction=outbound&customer=${CUSTOMER}&campaign=${CAMPAIGN}&from=2026-01-05&to=2026-01-06`,
    );

    await screen.findByRole('table', { name: 'Calls' });
    expect(last(lists)).toEqual({
      limit: '25',
      status: 'ringing,in_progress',
      direction: 'outbound',
      customerId: CUSTOMER,
      campaignId: CAMPAIGN,
      from: '2026-01-05T00:00:00+01:00',
      to: '2026-01-07T00:00:00+01:00',
    });
  });

  it('asks again with the statuses picked, and refuses a campaign id that is not one', async () => {
    const { user, lists } = setUp();
    await screen.findByRole('table', { name: 'Calls' });
    expect(last(lists)).toEqual({ limit: '25' });

    await user.click(screen.getByRole('textbox', { name: 'Status' }));
    await user.click(await screen.findByRole('option', { name: 'Busy' }));
    await user.click(await screen.findByRole('option', { name: 'No answer' }));
    await expect.poll(() => last(lists).status).toBe('busy,no_answer');

    const campaign = screen.getByRole('searchbox', { name: 'Campaign ID' });
    await user.type(campaign, 'summer{Enter}');
    expect(await screen.findByText(/Enter a campaign id/)).toBeVisible();
    expect(last(lists).campaignId).toBeUndefined();

    await user.clear(campaign);
    await user.type(campaign, `${CAMPAIGN}{Enter}`);
    await expect.poll(() => last(lists).campaignId).toBe(CAMPAIGN);
  });

  it('shows live chips and result links, and loads more with the cursor', async () => {
    const { user, lists } = setUp();

    const rows = await screen.findAllByTestId('call-row');
    expect(rows[0]).toHaveTextContent('Completed');
    expect(rows[0]).toHaveTextContent('Ada Lovelace');
    expect(screen.getByRole('link', { name: 'Ticket' })).toHaveAttribute(
      'href',
      '/tickets/ticket-1',
    );
    expect(rows[1]).toHaveTextContent('No answer');

    await user.click(screen.getByRole('button', { name: 'Load more' }));
    await expect.poll(() => screen.getAllByTestId('call-row').length).toBe(3);
    expect(screen.getAllByTestId('call-row')[2]).toHaveTextContent('+1 415 555 0199');
    expect(last(lists).cursor).toBe('next-1');
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });
});
