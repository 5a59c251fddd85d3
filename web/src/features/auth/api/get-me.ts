import type { MeResponse } from '@navaia/shared';
import { api, type ApiClient } from '../../../lib/api-client';
import { authStore, type AuthStore } from '../../../lib/auth-store';

export function getMe(client: ApiClient = api): Promise<MeResponse> {
  return client.get<MeResponse>('/auth/me');
}

let restoring: Promise<void> | null = null;

/**
 * On page load the access token is gone (it lived in memory), but the httpOnly refresh cookie
 * may still be valid: trade it for a token, then ask who we are.
 */
export function restoreSession(client: ApiClient = api, store: AuthStore = authStore) {
  if (store.getState().status !== 'restoring') return Promise.resolve();
  // Shared by concurrent callers (StrictMode mounts twice): a second refresh would be reuse.
  restoring ??= (async () => {
    try {
      const accessToken = await client.refreshAccessToken();
      const { user, tenant } = await getMe(client);
      store.signIn({ accessToken: store.getState().accessToken ?? accessToken, user, tenant });
    } catch {
      if (store.getState().status !== 'anonymous') store.signOut(null);
    } finally {
      restoring = null;
    }
  })();
  return restoring;
}
