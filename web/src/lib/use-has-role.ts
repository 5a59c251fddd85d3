import { hasRole, type Role } from '@navaia/shared';
import { useAuthenticatedSession } from './auth-store';

/**
 * Whether the signed-in user may do what `required` may do. Controls follow the API's roles;
 * the API still decides (a stale role answers 403, shown like any other error).
 */
export function useHasRole(required: Role): boolean {
  return hasRole(useAuthenticatedSession().user.role, required);
}
