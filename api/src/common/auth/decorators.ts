import { SetMetadata } from '@nestjs/common';
import type { Role } from '@navaia/shared';

export const IS_PUBLIC = 'navaia:isPublic';
export const MIN_ROLE = 'navaia:minRole';
export const ALLOW_PENDING_PASSWORD = 'navaia:allowPendingPassword';

/** The only way to skip authentication; a test lists every route that carries it. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/**
 * The least role a route needs. Without it, reads need `viewer` and writes `agent`:
 * access is denied by default rather than granted.
 */
export const MinRole = (role: Role) => SetMetadata(MIN_ROLE, role);

/** Reachable by a user who still has to replace the initial password. */
export const AllowPendingPasswordChange = () => SetMetadata(ALLOW_PENDING_PASSWORD, true);

export const API_KEY_SCOPE = 'navaia:apiKeyScope';
export const NO_API_KEYS = 'navaia:noApiKeys';

/**
 * The scope an API key needs here, where the one derived from the path is wrong: a resource
 * (`'tickets'`: read for GET and HEAD, write otherwise) or a whole scope (`'audit:read'`).
 */
export const ApiKeyScope = (scope: string) => SetMetadata(API_KEY_SCOPE, scope);

/** Refused to API keys whatever their scopes: credentials and people are managed by people. */
export const NoApiKeys = () => SetMetadata(NO_API_KEYS, true);
