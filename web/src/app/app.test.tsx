import { Text } from '@mantine/core';
import type { TenantView, UserView } from '@navaia/shared';
import { act, render, screen, within } from '@testing-library/react';
import { createMemoryRouter, Link, Outlet, RouterProvider, type RouteObject } from 'react-router';
import { describe, expect, it } from 'vitest';
import { RouteErrorBoundary } from '../components/layout/route-error-boundary';
import { api } from '../lib/api-client';
import { authStore } from '../lib/auth-store';
import {
  createTestQueryClient,
  makeTenant,
  makeUser,
  mockApi,
  renderApp,
  requestsOf,
  type Handler,
  type MockResponse,
} from '../testing/test-utils';
import { AppProvider } from './provider';
import { routes } from './router';

interface Backend {
  user: UserView;
  tenant: TenantView;
  /** Whether the browser holds a valid refresh cookie. */
  cookie: boolean;
  /** The API ended the session's access tokens (a 401 with code session_revoked). */
  revoked?: boolean;
  extra?: Handler;
}

/** A small fake of the auth API: the refresh cookie decides whether a session can be restored. */
function fakeApi(backend: Backend) {
  let tokens = 0;
  let valid = new Set<string>();
  const issue = () => {
    const token = `token-${++tokens}`;
    valid = new Set([token]);
    return token;
  };
  const authResponse = (): MockResponse => ({
    body: { accessToken: issue(), user: backend.user, tenant: backend.tenant },
  });
  const unauthorized: MockResponse = {
    status: 401,
    body: { statusCode: 401, error: 'Unauthorized', message: 'Unauthorized' },
  };

  return mockApi(async (request) => {
    const { method, path, headers } = request;
    if (path === '/auth/refresh') {
      return backend.cookie ? { body: { accessToken: issue() } } : unauthorized;
    }
    if (path === '/auth/login') {
      backend.cookie = true;
      return authResponse();
    }
    if (path === '/auth/logout') {
      backend.cookie = false;
      valid.clear();
      return { status: 204 };
    }
    const token = headers.get('Authorization')?.replace('Bearer ', '') ?? '';
    if (backend.revoked)
      return { status: 401, body: { statusCode: 401, code: 'session_revoked', message: 'Ended' } };
    if (!valid.has(token)) return unauthorized;
    if (path === '/auth/change-password') {
      backend.user = { ...backend.user, mustChangePassword: false };
      return authResponse();
    }
    if (path === '/auth/me') {
      return { body: { user: backend.user, tenant: backend.tenant, principal: { type: 'user' } } };
    }
    const extra = await backend.extra?.(request);
    if (extra) return extra;
    if (method === 'GET' && path === '/tenant') return { body: backend.tenant };
    if (method === 'GET' && path.startsWith('/dashboard/'))
      return { status: 503, body: { statusCode: 503, message: 'Not in this test' } };
    if (method === 'GET' && path === '/users')
      return { body: { data: [backend.user], nextCursor: null } };
    return { status: 404, body: { statusCode: 404, message: 'Not found' } };
  });
}

function backendFor(user: Partial<UserView> = {}, cookie = true): Backend {
  return { user: makeUser({ name: 'Ada Lovelace', ...user }), tenant: makeTenant(), cookie };
}

describe('the app', () => {
  it('restores the session from the refresh cookie and opens the dashboard on the home page', async () => {
    const fetchMock = fakeApi(backendFor());
    const { router } = renderApp('/');

    // The first test to open the dashboard also transforms its lazy module and the charts it
    // imports: seconds on a busy two-core machine, so more than the usual wait.
    expect(
      await screen.findByRole('heading', { name: 'Dashboard' }, { timeout: 10_000 }),
    ).toBeVisible();
    expect(router.state.location.pathname).toBe('/dashboard');
    expect(requestsOf(fetchMock).slice(0, 2)).toEqual(['POST /auth/refresh', 'GET /auth/me']);
    await expect.poll(() => requestsOf(fetchMock)).toContain('GET /dashboard/summary');
  });

  it('shows only the working pages in the navigation, and the user in the user menu', async () => {
    fakeApi(backendFor({ role: 'admin' as never }));
    const { user } = renderApp('/settings/team');

    const nav = await screen.findByRole('navigation', { name: 'Main navigation' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual([
      'Dashboard',
      'Customers',
      'Tickets',
      'Bookings',
      'Calls',
      'Campaigns',
      'Playground',
      'Support agent',
      'Conversations',
      'Organisation',
      'Team',
      'Webhooks',
      'API keys',
      'Audit log',
    ]);
    const menu = screen.getByRole('button', { name: 'User menu' });
    expect(menu).toHaveTextContent('Ada Lovelace');
    expect(menu).toHaveTextContent('admin');
    await user.click(menu);
    expect(await screen.findByRole('menuitem', { name: 'Log out' })).toBeVisible();
  });

  it('hides the Team page from roles the API does not list the team to', async () => {
    fakeApi(backendFor({ role: 'viewer' as never }));
    renderApp('/settings');

    const nav = await screen.findByRole('navigation', { name: 'Main navigation' });
    expect(await screen.findByLabelText('Organisation name')).toBeDisabled();
    expect(
      within(nav)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual([
      'Dashboard',
      'Customers',
      'Tickets',
      'Bookings',
      'Calls',
      'Campaigns',
      'Conversations',
      'Organisation',
      'Webhooks',
    ]);
    expect(screen.getAllByRole('tab').map((tab) => tab.textContent)).toEqual([
      'Organisation',
      'Webhooks',
    ]);
  });

  it('sends a visitor without a session to log in, then on to the page they asked for', async () => {
    const backend = backendFor({}, false);
    fakeApi(backend);
    const { user, router } = renderApp('/settings/team');

    await user.type(await screen.findByLabelText('Email'), backend.user.email);
    await user.type(screen.getByLabelText('Password'), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Log in' }));

    expect(await screen.findByRole('heading', { name: 'Team' })).toBeVisible();
    expect(router.state.location.pathname).toBe('/settings/team');
  });

  it('returns to log-in, keeping the page, when the session can no longer be refreshed', async () => {
    const backend = backendFor();
    fakeApi(backend);
    const { user, router } = renderApp('/settings/organisation');
    await screen.findByLabelText('Organisation name');

    // The refresh family is revoked elsewhere (log-out on another device, token reuse…).
    backend.cookie = false;
    authStore.setAccessToken('expired-token');
    await user.click(screen.getByRole('tab', { name: 'Team' }));

    expect(
      await screen.findByText('Your session has ended. Log in again to continue.'),
    ).toBeVisible();
    expect(router.state.location.pathname).toBe('/login');

    await user.type(screen.getByLabelText('Email'), backend.user.email);
    await user.type(screen.getByLabelText('Password'), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    expect(await screen.findByRole('heading', { name: 'Team' })).toBeVisible();
  });

  it('makes a member with an initial password choose their own before anything else', async () => {
    const fetchMock = fakeApi(backendFor({ mustChangePassword: true }));
    const { user, router } = renderApp('/settings/team');

    expect(await screen.findByRole('heading', { name: 'Choose your own password' })).toBeVisible();
    expect(router.state.location.pathname).toBe('/change-password');

    await user.type(screen.getByLabelText('Current password'), 'initial password 1');
    await user.type(screen.getByLabelText('New password'), 'my own long passphrase');
    await user.type(screen.getByLabelText('Confirm password'), 'my own long passphrase');
    await user.click(screen.getByRole('button', { name: 'Change password' }));

    expect(await screen.findByRole('heading', { name: 'Team' })).toBeVisible();
    expect(router.state.location.pathname).toBe('/settings/team');
    expect(requestsOf(fetchMock)).toContain('POST /auth/change-password');
  });

  it('logs out from the user menu and forgets the cached data', async () => {
    const backend = backendFor();
    const fetchMock = fakeApi(backend);
    const queryClient = createTestQueryClient();
    const { user, router } = renderApp('/settings/organisation', queryClient);
    await screen.findByLabelText('Organisation name');
    expect(queryClient.getQueryCache().getAll()).not.toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'User menu' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Log out' }));

    expect(await screen.findByRole('button', { name: 'Log in' })).toBeVisible();
    expect(router.state.location.pathname).toBe('/login');
    expect(router.state.location.state).toBeNull();
    expect(requestsOf(fetchMock)).toContain('POST /auth/logout');
    expect(authStore.getState().accessToken).toBeNull();
    expect(queryClient.getQueryCache().getAll()).toHaveLength(0);
  });

  it('after log-out, Back shows the log-in page rather than the signed-in page', async () => {
    fakeApi(backendFor());
    const { user, router } = renderApp('/settings/organisation');
    await screen.findByLabelText('Organisation name');
    // A second signed-in page in the history, for Back to return to.
    await act(() => router.navigate('/settings/organisation?from=history'));

    await user.click(screen.getByRole('button', { name: 'User menu' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Log out' }));
    expect(await screen.findByRole('button', { name: 'Log in' })).toBeVisible();

    await act(() => router.navigate(-1));
    expect(await screen.findByRole('button', { name: 'Log in' })).toBeVisible();
    expect(router.state.location.pathname).toBe('/login');
    expect(screen.queryByLabelText('Organisation name')).toBeNull();
  });

  it('sends a user whose session the API ended to log in, saying why', async () => {
    const backend = backendFor();
    fakeApi(backend);
    const { router } = renderApp('/settings/organisation');
    await screen.findByLabelText('Organisation name');

    // Logged out elsewhere: the access token is revoked and so is the refresh family.
    backend.revoked = true;
    backend.cookie = false;
    // The next request the page makes, whichever it is.
    await act(() => api.get('/tenant').catch(() => undefined));

    expect(
      await screen.findByText(/You were signed out: your session was ended or your access changed/),
    ).toBeVisible();
    expect(router.state.location.pathname).toBe('/login');
  });

  it('shows a 404 page for an unknown address', async () => {
    fakeApi(backendFor());
    renderApp('/no/such/page');

    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeVisible();
    expect(screen.getByRole('link', { name: 'Go home' })).toHaveAttribute('href', '/');
  });

  it('offers registration from the log-in page', async () => {
    fakeApi(backendFor({}, false));
    const { user } = renderApp('/login');

    await user.click(await screen.findByRole('link', { name: 'Create an account' }));
    expect(await screen.findByLabelText('Organisation name')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Create account' })).toBeVisible();
  });
});

describe('route error boundaries', () => {
  it('gives every route of the app its own error boundary', () => {
    const missing: string[] = [];
    const visit = (list: RouteObject[], trail: string) =>
      list.forEach((route, i) => {
        const where = `${trail}/${route.path ?? (route.index ? '(index)' : `#${i}`)}`;
        if (!route.index && !route.ErrorBoundary && !route.errorElement) missing.push(where);
        if (route.children) visit(route.children, where);
      });
    visit(routes, '');
    expect(missing).toEqual([]);
  });

  it('keeps the layout and navigation working when one page throws', async () => {
    const Broken = () => {
      throw new Error('boom');
    };
    const router = createMemoryRouter(
      [
        {
          element: (
            <>
              <Link to="/fine">Fine page</Link>
              <Outlet />
            </>
          ),
          ErrorBoundary: RouteErrorBoundary,
          children: [
            { path: 'broken', Component: Broken, ErrorBoundary: RouteErrorBoundary },
            { path: 'fine', element: <Text>All good here</Text> },
          ],
        },
      ],
      { initialEntries: ['/broken'] },
    );
    const quiet = console.error;
    console.error = () => {};
    try {
      render(
        <AppProvider queryClient={createTestQueryClient()} mantineEnv="test">
          <RouterProvider router={router} />
        </AppProvider>,
      );
      expect(await screen.findByRole('alert')).toHaveTextContent('Something went wrong');
      screen.getByRole('link', { name: 'Fine page' }).click();
      expect(await screen.findByText('All good here')).toBeVisible();
    } finally {
      console.error = quiet;
    }
  });
});
