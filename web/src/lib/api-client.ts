import { AuthErrorCode, type ErrorBody, type ErrorCode, type FieldError } from '@navaia/shared';
import { authStore, type AuthStore, type SessionState } from './auth-store';

export const API_BASE_URL = '/api/v1';

/** The message shown when the request never reached the API. */
const NETWORK_MESSAGE = 'Could not reach the server. Check your connection and try again.';

export interface ApiErrorInit {
  status: number;
  error: string;
  /** The API's stable machine-readable code (`customer_do_not_call`, …), when it sent one. */
  code?: string;
  message: string;
  details?: FieldError[];
  requestId?: string;
  retryAfterSeconds?: number;
}

/** Any answer other than 2xx, in the shape of the API's error body. `status` 0 means no answer. */
export class ApiError extends Error {
  readonly status: number;
  readonly error: string;
  readonly code?: string;
  readonly details: FieldError[];
  readonly requestId?: string;
  /** From `Retry-After` on 429 and 503 answers. */
  readonly retryAfterSeconds?: number;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.error = init.error;
    this.code = init.code;
    this.details = init.details ?? [];
    this.requestId = init.requestId;
    this.retryAfterSeconds = init.retryAfterSeconds;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** An API error with this code of the shared contract; the message is for people, not to match. */
export function hasErrorCode(error: unknown, code: ErrorCode): error is ApiError {
  return isApiError(error) && error.code === code;
}

export type QueryParams = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: QueryParams;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

// Credential exchanges: a 401 here is the answer itself, and refreshing would loop.
const NO_REFRESH_PATHS = new Set([
  '/auth/login',
  '/auth/register',
  '/auth/refresh',
  '/auth/logout',
]);

async function codeOf(response: Response): Promise<string | undefined> {
  try {
    const body = (await response.clone().json()) as { code?: unknown };
    return typeof body.code === 'string' ? body.code : undefined;
  } catch {
    return undefined;
  }
}

function buildUrl(baseUrl: string, path: string, query?: QueryParams): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const qs = search.toString();
  return `${baseUrl}${path}${qs ? `?${qs}` : ''}`;
}

function parseRetryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

/**
 * The body's per-field details; a detail that names only its field (a 409 on a duplicate phone
 * number, say) carries the body's message, so it can still be shown next to that field.
 */
function fieldErrorsOf(details: unknown, message: string): FieldError[] {
  if (!Array.isArray(details)) return [];
  return details.flatMap((detail: unknown) => {
    const { field, message: own } = (detail ?? {}) as Partial<Record<keyof FieldError, unknown>>;
    if (typeof field !== 'string' || !field) return [];
    return [{ field, message: typeof own === 'string' && own ? own : message }];
  });
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: Partial<ErrorBody> & { message?: unknown; code?: unknown } = {};
  try {
    body = (await response.json()) as typeof body;
  } catch {
    // Gateways and proxies may answer with HTML; the status still says what happened.
  }
  const message = Array.isArray(body.message)
    ? body.message.join('; ')
    : typeof body.message === 'string' && body.message
      ? body.message
      : response.statusText || `Request failed with status ${response.status}`;
  return new ApiError({
    status: response.status,
    error: body.error ?? response.statusText,
    code: typeof body.code === 'string' ? body.code : undefined,
    message,
    details: fieldErrorsOf(body.details, message),
    requestId: body.requestId ?? response.headers.get('X-Request-Id') ?? undefined,
    retryAfterSeconds: parseRetryAfter(response.headers.get('Retry-After')),
  });
}

export interface ApiClientOptions {
  store: AuthStore;
  baseUrl?: string;
}

export function createApiClient({ store, baseUrl = API_BASE_URL }: ApiClientOptions) {
  let refreshing: Promise<string> | null = null;

  async function send(path: string, options: RequestOptions, token: string | null) {
    const headers = new Headers({ Accept: 'application/json', ...options.headers });
    if (options.body !== undefined) headers.set('Content-Type', 'application/json');
    if (token) headers.set('Authorization', `Bearer ${token}`);
    try {
      // Read fetch at call time so tests (and polyfills) can replace it.
      return await globalThis.fetch(buildUrl(baseUrl, path, options.query), {
        method: options.method ?? 'GET',
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        // The refresh token is an httpOnly cookie; it must travel with auth calls.
        credentials: 'same-origin',
        signal: options.signal,
      });
    } catch (cause) {
      if (options.signal?.aborted) throw cause;
      throw new ApiError({ status: 0, error: 'Network Error', message: NETWORK_MESSAGE });
    }
  }

  async function performRefresh(): Promise<string> {
    const run = async () => {
      const response = await send('/auth/refresh', { method: 'POST' }, null);
      if (!response.ok) {
        const error = await toApiError(response);
        // A 4xx means the refresh cookie is gone, expired or revoked: the session is over.
        // A 5xx or network failure says nothing about the session, so it is kept.
        if (response.status < 500) {
          store.signOut(store.getState().status === 'authenticated' ? 'expired' : null);
        }
        throw error;
      }
      const { accessToken } = (await response.json()) as { accessToken: string };
      store.setAccessToken(accessToken);
      return accessToken;
    };
    // Refresh tokens rotate and a reused one revokes the whole family, so two tabs must never
    // present the same cookie at once; a cross-tab lock serialises them where browsers allow.
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    return locks ? locks.request('navaia-auth-refresh', run) : run();
  }

  /**
   * Single-flight: every caller that hits a 401 while a refresh is running shares it, because
   * a second refresh with the same (now rotated) cookie would count as reuse.
   */
  function refreshAccessToken(staleToken: string | null = null): Promise<string> {
    const current = store.getState().accessToken;
    if (current && current !== staleToken) return Promise.resolve(current);
    refreshing ??= performRefresh().finally(() => {
      refreshing = null;
    });
    return refreshing;
  }

  /**
   * After a revoked token, a refresh that still works means the session lives on (another
   * device logged out, or the role changed): the role may differ now, so read the user again.
   * A refresh that fails ends the session with the reason shown on the log-in page.
   */
  async function refreshAfterRevocation(token: string | null): Promise<string> {
    let fresh: string;
    try {
      fresh = await refreshAccessToken(token);
    } catch (error) {
      if (store.getState().endReason === 'expired') store.signOut('revoked');
      throw error;
    }
    const me = await send('/auth/me', {}, fresh);
    if (me.ok) {
      const { user, tenant } = (await me.json()) as Pick<SessionState, 'user' | 'tenant'>;
      if (user) store.setUser(user);
      if (tenant) store.setTenant(tenant);
    }
    return fresh;
  }

  /** The response to `path` with the current token, refreshed once on a 401; errors throw. */
  async function authorised(path: string, options: RequestOptions): Promise<Response> {
    const token = store.getState().accessToken;
    let response = await send(path, options, token);
    if (response.status === 401 && !NO_REFRESH_PATHS.has(path)) {
      // A revoked token: the API ended it early (logout, a password or role change, removal).
      const fresh =
        (await codeOf(response)) === AuthErrorCode.SessionRevoked
          ? await refreshAfterRevocation(token)
          : await refreshAccessToken(token);
      response = await send(path, options, fresh);
      if (response.status === 401 && (await codeOf(response)) === AuthErrorCode.SessionRevoked)
        store.signOut('revoked');
    }
    if (response.ok) return response;
    const error = await toApiError(response);
    const { user } = store.getState();
    if (error.code === AuthErrorCode.PasswordChangeRequired && user) {
      // The guard then sends the user to the change-password page.
      if (!user.mustChangePassword) store.setUser({ ...user, mustChangePassword: true });
    }
    throw error;
  }

  async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
    const response = await authorised(path, options);
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /**
   * A binary resource (a call recording, say) that needs the bearer token, so a plain
   * `<audio src>` cannot load it. `path` may carry the API's base (`/api/v1/…`) as the API
   * hands such links out.
   */
  async function getBlob(path: string, options: Pick<RequestOptions, 'signal'> = {}) {
    const relative = path.startsWith(`${baseUrl}/`) ? path.slice(baseUrl.length) : path;
    const response = await authorised(relative, {
      ...options,
      headers: { Accept: '*/*' },
    });
    return response.blob();
  }

  /**
   * A streamed response (server-sent events) with the bearer token, refreshed once on a 401:
   * `EventSource` cannot send headers. Errors throw as for any request; the caller reads the body.
   */
  function stream(path: string, options: Pick<RequestOptions, 'signal' | 'query'> = {}) {
    return authorised(path, { ...options, headers: { Accept: 'text/event-stream' } });
  }

  return {
    request,
    getBlob,
    stream,
    refreshAccessToken,
    get: <T>(path: string, options?: Omit<RequestOptions, 'method' | 'body'>) =>
      request<T>(path, { ...options, method: 'GET' }),
    post: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
      request<T>(path, { ...options, method: 'POST', body }),
    patch: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
      request<T>(path, { ...options, method: 'PATCH', body }),
    delete: <T = void>(path: string, options?: Omit<RequestOptions, 'method' | 'body'>) =>
      request<T>(path, { ...options, method: 'DELETE' }),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;

export const api = createApiClient({ store: authStore });
