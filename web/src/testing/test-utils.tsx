import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { Role, type TenantView, type UserView } from '@navaia/shared';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderOptions } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement, ReactNode } from 'react';
import { createMemoryRouter, MemoryRouter, RouterProvider } from 'react-router';
import { expect, vi } from 'vitest';
import { AppProvider, theme } from '../app/provider';
import { routes } from '../app/router';
import { authStore } from '../lib/auth-store';

let sequence = 0;
const nextId = (prefix: string) => `${prefix}-${++sequence}`;

export function makeTenant(overrides: Partial<TenantView> = {}): TenantView {
  return {
    id: nextId('tenant'),
    name: 'Acme Dental',
    timezone: 'Europe/Berlin',
    defaultCountry: 'DE',
    callingWindow: { start: '08:00', end: '21:00', days: [1, 2, 3, 4, 5] },
    limits: { callsPerSecond: 1, maxConcurrentCalls: 5, dailyCallCap: 1000 },
    voice: { agents: { support: 'agent_support' } },
    telephony: {},
    createdAt: '2025-01-01T10:00:00.000Z',
    ...overrides,
  };
}

export function makeUser(overrides: Partial<UserView> = {}): UserView {
  const id = nextId('user');
  return {
    id,
    name: 'Ada Lovelace',
    email: `${id}@example.com`,
    role: Role.Owner,
    mustChangePassword: false,
    lastLoginAt: null,
    createdAt: '2025-01-01T10:00:00.000Z',
    ...overrides,
  };
}

/** Signs a user in (a fresh tenant per call, so tests never share one) and returns the session. */
export function signIn(user: Partial<UserView> = {}, tenant: Partial<TenantView> = {}) {
  const session = { accessToken: 'token-1', user: makeUser(user), tenant: makeTenant(tenant) };
  authStore.signIn(session);
  return session;
}

export function createTestQueryClient() {
  return new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Infinity }, mutations: { retry: false } },
  });
}

function Providers({ children, queryClient }: { children: ReactNode; queryClient: QueryClient }) {
  return (
    <MantineProvider theme={theme} env="test">
      <Notifications />
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </MantineProvider>
  );
}

interface Options extends Omit<RenderOptions, 'wrapper'> {
  route?: string;
  queryClient?: QueryClient;
}

/** Renders one component inside the app's providers and a router at `route`. */
export function renderWithProviders(
  ui: ReactElement,
  { route = '/', queryClient = createTestQueryClient(), ...options }: Options = {},
) {
  const result = render(ui, {
    wrapper: ({ children }) => (
      <Providers queryClient={queryClient}>
        <MemoryRouter initialEntries={[route]}>{children}</MemoryRouter>
      </Providers>
    ),
    ...options,
  });
  return { ...result, user: userEvent.setup(), queryClient };
}

/** Renders the whole app (provider, session restore, routes) at `route`, as a browser would. */
export function renderApp(route: string, queryClient = createTestQueryClient()) {
  const router = createMemoryRouter(routes, { initialEntries: [route] });
  const result = render(
    <AppProvider queryClient={queryClient} mantineEnv="test">
      <RouterProvider router={router} />
    </AppProvider>,
  );
  return { ...result, router, user: userEvent.setup(), queryClient };
}

export interface MockResponse {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export function jsonResponse({ status = 200, body, headers = {} }: MockResponse = {}): Response {
  return new Response(body === undefined || status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

export type Handler = (request: {
  method: string;
  path: string;
  url: URL;
  body: unknown;
  headers: Headers;
}) => MockResponse | Response | Promise<MockResponse | Response>;

/**
 * Replaces `fetch` with `handler`, which sees each request's method, path below /api/v1 and
 * parsed JSON body, and answers with JSON (or a whole `Response`, e.g. a stream). Returns the
 * mock so tests can inspect the calls.
 */
export function mockApi(handler: Handler) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://localhost');
    const body = typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    const response = await handler({
      method: init.method ?? 'GET',
      path: url.pathname.replace(/^\/api\/v1/, ''),
      url,
      body,
      headers: new Headers(init.headers),
    });
    return response instanceof Response ? response : jsonResponse(response);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

/** The requests `fetch` received, as `METHOD /path` strings. */
export function requestsOf(fetchMock: ReturnType<typeof mockApi>): string[] {
  return fetchMock.mock.calls.map(([input, init]) => {
    const url = new URL(String(input), 'http://localhost');
    return `${init?.method ?? 'GET'} ${url.pathname.replace(/^\/api\/v1/, '')}`;
  });
}

/** The field labelled `label` shows `message` as its error (invalid and described by it). */
export function expectFieldError(field: HTMLElement, message: string) {
  expect(field).toHaveAttribute('aria-invalid', 'true');
  expect(field).toHaveAccessibleDescription(expect.stringContaining(message));
}
