import type { UserView } from '@navaia/shared';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  makeUser,
  mockApi,
  renderWithProviders,
  requestsOf,
  signIn,
  type Handler,
} from '../../../testing/test-utils';
import { TeamMembers } from './team-members';

type RoleName = 'owner' | 'admin' | 'agent' | 'viewer';

/** A tenant whose team is the signed-in user plus `others`; `handle` answers the rest. */
function setUp(role: RoleName, others: Partial<UserView>[], handle?: Handler) {
  const { user: me } = signIn({ name: 'Me Myself', role: role as UserView['role'] });
  let members: UserView[] = [me, ...others.map((o) => makeUser(o))];
  const fetchMock = mockApi(async (request) => {
    if (request.method === 'GET' && request.path === '/users') {
      return { body: { data: members, nextCursor: null } };
    }
    const answer = await handle?.(request);
    if (answer && request.method === 'POST' && (answer.status ?? 200) < 300) {
      members = [...members, answer.body as UserView];
    }
    return answer ?? { status: 404, body: { message: 'Not found' } };
  });
  return { me, fetchMock, ...renderWithProviders(<TeamMembers />) };
}

const row = (name: string) => screen.getByRole('row', { name: new RegExp(name) });

describe('team members', () => {
  it('lists each member with email, role and last login', async () => {
    setUp('viewer', [
      { name: 'Grace Hopper', email: 'grace@acme.test', role: 'admin' as never },
      { name: 'Alan Turing', email: 'alan@acme.test', role: 'agent' as never, lastLoginAt: null },
    ]);

    const grace = await screen.findByRole('row', { name: /Grace Hopper/ });
    expect(grace).toHaveTextContent('grace@acme.test');
    expect(grace).toHaveTextContent('Admin');
    expect(row('Alan Turing')).toHaveTextContent('Never');
    expect(row('Me Myself')).toHaveTextContent('You');
    // Header row plus three members.
    expect(screen.getAllByRole('row')).toHaveLength(4);
  });

  it('hides every management control from viewers and agents', async () => {
    setUp('agent', [{ name: 'Grace Hopper', role: 'admin' as never }]);

    await screen.findByRole('row', { name: /Grace Hopper/ });
    expect(screen.queryByRole('button', { name: 'Add member' })).not.toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: /Role of/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Remove/ })).not.toBeInTheDocument();
    expect(
      screen.getByText('Only admins and owners can add, change or remove members.'),
    ).toBeVisible();
  });

  it('lets an admin manage others but not their own role or membership', async () => {
    setUp('admin', [{ name: 'Grace Hopper', role: 'agent' as never }]);

    await screen.findByRole('row', { name: /Grace Hopper/ });
    expect(screen.getByRole('button', { name: 'Add member' })).toBeVisible();
    expect(
      within(row('Grace Hopper')).getByRole('combobox', { name: 'Role of Grace Hopper' }),
    ).toHaveValue('agent');
    expect(
      within(row('Grace Hopper')).getByRole('button', { name: 'Remove Grace Hopper' }),
    ).toBeVisible();
    expect(within(row('Me Myself')).queryByRole('combobox')).not.toBeInTheDocument();
    expect(within(row('Me Myself')).queryByRole('button')).not.toBeInTheDocument();
  });

  it('adds a member with an initial password and shows them in the list', async () => {
    let created: unknown;
    const { user } = setUp('owner', [], ({ method, path, body }) => {
      if (method !== 'POST' || path !== '/users') return undefined as never;
      created = body;
      return { status: 201, body: makeUser({ ...(body as object), mustChangePassword: true }) };
    });
    await screen.findByRole('row', { name: /Me Myself/ });

    await user.click(screen.getByRole('button', { name: 'Add member' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add member' });
    expect(dialog).toHaveTextContent('they must change it when they first log in');
    await user.type(within(dialog).getByLabelText('Name'), 'Katherine Johnson');
    await user.type(within(dialog).getByLabelText('Email'), 'katherine@acme.test');
    await user.click(within(dialog).getByRole('textbox', { name: 'Role' }));
    await user.click(await screen.findByRole('option', { name: 'Viewer' }));
    await user.type(within(dialog).getByLabelText('Initial password'), 'orbital mechanics 1962');
    await user.click(within(dialog).getByRole('button', { name: 'Add member' }));

    expect(await screen.findByRole('row', { name: /Katherine Johnson/ })).toHaveTextContent(
      'Invited',
    );
    expect(created).toEqual({
      name: 'Katherine Johnson',
      email: 'katherine@acme.test',
      role: 'viewer',
      password: 'orbital mechanics 1962',
    });
    expect(screen.getByText('Katherine Johnson was added to the team')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('checks the new member form with the shared DTO before sending', async () => {
    const { user, fetchMock } = setUp('owner', []);
    await screen.findByRole('row', { name: /Me Myself/ });

    await user.click(screen.getByRole('button', { name: 'Add member' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add member' });
    await user.type(within(dialog).getByLabelText('Initial password'), 'short');
    await user.click(within(dialog).getByRole('button', { name: 'Add member' }));

    expect(await within(dialog).findByText('name should not be empty')).toBeVisible();
    expect(within(dialog).getByText('email must be a valid email address')).toBeVisible();
    expect(within(dialog).getByText('password must be at least 10 characters long')).toBeVisible();
    expect(requestsOf(fetchMock)).toEqual(['GET /users']);
  });

  it('shows a duplicate email (409) in the dialog', async () => {
    const { user } = setUp('owner', [], () => ({
      status: 409,
      body: {
        statusCode: 409,
        error: 'Conflict',
        message: 'A member with this email already exists',
      },
    }));
    await screen.findByRole('row', { name: /Me Myself/ });

    await user.click(screen.getByRole('button', { name: 'Add member' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add member' });
    await user.type(within(dialog).getByLabelText('Name'), 'Grace Hopper');
    await user.type(within(dialog).getByLabelText('Email'), 'grace@acme.test');
    await user.type(within(dialog).getByLabelText('Initial password'), 'a fine long passphrase');
    await user.click(within(dialog).getByRole('button', { name: 'Add member' }));

    expect(await within(dialog).findByTestId('form-error')).toHaveTextContent(
      'A member with this email already exists',
    );
  });

  it("changes a member's role, and shows the API's refusal when it says no", async () => {
    let patched: unknown;
    const { user } = setUp(
      'admin',
      [
        { id: 'u-agent', name: 'Alan Turing', role: 'agent' as never },
        { id: 'u-owner', name: 'Olive Owner', role: 'owner' as never },
      ],
      ({ method, path, body }) => {
        if (method === 'PATCH' && path === '/users/u-agent') {
          patched = body;
          return { body: makeUser({ id: 'u-agent', name: 'Alan Turing', role: 'admin' as never }) };
        }
        return {
          status: 403,
          body: {
            statusCode: 403,
            error: 'Forbidden',
            message: 'Only an owner can change an owner',
          },
        };
      },
    );
    await screen.findByRole('row', { name: /Alan Turing/ });

    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Role of Alan Turing' }),
      'admin',
    );
    expect(await screen.findByText('Alan Turing is now admin')).toBeInTheDocument();
    expect(patched).toEqual({ role: 'admin' });

    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Role of Olive Owner' }),
      'viewer',
    );
    expect(await screen.findByText('Only an owner can change an owner')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Role of Olive Owner' })).toHaveValue('owner');
  });

  it('removes a member only after confirmation', async () => {
    const { user, fetchMock } = setUp(
      'owner',
      [{ id: 'u-1', name: 'Alan Turing' }],
      ({ method }) => (method === 'DELETE' ? { status: 204 } : (undefined as never)),
    );
    await screen.findByRole('row', { name: /Alan Turing/ });

    await user.click(screen.getByRole('button', { name: 'Remove Alan Turing' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove member' });
    expect(requestsOf(fetchMock)).not.toContain('DELETE /users/u-1');

    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));

    expect(await screen.findByText('Alan Turing was removed from the team')).toBeInTheDocument();
    expect(requestsOf(fetchMock)).toContain('DELETE /users/u-1');
    // The list is fetched again after the change.
    expect(requestsOf(fetchMock).filter((r) => r === 'GET /users')).toHaveLength(2);
  });

  it('shows loading, then an error with a retry', async () => {
    signIn({ role: 'owner' as never });
    mockApi(() => ({ status: 500, body: { statusCode: 500, message: 'Internal error' } }));
    renderWithProviders(<TeamMembers />);

    expect(screen.getByRole('status', { name: 'Loading team members' })).toBeInTheDocument();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load team members');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeVisible();
  });

  it('explains, rather than fails, when the API keeps the team from this role', async () => {
    signIn({ role: 'viewer' as never });
    mockApi(() => ({
      status: 403,
      body: { statusCode: 403, error: 'Forbidden', message: 'This needs the admin role' },
    }));
    renderWithProviders(<TeamMembers />);

    expect(await screen.findByTestId('team-restricted')).toHaveTextContent(
      'Only admins and owners can see the team.',
    );
    expect(screen.queryByRole('button', { name: 'Add member' })).not.toBeInTheDocument();
  });

  it('says so when the list is empty', async () => {
    signIn({ role: 'owner' as never });
    mockApi(() => ({ body: { data: [], nextCursor: null } }));
    renderWithProviders(<TeamMembers />);

    expect(await screen.findByText('No team members yet')).toBeVisible();
  });
});
