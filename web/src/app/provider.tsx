import { createTheme, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { restoreSession } from '../features/auth/api/get-me';
import { authStore } from '../lib/auth-store';
import { queryClient as defaultQueryClient } from '../lib/query-client';

export const theme = createTheme({
  // People who ask their system for less motion get none (and tests get no transition timers).
  respectReducedMotion: true,
  primaryColor: 'indigo',
  defaultRadius: 'md',
});

export function AppProvider({
  children,
  queryClient = defaultQueryClient,
  mantineEnv,
}: {
  children: ReactNode;
  queryClient?: QueryClient;
  /** `test` turns off Mantine's portals and transitions. */
  mantineEnv?: 'default' | 'test';
}) {
  useEffect(() => {
    void restoreSession();
  }, []);

  useEffect(() => {
    const unsubscribe = authStore.subscribe(() => {
      // Nothing cached for one user may be shown to whoever signs in next on this browser.
      if (authStore.getState().status === 'anonymous') queryClient.clear();
    });
    return unsubscribe;
  }, [queryClient]);

  return (
    <MantineProvider theme={theme} env={mantineEnv}>
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </MantineProvider>
  );
}
