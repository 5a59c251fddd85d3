import { TicketStatus, type TicketView } from '@navaia/shared';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeTicket } from '../../../testing/factories';
import {
  mockApi,
  renderWithProviders,
  signIn,
  type MockResponse,
} from '../../../testing/test-utils';
import { TicketDetail } from './ticket-detail';

type RoleName = 'owner' | 'agent' | 'viewer';

function setUp(
  ticket: TicketView,
  { role = 'agent', onPatch }: { role?: RoleName; onPatch?: (body: unknown) => MockResponse } = {},
) {
  signIn({ role: role as never });
  const patches: unknown[] = [];
  const fetchMock = mockApi(({ method, path, body }) => {
    if (method === 'GET' && path === '/tenant/members') {
      return {
        body: [{ id: '0b0e3f3e-8f4c-4f9e-9d7a-3c1f2a4b5c6d', name: 'Grace Hopper', role: 'agent' }],
      };
    }
    if (method === 'GET' && path === `/tickets/${ticket.id}`) return { body: ticket };
    if (method === 'PATCH' && path === `/tickets/${ticket.id}`) {
      patches.push(body);
      return onPatch?.(body) ?? { body: { ...ticket, ...(body as object) } };
    }
    return { status: 404, body: { message: 'Not found' } };
  });
  return { patches, fetchMock, ...renderWithProviders(<TicketDetail ticket={ticket} />) };
}

const actionLabels = () =>
  within(screen.getByRole('group', { name: 'Status actions' }))
    .queryAllByRole('button')
    .map((button) => button.textContent);

describe('ticket detail', () => {
  it.each([
    [TicketStatus.Open, ['Start work', 'Close']],
    [TicketStatus.InProgress, ['Resolve', 'Close']],
    [TicketStatus.Resolved, ['Reopen', 'Close']],
    [TicketStatus.Closed, []],
  ])('offers only the legal moves from %s', (status, expected) => {
    setUp(makeTicket({ status }));
    expect(actionLabels()).toEqual(expected);
  });

  it('says a closed ticket stays closed', () => {
    setUp(makeTicket({ status: TicketStatus.Closed }));
    expect(screen.getByText('Closed tickets stay closed.')).toBeVisible();
  });

  it('moves the ticket with a PATCH of its status', async () => {
    const ticket = makeTicket({ status: TicketStatus.Open, number: 7 });
    const { user, patches } = setUp(ticket);

    await user.click(screen.getByRole('button', { name: 'Start work' }));

    await expect.poll(() => patches).toEqual([{ status: 'in_progress' }]);
    expect(await screen.findByText('Ticket #7 is in progress')).toBeInTheDocument();
  });

  it('asks before closing, because a closed ticket cannot be reopened', async () => {
    const { user, patches } = setUp(makeTicket({ status: TicketStatus.Resolved }));

    await user.click(screen.getByRole('button', { name: 'Close' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('A closed ticket cannot be reopened.');
    expect(patches).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));

    await expect.poll(() => patches).toEqual([{ status: 'closed' }]);
  });

  it("shows the server's 409 when it refuses the move", async () => {
    const { user } = setUp(makeTicket({ status: TicketStatus.InProgress }), {
      onPatch: () => ({
        status: 409,
        body: {
          statusCode: 409,
          error: 'illegal_status_change',
          message: 'A ticket cannot move from closed to resolved; allowed: none',
          details: { from: 'closed', to: 'resolved', allowed: [] },
        },
      }),
    });

    await user.click(screen.getByRole('button', { name: 'Resolve' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The status was not changed');
    expect(alert).toHaveTextContent('A ticket cannot move from closed to resolved; allowed: none');
  });

  it('is read-only for viewers: no status buttons, no editable fields', async () => {
    setUp(makeTicket({ status: TicketStatus.Open }), { role: 'viewer' });

    expect(screen.queryByRole('group', { name: 'Status actions' })).not.toBeInTheDocument();
    expect(screen.getByLabelText('Subject')).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Save changes' })).not.toBeInTheDocument();
  });

  it('saves edited details with only what changed and links to the customer', async () => {
    const { user, patches } = setUp(makeTicket({ subject: 'Broken crown', description: 'Old' }));

    expect(screen.getAllByRole('link', { name: 'Ada Lovelace' })[0]).toHaveAttribute(
      'href',
      '/customers/customer-1',
    );
    await user.clear(screen.getByLabelText('Subject'));
    await user.type(screen.getByLabelText('Subject'), 'Broken crown, upper left');
    await user.clear(screen.getByLabelText('Description'));
    await user.click(screen.getByRole('textbox', { name: 'Assignee' }));
    await user.click(await screen.findByRole('option', { name: 'Grace Hopper' }));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    await expect
      .poll(() => patches)
      .toEqual([
        {
          subject: 'Broken crown, upper left',
          description: null,
          assigneeId: '0b0e3f3e-8f4c-4f9e-9d7a-3c1f2a4b5c6d',
        },
      ]);
  });
});
