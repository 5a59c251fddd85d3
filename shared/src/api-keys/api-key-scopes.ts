/**
 * What an API key may touch, per resource. A resource's path is its first segment under
 * /api/v1; reads are GET and HEAD, everything else writes. Write includes read: a key that
 * may change a record sees it in the answer anyway.
 */
export const API_KEY_RESOURCES = {
  customers: ['read', 'write'],
  tickets: ['read', 'write'],
  bookings: ['read', 'write'],
  calls: ['read', 'write'],
  campaigns: ['read', 'write'],
  voice: ['read', 'write'],
  dashboard: ['read'],
  webhooks: ['read', 'write'],
  audit: ['read'],
} as const satisfies Record<string, readonly ScopeAccess[]>;

export type ScopeAccess = 'read' | 'write';
export type ApiKeyResource = keyof typeof API_KEY_RESOURCES;

/** Everything an admin may do, except managing keys and users. */
export const ALL_SCOPES = '*';

/** Every scope a key may carry, `*` first. */
export const API_KEY_SCOPES: readonly string[] = [
  ALL_SCOPES,
  ...Object.entries(API_KEY_RESOURCES).flatMap(([resource, accesses]) =>
    accesses.map((access) => `${resource}:${access}`),
  ),
];

const known = new Set(API_KEY_SCOPES);

export function isApiKeyScope(value: unknown): value is string {
  return typeof value === 'string' && known.has(value);
}

/** True when `scopes` allow `required` (`resource:read` or `resource:write`). */
export function scopesGrant(scopes: readonly string[], required: string): boolean {
  if (scopes.includes(ALL_SCOPES) || scopes.includes(required)) return true;
  return required.endsWith(':read') && scopes.includes(`${required.slice(0, -5)}:write`);
}

/** The smallest equivalent list, sorted: `*` alone, and no read beside its write. */
export function normaliseScopes(scopes: readonly string[]): string[] {
  const unique = new Set(scopes);
  if (unique.has(ALL_SCOPES)) return [ALL_SCOPES];
  return API_KEY_SCOPES.filter(
    (scope) =>
      unique.has(scope) && !(scope.endsWith(':read') && unique.has(`${scope.slice(0, -5)}:write`)),
  );
}
