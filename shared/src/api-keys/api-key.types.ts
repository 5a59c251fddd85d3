export type ApiKeyStatus = 'active' | 'rotating' | 'rotated' | 'expired' | 'revoked';

/** An API key as listed; the secret itself is never shown again after creation. */
export interface ApiKeyView {
  id: string;
  name: string;
  /** The public part at the start of the key, to recognise it. */
  prefix: string;
  scopes: string[];
  status: ApiKeyStatus;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  /** After a rotation: the old key keeps working until then. */
  graceUntil: string | null;
  /** After a rotation: the key that replaces this one. */
  rotatedToId: string | null;
}

/** The answer to creating or rotating a key: the only time `key` is shown. */
export interface CreatedApiKey extends ApiKeyView {
  key: string;
}

interface KeyLifetime {
  expiresAt: string | Date | null;
  revokedAt: string | Date | null;
  graceUntil: string | Date | null;
}

const time = (value: string | Date) => new Date(value).getTime();

/** Whether a key still authenticates, and why not. */
export function apiKeyStatus(key: KeyLifetime, now: Date = new Date()): ApiKeyStatus {
  const at = now.getTime();
  if (key.revokedAt) return 'revoked';
  if (key.expiresAt && time(key.expiresAt) <= at) return 'expired';
  if (key.graceUntil) return time(key.graceUntil) > at ? 'rotating' : 'rotated';
  return 'active';
}
