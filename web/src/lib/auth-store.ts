import { useSyncExternalStore } from 'react';
import type { AuthResponse, TenantView, UserView } from '@navaia/shared';

export type SessionStatus = 'restoring' | 'authenticated' | 'anonymous';

/**
 * Why the session ended; an explicit log-out does not ask to return to the page. `revoked`:
 * the API ended it (log-out elsewhere, password or role change, removal from the team).
 */
export type SessionEndReason = 'logout' | 'expired' | 'revoked' | null;

export interface SessionState {
  status: SessionStatus;
  /** Kept in memory only: a token in localStorage would be readable by any injected script. */
  accessToken: string | null;
  user: UserView | null;
  tenant: TenantView | null;
  endReason: SessionEndReason;
}

const initialState: SessionState = {
  status: 'restoring',
  accessToken: null,
  user: null,
  tenant: null,
  endReason: null,
};

type Listener = () => void;

/** A tiny external store for who is signed in; server data lives in TanStack Query instead. */
export function createAuthStore() {
  let state = initialState;
  const listeners = new Set<Listener>();

  const set = (next: SessionState) => {
    state = next;
    listeners.forEach((listener) => listener());
  };

  return {
    getState: () => state,
    subscribe(listener: Listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    signIn({ accessToken, user, tenant }: AuthResponse) {
      set({ status: 'authenticated', accessToken, user, tenant, endReason: null });
    },
    setAccessToken(accessToken: string) {
      set({ ...state, accessToken });
    },
    setUser(user: UserView) {
      set({ ...state, user });
    },
    setTenant(tenant: TenantView) {
      set({ ...state, tenant });
    },
    /** `endReason` null: there was no session to end (e.g. none to restore on page load). */
    signOut(endReason: SessionEndReason) {
      set({ status: 'anonymous', accessToken: null, user: null, tenant: null, endReason });
    },
    /** Back to the state of a fresh page load; for tests. */
    reset() {
      set(initialState);
    },
  };
}

export type AuthStore = ReturnType<typeof createAuthStore>;

export const authStore = createAuthStore();

export function useSession(): SessionState {
  return useSyncExternalStore(authStore.subscribe, authStore.getState);
}

export interface AuthenticatedSession {
  user: UserView;
  tenant: TenantView;
}

/** For components rendered only behind the auth guard. */
export function useAuthenticatedSession(): AuthenticatedSession {
  const { user, tenant } = useSession();
  if (!user || !tenant)
    throw new Error('useAuthenticatedSession used outside an authenticated route');
  return { user, tenant };
}

/** Every query key starts with this, so one tenant's cache can never answer for another. */
export function useTenantId(): string {
  return useAuthenticatedSession().tenant.id;
}
