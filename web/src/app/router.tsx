import type { ComponentType } from 'react';
import {
  createBrowserRouter,
  Navigate,
  type NonIndexRouteObject,
  type RouteObject,
} from 'react-router';
import { RouteErrorBoundary } from '../components/layout/route-error-boundary';
import { GuestOnly } from '../features/auth/components/guest-only';
import { RequireAuth } from '../features/auth/components/require-auth';

/** A route whose page is its own chunk, and whose failure stays inside that route. */
function page(
  load: () => Promise<{ default: ComponentType }>,
): Pick<NonIndexRouteObject, 'lazy' | 'ErrorBoundary'> {
  return {
    lazy: async () => ({ Component: (await load()).default }),
    ErrorBoundary: RouteErrorBoundary,
  };
}

export const routes: RouteObject[] = [
  {
    ErrorBoundary: RouteErrorBoundary,
    children: [
      {
        Component: GuestOnly,
        ErrorBoundary: RouteErrorBoundary,
        children: [
          { path: 'login', ...page(() => import('./routes/auth/login')) },
          { path: 'register', ...page(() => import('./routes/auth/register')) },
        ],
      },
      {
        Component: RequireAuth,
        ErrorBoundary: RouteErrorBoundary,
        children: [
          { path: 'change-password', ...page(() => import('./routes/auth/change-password')) },
          {
            ...page(() => import('./routes/app')),
            children: [
              { index: true, element: <Navigate to="/dashboard" replace /> },
              { path: 'dashboard', ...page(() => import('./routes/dashboard')) },
              { path: 'customers', ...page(() => import('./routes/customers/list')) },
              {
                path: 'customers/:customerId',
                ...page(() => import('./routes/customers/customer')),
              },
              { path: 'tickets', ...page(() => import('./routes/tickets/list')) },
              { path: 'tickets/:ticketId', ...page(() => import('./routes/tickets/ticket')) },
              { path: 'bookings', ...page(() => import('./routes/bookings/list')) },
              { path: 'bookings/:bookingId', ...page(() => import('./routes/bookings/booking')) },
              { path: 'calls', ...page(() => import('./routes/calls/list')) },
              { path: 'calls/:callId', ...page(() => import('./routes/calls/call')) },
              { path: 'campaigns', ...page(() => import('./routes/campaigns/list')) },
              { path: 'campaigns/new', ...page(() => import('./routes/campaigns/new')) },
              {
                path: 'campaigns/:campaignId',
                ...page(() => import('./routes/campaigns/campaign')),
              },
              {
                path: 'voice',
                ErrorBoundary: RouteErrorBoundary,
                children: [
                  { index: true, element: <Navigate to="/voice/sessions" replace /> },
                  { path: 'playground', ...page(() => import('./routes/voice/playground')) },
                  { path: 'support', ...page(() => import('./routes/voice/support')) },
                  { path: 'sessions', ...page(() => import('./routes/voice/sessions')) },
                  {
                    path: 'sessions/:sessionId',
                    ...page(() => import('./routes/voice/session')),
                  },
                ],
              },
              {
                path: 'settings',
                ...page(() => import('./routes/settings/layout')),
                children: [
                  { index: true, element: <Navigate to="/settings/organisation" replace /> },
                  { path: 'organisation', ...page(() => import('./routes/settings/organisation')) },
                  { path: 'team', ...page(() => import('./routes/settings/team')) },
                  { path: 'webhooks', ...page(() => import('./routes/settings/webhooks')) },
                  { path: 'api-keys', ...page(() => import('./routes/settings/api-keys')) },
                  { path: 'audit-log', ...page(() => import('./routes/settings/audit-log')) },
                ],
              },
            ],
          },
        ],
      },
      { path: '*', ...page(() => import('./routes/not-found')) },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
