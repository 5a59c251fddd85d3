import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { CreateApiKeyDto } from './api-key.dto';
import { isApiKeyScope, normaliseScopes, scopesGrant } from './api-key-scopes';
import { apiKeyStatus } from './api-key.types';

function messages(input: object): string[] {
  return validateSync(plainToInstance(CreateApiKeyDto, input), {
    whitelist: true,
    forbidNonWhitelisted: true,
  }).flatMap((e) => Object.values(e.constraints ?? {}));
}

describe('API key scopes', () => {
  it('knows read and write per resource, read only where nothing can be written, and *', () => {
    expect(isApiKeyScope('customers:write')).toBe(true);
    expect(isApiKeyScope('dashboard:read')).toBe(true);
    expect(isApiKeyScope('dashboard:write')).toBe(false);
    expect(isApiKeyScope('audit:write')).toBe(false);
    expect(isApiKeyScope('*')).toBe(true);
    expect(isApiKeyScope('customers:*')).toBe(false);
  });

  it('stores the smallest equivalent list', () => {
    expect(normaliseScopes(['tickets:read', 'tickets:write', 'customers:read'])).toEqual([
      'customers:read',
      'tickets:write',
    ]);
    expect(normaliseScopes(['customers:read', '*'])).toEqual(['*']);
  });

  it('lets * grant anything, including resources no scope names', () => {
    expect(scopesGrant(['*'], 'tenant:write')).toBe(true);
    expect(scopesGrant([], 'customers:read')).toBe(false);
  });

  it('names the first unknown scope', () => {
    expect(messages({ name: 'x', scopes: ['customers:read', 'calls:delete'] })[0]).toMatch(
      /^scopes contains an unknown scope "calls:delete"/,
    );
    expect(messages({ name: 'x', scopes: [] })).toEqual(['scopes must name at least one scope']);
    expect(messages({ name: 'x', scopes: ['*'] })).toEqual([]);
  });

  it('refuses an expiry in the past', () => {
    expect(messages({ name: 'x', expiresAt: '2001-01-01T00:00:00Z' })).toEqual([
      'expiresAt must be in the future',
    ]);
  });
});

describe('API key status', () => {
  const now = new Date('2026-03-01T12:00:00Z');
  const key = { expiresAt: null, revokedAt: null, graceUntil: null };

  it.each([
    [{}, 'active'],
    [{ expiresAt: '2026-03-02T00:00:00Z' }, 'active'],
    [{ expiresAt: '2026-03-01T12:00:00Z' }, 'expired'],
    [{ graceUntil: '2026-03-01T13:00:00Z' }, 'rotating'],
    [{ graceUntil: '2026-03-01T11:00:00Z' }, 'rotated'],
    [{ graceUntil: '2026-03-01T13:00:00Z', revokedAt: '2026-03-01T10:00:00Z' }, 'revoked'],
  ])('of %p is %s', (lifetime, status) => {
    expect(apiKeyStatus({ ...key, ...lifetime }, now)).toBe(status);
  });
});
