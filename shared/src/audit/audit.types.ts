export const AUDIT_ACTIONS = [
  'create',
  'update',
  'delete',
  'login',
  'password_change',
  'rotate',
  'revoke',
  'api_request',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ACTOR_TYPES = ['user', 'api_key', 'system'] as const;
export type AuditActorType = (typeof AUDIT_ACTOR_TYPES)[number];

/** One who-did-what row. An `api_request` row's `after` holds `{method, path, route, status}`. */
export interface AuditEntryView {
  id: string;
  actorType: AuditActorType;
  actorId: string | null;
  /** The user's name or the key's name when they still exist. */
  actorName: string | null;
  action: AuditAction;
  entityType: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  requestId: string | null;
  createdAt: string;
}
