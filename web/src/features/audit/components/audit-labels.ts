import type { AuditAction, AuditActorType, AuditEntryView } from '@navaia/shared';

export const ACTION_LABELS: Record<AuditAction, string> = {
  create: 'Created',
  update: 'Updated',
  delete: 'Deleted',
  login: 'Logged in',
  password_change: 'Changed password',
  rotate: 'Rotated',
  revoke: 'Revoked',
  api_request: 'API request',
};

export const ACTOR_TYPE_LABELS: Record<AuditActorType, string> = {
  user: 'User',
  api_key: 'API key',
  system: 'System',
};

export const ENTITY_TYPE_LABELS: Record<string, string> = {
  customer: 'Customer',
  ticket: 'Ticket',
  booking: 'Booking',
  user: 'User',
  tenant: 'Settings',
  api_key: 'API key',
  request: 'Request',
};

export const options = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

/** `POST /api/v1/customers → 201` for a request made with an API key. */
export function describeRequest(entry: AuditEntryView): string | null {
  if (entry.action !== 'api_request' || !entry.after) return null;
  const { method, path, status } = entry.after as {
    method?: string;
    path?: string;
    status?: number;
  };
  return `${method ?? ''} ${path ?? ''} → ${status ?? '?'}`;
}
