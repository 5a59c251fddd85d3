export const PASSWORD_MIN_LENGTH = 10;
/** Upper bound keeps hashing cost bounded for hostile input. */
export const PASSWORD_MAX_LENGTH = 128;

// The most common leaked passwords of policy-passing length; a full breach list belongs to a service.
const COMMON = new Set([
  '1234567890',
  '12345678910',
  'qwertyuiop',
  'password123',
  'password1234',
  'iloveyou123',
  'qwerty12345',
  '1q2w3e4r5t',
  'abcdefghij',
  'letmein1234',
  'welcome123',
  'administrator',
  'passw0rd123',
  '0987654321',
  '1111111111',
  'changeme123',
]);

/**
 * Returns why a password is unacceptable, or null when it is fine.
 * Follows NIST SP 800-63B: length over composition rules, and no guessable values.
 */
export function passwordProblem(
  password: string,
  context: { email?: string; name?: string } = {},
): string | null {
  if (password.length < PASSWORD_MIN_LENGTH)
    return `password must be at least ${PASSWORD_MIN_LENGTH} characters long`;
  if (password.length > PASSWORD_MAX_LENGTH)
    return `password must be at most ${PASSWORD_MAX_LENGTH} characters long`;
  const lower = password.toLowerCase();
  if (new Set(lower).size < 4) return 'password must not repeat the same few characters';
  if (COMMON.has(lower)) return 'password is too common';
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local))
    return 'password must not contain your email address';
  const name = context.name?.trim().toLowerCase();
  if (name && name.length >= 4 && lower.includes(name))
    return 'password must not contain your name';
  return null;
}
