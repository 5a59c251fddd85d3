import { ALL_SCOPES, API_KEY_RESOURCES, type ApiKeyResource } from '@navaia/shared';

export const RESOURCE_LABELS: Record<ApiKeyResource, string> = {
  customers: 'Customers',
  tickets: 'Tickets',
  bookings: 'Bookings',
  calls: 'Calls',
  campaigns: 'Campaigns',
  voice: 'Voice sessions',
  dashboard: 'Dashboard',
  webhooks: 'Webhook inbox',
  audit: 'Audit log',
};

export type ResourceAccess = 'none' | 'read' | 'write';
export type AccessByResource = Record<ApiKeyResource, ResourceAccess>;

export const RESOURCES = Object.keys(API_KEY_RESOURCES) as ApiKeyResource[];

export const NO_ACCESS = Object.fromEntries(
  RESOURCES.map((resource) => [resource, 'none']),
) as AccessByResource;

/** The scopes a picker's choices stand for; write includes read, so it is sent alone. */
export function toScopes(fullAccess: boolean, access: AccessByResource): string[] {
  if (fullAccess) return [ALL_SCOPES];
  return RESOURCES.filter((r) => access[r] !== 'none').map((r) => `${r}:${access[r]}`);
}

/** A key's scopes as short labels: "Full access", or "Customers: write". */
export function describeScopes(scopes: readonly string[]): string[] {
  if (scopes.includes(ALL_SCOPES)) return ['Full access'];
  return scopes.map((scope) => {
    const [resource, access] = scope.split(':') as [ApiKeyResource, string];
    return `${RESOURCE_LABELS[resource] ?? resource}: ${access}`;
  });
}
