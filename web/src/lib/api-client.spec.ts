import { describe, expect, it, vi } from 'vitest';
import { AuthErrorCode, CommonErrorCode, type ErrorCode } from '@navaia/shared';
import { jsonResponse, makeTenant, makeUser } from '../testing/test-utils';
import { ApiError, createApiClient } from './api-client';
import { createAuthStore } from './auth-store';

function signedInClient() {
  const store = createAuthStore();
  store.signIn({ accessToken: 'stale', user: makeUser(), tenant: makeTenant() });
  return { store, client: createApiClient({ store }) };
}

/** A signed-in client whose every request the API refuses with a 403 of this code. */
function signedInForbidden(code: ErrorCode, message: string) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => jsonResponse({ status: 403, body: { statusCode: 403, code, message } })),
  );
  return signedInClient();
}

function authHeader(init: RequestInit | undefined) {
  return new Headers(init?.headers).get('Authorization');
}

/** A promise the test resolves by hand, to hold a response back. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('api client', () => {
  it('sends the in-memory access token and lets the refresh cookie travel (same origin)', async () => {
    const { client } = signedInClient();
    const fetchMock = vi.fn(async () => jsonResponse({ body: { ok: true } }));
    vi.stubGlobal('fetch', fetchMock);

    await expect(client.get('/tenant', { query: { limit: 10, cursor: null } })).resolves.toEqual({
      ok: true,
    });

    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/tenant?limit=10');
    expect(authHeader(init)).toBe('Bearer stale');
    expect(init.credentials).toBe('same-origin');
  });

  it('refreshes once for concurrent 401s and retries each request with the new token', async () => {
    const { client, store } = signedInClient();
    const refreshAnswer = deferred<Response>();
    const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      if (url.endsWith('/auth/refresh')) return refreshAnswer.promise;
      if (authHeader(init) === 'Bearer fresh') return jsonResponse({ body: { url } });
      return jsonResponse({ status: 401, body: { statusCode: 401, message: 'Unauthorized' } });
    });
    vi.stubGlobal('fetch', fetchMock);

    const results = Promise.all([
      client.get('/users'),
      client.get('/tenant'),
      client.get('/auth/me'),
    ]);
    // Let all three 401s arrive while the refresh is still outstanding.
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(4));
    refreshAnswer.resolve(jsonResponse({ body: { accessToken: 'fresh' } }));

    await expect(results).resolves.toEqual([
      { url: '/api/v1/users' },
      { url: '/api/v1/tenant' },
      { url: '/api/v1/auth/me' },
    ]);
    const refreshCalls = fetchMock.mock.calls.filter(([input]) =>
      String(input).endsWith('/auth/refresh'),
    );
    expect(refreshCalls).toHaveLength(1);
    expect((refreshCalls[0][1] as RequestInit).method).toBe('POST');
    expect(fetchMock).toHaveBeenCalledTimes(7);
    expect(store.getState().accessToken).toBe('fresh');
  });

  it('opens an event stream with the token, refreshed on a 401, and hands back the unread body', async () => {
    const { client } = signedInClient();
    const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      if (String(input).endsWith('/auth/refresh'))
        return jsonResponse({ body: { accessToken: 'fresh' } });
      if (authHeader(init) !== 'Bearer fresh')
        return jsonResponse({ status: 401, body: { message: 'Unauthorized' } });
      return new Response('data: {}\n\n', { headers: { 'Content-Type': 'text/event-stream' } });
    });
    vi.stubGlobal('fetch', fetchMock);

    const response = await client.stream('/campaigns/c-1/events');
    await expect(response.text()).resolves.toBe('data: {}\n\n');
    const [, init] = fetchMock.mock.calls[2] as unknown as [string, RequestInit];
    expect(new Headers(init.headers).get('Accept')).toBe('text/event-stream');

    vi.stubGlobal(
      'fetch',
      vi.fn(async () => jsonResponse({ status: 404, body: { message: 'Campaign not found' } })),
    );
    await expect(client.stream('/campaigns/c-2/events')).rejects.toMatchObject({ status: 404 });
  });

  it('does not refresh again for a 401 that arrives after another request already refreshed', async () => {
    const { client } = signedInClient();
    const lateAnswer = deferred<Response>();
    const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      if (url.endsWith('/auth/refresh')) return jsonResponse({ body: { accessToken: 'fresh' } });
      if (authHeader(init) === 'Bearer fresh') return jsonResponse({ body: 'ok' });
      if (url.endsWith('/slow')) return lateAnswer.promise;
      return jsonResponse({ status: 401, body: { message: 'Unauthorized' } });
    });
    vi.stubGlobal('fetch', fetchMock);

    const slow = client.get('/slow');
    await client.get('/fast');
    lateAnswer.resolve(jsonResponse({ status: 401, body: { message: 'Unauthorized' } }));
    await expect(slow).resolves.toBe('ok');

    expect(fetchMock.mock.calls.filter(([i]) => String(i).endsWith('/auth/refresh'))).toHaveLength(
      1,
    );
  });

  it('ends the session when the refresh is refused, so the guard sends the user to log in', async () => {
    const { client, store } = signedInClient();
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        jsonResponse({ status: 401, body: { statusCode: 401, message: 'Refresh token reused' } }),
      ),
    );

    await expect(client.get('/users')).rejects.toMatchObject({ status: 401 });

    expect(store.getState()).toMatchObject({
      status: 'anonymous',
      accessToken: null,
      user: null,
      tenant: null,
      endReason: 'expired',
    });
  });

  const revoked = () =>
    jsonResponse({
      status: 401,
      body: { statusCode: 401, code: 'session_revoked', message: 'Your session has ended' },
    });

  it('ends the session as revoked when the API revoked the token and the refresh is refused', async () => {
    const { client, store } = signedInClient();
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL) =>
        String(input).endsWith('/auth/refresh')
          ? jsonResponse({ status: 401, body: { statusCode: 401, message: 'Revoked' } })
          : revoked(),
      ),
    );

    await expect(client.get('/users')).rejects.toMatchObject({ status: 401 });
    expect(store.getState()).toMatchObject({ status: 'anonymous', endReason: 'revoked' });
  });

  it('continues a revoked token’s session that can still refresh, with the user read again', async () => {
    const { client, store } = signedInClient();
    const demoted = makeUser({ role: 'viewer' as never });
    const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      if (url.endsWith('/auth/refresh')) return jsonResponse({ body: { accessToken: 'fresh' } });
      if (authHeader(init) !== 'Bearer fresh') return revoked();
      if (url.endsWith('/auth/me'))
        return jsonResponse({ body: { user: demoted, tenant: makeTenant() } });
      return jsonResponse({ body: { ok: true } });
    });
    vi.stubGlobal('fetch', fetchMock);

    await expect(client.get('/customers')).resolves.toEqual({ ok: true });
    expect(store.getState()).toMatchObject({
      status: 'authenticated',
      accessToken: 'fresh',
      user: { role: 'viewer' },
    });
  });

  it('keeps the session when the refresh fails for a reason that says nothing about it', async () => {
    const { client, store } = signedInClient();
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL) =>
        String(input).endsWith('/auth/refresh')
          ? jsonResponse({ status: 503, body: { message: 'Service unavailable' } })
          : jsonResponse({ status: 401, body: { message: 'Unauthorized' } }),
      ),
    );

    await expect(client.get('/users')).rejects.toMatchObject({ status: 503 });
    expect(store.getState().status).toBe('authenticated');
  });

  it('never refreshes for a 401 from the log-in itself (wrong password)', async () => {
    const { client } = signedInClient();
    const fetchMock = vi.fn(async () =>
      jsonResponse({ status: 401, body: { message: 'Invalid email or password' } }),
    );
    vi.stubGlobal('fetch', fetchMock);

    await expect(client.post('/auth/login', { email: 'a@b.co', password: 'x' })).rejects.toThrow(
      'Invalid email or password',
    );
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('throws a typed ApiError with the body, field details, request id and Retry-After', async () => {
    const { client } = signedInClient();
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        jsonResponse({
          status: 429,
          headers: { 'Retry-After': '42' },
          body: {
            statusCode: 429,
            error: 'Too Many Requests',
            message: 'Too many attempts',
            details: [{ field: 'email', message: 'slow down' }],
            requestId: 'req-1',
          },
        }),
      ),
    );

    const error = await client.post('/auth/login', {}).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 429,
      error: 'Too Many Requests',
      message: 'Too many attempts',
      details: [{ field: 'email', message: 'slow down' }],
      requestId: 'req-1',
      retryAfterSeconds: 42,
    });
  });

  it('reports an unreachable API as status 0 with a readable message', async () => {
    const { client } = signedInClient();
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );

    await expect(client.get('/tenant')).rejects.toMatchObject({
      status: 0,
      message: expect.stringMatching(/could not reach the server/i),
    });
  });

  it('returns nothing for 204 answers', async () => {
    const { client } = signedInClient();
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(null, { status: 204 })),
    );

    await expect(client.delete('/users/u1')).resolves.toBeUndefined();
  });

  it('flags the user for a password change when the API demands one', async () => {
    const { client, store } = signedInForbidden(
      AuthErrorCode.PasswordChangeRequired,
      'Password change required',
    );

    await expect(client.get('/users')).rejects.toMatchObject({ status: 403 });
    expect(store.getState().user?.mustChangePassword).toBe(true);
  });

  it('knows the password-change demand by its code, whatever the message says', async () => {
    const { client, store } = signedInForbidden(
      AuthErrorCode.PasswordChangeRequired,
      'Choose a new password first',
    );

    await expect(client.get('/users')).rejects.toMatchObject({
      code: AuthErrorCode.PasswordChangeRequired,
    });
    expect(store.getState().user?.mustChangePassword).toBe(true);
  });

  it('does not ask for a new password on another 403 that reads the same', async () => {
    const { client, store } = signedInForbidden(
      CommonErrorCode.Forbidden,
      'Password change required',
    );

    await expect(client.get('/users')).rejects.toMatchObject({ status: 403 });
    expect(store.getState().user?.mustChangePassword).toBeFalsy();
  });
});
