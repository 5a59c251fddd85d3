import type { Role } from '@navaia/shared';

/** Who is calling: a signed-in user or an integrator's API key, always within one tenant. */
export interface Principal {
  type: 'user' | 'api_key';
  tenantId: string;
  /** The user, or for an API key the key's id. */
  id: string;
  role: Role;
  scopes?: string[];
  mustChangePassword: boolean;
  /** A user's token version from the access token; checked against the current one. */
  tokenVersion?: number;
}
