const READ_METHODS = new Set(['GET', 'HEAD']);
const API_PREFIX = '/api/v1/';

/**
 * The scope an API key needs for a request: the resource is the route's first segment
 * under /api/v1 (`/api/v1/customers/:id` → `customers`), reads are GET and HEAD and all
 * else writes. `override` (from @ApiKeyScope) names a resource or a whole scope. A
 * resource no scope names (e.g. `tenant`) needs `*`: unknown means denied.
 */
export function requiredScope(method: string, routeUrl: string, override?: string): string {
  const access = READ_METHODS.has(method) ? 'read' : 'write';
  if (override) return override.includes(':') ? override : `${override}:${access}`;
  const path = routeUrl.startsWith(API_PREFIX) ? routeUrl.slice(API_PREFIX.length) : routeUrl;
  const resource = path.split('/').find(Boolean) ?? '';
  return `${resource}:${access}`;
}
