import { scopesGrant } from '@navaia/shared';
import { requiredScope } from './api-key-scope';

describe('the scope an API key needs', () => {
  it.each([
    ['GET', '/api/v1/customers', 'customers:read'],
    ['HEAD', '/api/v1/customers/:id', 'customers:read'],
    ['POST', '/api/v1/customers', 'customers:write'],
    ['PATCH', '/api/v1/tickets/:id', 'tickets:write'],
    ['DELETE', '/api/v1/bookings/:id', 'bookings:write'],
    ['POST', '/api/v1/voice/sessions', 'voice:write'],
    ['GET', '/api/v1/webhooks/events', 'webhooks:read'],
    ['GET', '/api/v1/dashboard/summary', 'dashboard:read'],
  ])('is derived from the route: %s %s → %s', (method, url, scope) => {
    expect(requiredScope(method, url)).toBe(scope);
  });

  it('takes a resource override with the access of the method', () => {
    expect(requiredScope('GET', '/api/v1/customers/:customerId/tickets', 'tickets')).toBe(
      'tickets:read',
    );
    expect(requiredScope('POST', '/api/v1/customers/:customerId/tickets', 'tickets')).toBe(
      'tickets:write',
    );
  });

  it('takes a whole-scope override as it is', () => {
    expect(requiredScope('GET', '/api/v1/audit-log', 'audit:read')).toBe('audit:read');
  });

  it('names resources no scope covers, which only * grants', () => {
    const scope = requiredScope('PATCH', '/api/v1/tenant');
    expect(scope).toBe('tenant:write');
    expect(scopesGrant(['customers:write', 'tickets:write'], scope)).toBe(false);
    expect(scopesGrant(['*'], scope)).toBe(true);
  });

  it('lets write include read, never read include write', () => {
    expect(scopesGrant(['customers:write'], 'customers:read')).toBe(true);
    expect(scopesGrant(['customers:read'], 'customers:write')).toBe(false);
    expect(scopesGrant(['tickets:write'], 'customers:read')).toBe(false);
  });
});
