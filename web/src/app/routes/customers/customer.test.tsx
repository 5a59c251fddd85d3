import { CallOutcome, CallStatus, type TicketView } from '@navaia/shared';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeCall } from '../../../features/calls/components/call-test-data';
import { makeCampaign } from '../../../features/campaigns/components/campaign-test-data';
import { makeBooking, makeCustomer, makeTicket } from '../../../testing/factories';
import {
  makeTenant,
  makeUser,
  mockApi,
  renderApp,
  requestsOf,
  type Handler,
} from '../../../testing/test-utils';

const ADA = makeCustomer({
  id: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  displayName: 'Ada Lovelace',
  phone: '+14155550123',
  email: 'ada@example.com',
  tags: ['vip'],
});

/** The app behind a restored session, with one customer and whatever `extra` answers. */
function setUp(role: 'agent' | 'viewer', extra: Handler = () => ({ status: 404 })) {
  const user = makeUser({ role: role as never });
  const tenant = makeTenant({ timezone: 'UTC' });
  let tickets: TicketView[] = [makeTicket({ subject: 'Crown came loose', customerId: ADA.id })];
  const posts: unknown[] = [];
  const fetchMock = mockApi(async (request) => {
    const { method, path, body } = request;
    if (path === '/auth/refresh') return { body: { accessToken: 't' } };
    if (path === '/auth/me') return { body: { user, tenant, principal: { type: 'user' } } };
    if (path === '/tenant/members') return { body: [] };
    if (method === 'GET' && path === `/customers/${ADA.id}`) return { body: ADA };
    if (method === 'GET' && path === `/customers/${ADA.id}/tickets`) {
      return { body: { data: tickets, nextCursor: null } };
    }
    if (method === 'GET' && path === `/customers/${ADA.id}/bookings`) {
      return { body: { data: [makeBooking({ service: 'Whitening' })], nextCursor: null } };
    }
    if (method === 'POST' && path === '/tickets') {
      posts.push(body);
      const ticket = makeTicket({ ...(body as object), number: 2 });
      tickets = [ticket, ...tickets];
      return { status: 201, body: ticket };
    }
    return extra(request);
  });
  return { posts, fetchMock, ...renderApp(`/customers/${ADA.id}`) };
}

describe('customer page', () => {
  it('shows the customer and only their tickets, then their bookings on the other tab', async () => {
    const { user, fetchMock } = setUp('agent');

    expect(await screen.findByRole('heading', { name: 'Ada Lovelace' })).toBeVisible();
    expect(screen.getByRole('link', { name: '+1 415 555 0123' })).toHaveAttribute(
      'href',
      'tel:+14155550123',
    );
    expect(await screen.findByRole('row', { name: /Crown came loose/ })).toBeVisible();
    expect(requestsOf(fetchMock)).not.toContain(`GET /customers/${ADA.id}/bookings`);

    await user.click(screen.getByRole('tab', { name: 'Bookings' }));

    expect(await screen.findByRole('row', { name: /Whitening/ })).toBeVisible();
    expect(requestsOf(fetchMock)).toContain(`GET /customers/${ADA.id}/bookings`);
    expect(requestsOf(fetchMock)).not.toContain('GET /tickets');
    expect(requestsOf(fetchMock)).not.toContain('GET /bookings');
  });

  it('opens a ticket for this customer from their page, and lists it there', async () => {
    const { user, posts } = setUp('agent');
    await screen.findByRole('row', { name: /Crown came loose/ });

    await user.click(screen.getByRole('button', { name: 'New ticket' }));
    const dialog = await screen.findByRole('dialog', { name: 'New ticket' });
    expect(within(dialog).getByRole('textbox', { name: 'Customer' })).toHaveValue('Ada Lovelace');
    expect(within(dialog).getByRole('textbox', { name: 'Customer' })).toBeDisabled();
    await user.type(within(dialog).getByLabelText('Subject', { exact: false }), 'Call back');
    await user.click(within(dialog).getByRole('button', { name: 'Create ticket' }));

    expect(await screen.findByRole('row', { name: /Call back/ })).toBeVisible();
    expect(posts).toEqual([{ customerId: ADA.id, subject: 'Call back', priority: 'normal' }]);
  });

  it('deletes after a warning that their tickets and bookings go too, then returns to the list', async () => {
    let deleted = false;
    const { user, router } = setUp('agent', ({ method, path }) => {
      if (method === 'DELETE' && path === `/customers/${ADA.id}`) {
        deleted = true;
        return { status: 204 };
      }
      if (method === 'GET' && path === '/customers')
        return { body: { data: [], nextCursor: null } };
      return { status: 404 };
    });
    await screen.findByRole('heading', { name: 'Ada Lovelace' });

    await user.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete customer' });
    expect(dialog).toHaveTextContent('Their tickets and bookings are deleted too.');
    expect(deleted).toBe(false);
    await user.click(within(dialog).getByRole('button', { name: 'Delete customer' }));

    await expect.poll(() => router.state.location.pathname).toBe('/customers');
    expect(deleted).toBe(true);
    expect(await screen.findByText('Ada Lovelace was deleted')).toBeInTheDocument();
  });

  it('lets viewers read but not change anything', async () => {
    setUp('viewer');

    await screen.findByRole('row', { name: /Crown came loose/ });
    for (const name of ['Edit', 'Delete', 'New ticket', 'Call']) {
      expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
    }
  });

  it("offers a call, and lists the customer's calls on the Calls tab", async () => {
    const calls: URLSearchParams[] = [];
    const { user } = setUp('agent', ({ method, path, url }) => {
      if (method === 'GET' && path === `/customers/${ADA.id}/calls`) {
        calls.push(url.searchParams);
        return {
          body: {
            data: [
              makeCall({ customerId: ADA.id, status: CallStatus.Busy, outcome: CallOutcome.Busy }),
            ],
            nextCursor: null,
          },
        };
      }
      return { status: 404 };
    });

    expect(await screen.findByRole('button', { name: 'Call' })).toBeEnabled();
    await user.click(screen.getByRole('tab', { name: 'Calls' }));

    const row = await screen.findByTestId('call-row');
    expect(row).toHaveTextContent('Busy');
    expect(row).toHaveTextContent('+1 415 555 0123');
    expect(calls).toHaveLength(1);
  });

  it('lists the campaigns the customer is in on the Campaigns tab', async () => {
    const { user } = setUp('viewer', ({ method, path }) =>
      method === 'GET' && path === `/customers/${ADA.id}/campaigns`
        ? {
            body: {
              data: [makeCampaign({ name: 'Spring check-ups', progress: { total: 4, done: 1 } })],
              nextCursor: null,
            },
          }
        : { status: 404 },
    );

    await user.click(await screen.findByRole('tab', { name: 'Campaigns' }));

    const row = await screen.findByTestId('campaign-row');
    expect(row).toHaveTextContent('Spring check-ups');
    expect(row).toHaveTextContent('1/4 · 25%');
  });
});
