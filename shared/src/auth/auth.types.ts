import type { Role } from './roles';
import type { TenantView } from '../tenant/tenant.types';

export interface UserView {
  id: string;
  name: string;
  email: string;
  role: Role;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
  createdAt: string;
}

export interface AuthResponse {
  accessToken: string;
  user: UserView;
  tenant: TenantView;
}

/** A new access token; the refresh cookie rotates with it. */
export interface AccessTokenResponse {
  accessToken: string;
}

export interface MeResponse {
  user: UserView;
  tenant: TenantView;
  /** How the caller authenticated; API keys carry scopes. */
  principal: { type: 'user' | 'api_key'; scopes?: string[] };
}

/** A team member as every role may see them (to assign work, show who did what). */
export interface MemberView {
  id: string;
  name: string;
  role: Role;
}
