import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { isApiKeyScope } from '@navaia/shared';
import { createTestApp } from './support/app';
import { ControllerRoute as Route, listControllerRoutes as listRoutes } from './support/routes';

/**
 * Routes that only a key with `*` may use, because no scope names their resource (tenant
 * settings). A new route whose derived scope is unknown fails until it is added here, given
 * an @ApiKeyScope, or closed to keys with @NoApiKeys.
 */
const STAR_ONLY_ROUTES = [
  'GET /api/v1/tenant',
  'GET /api/v1/tenant/members',
  'PATCH /api/v1/tenant',
];

/** Every public route, on purpose. A new one fails this test until it is added here. */
const PUBLIC_ROUTES = [
  'GET /api/health',
  'GET /api/health/ready',
  'GET /api/metrics',
  'POST /api/v1/auth/register',
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/refresh',
  'POST /api/v1/auth/logout',
];

describe('route guards', () => {
  let app: NestFastifyApplication;
  let routes: Route[];

  beforeAll(async () => {
    app = await createTestApp();
    routes = listRoutes(app);
  });
  afterAll(() => app.close());

  it('finds the application routes', () => {
    expect(routes.length).toBeGreaterThan(15);
  });

  it('marks exactly the intended routes @Public()', () => {
    const publicRoutes = routes.filter((r) => r.isPublic).map((r) => `${r.method} ${r.path}`);
    expect(publicRoutes.sort()).toEqual([...PUBLIC_ROUTES].sort());
  });

  it('runs every authenticated route in its tenant transaction', () => {
    const unscoped = routes
      .filter((r) => !r.isPublic && !r.tenantScoped)
      .map((r) => `${r.method} ${r.path}`);
    expect(unscoped).toEqual([]);
  });

  it('gives every authenticated route a known API key scope, or closes it to keys', () => {
    const unknown = routes
      .filter((r) => !r.isPublic && r.apiKeyScope !== null && !isApiKeyScope(r.apiKeyScope))
      .map((r) => `${r.method} ${r.path}`);
    expect(unknown.sort()).toEqual([...STAR_ONLY_ROUTES].sort());
  });

  it('closes key, user and session management to API keys', () => {
    const closed = routes
      .filter((r) => !r.isPublic && r.apiKeyScope === null)
      .map((r) => r.path.split('/')[3]);
    expect([...new Set(closed)].sort()).toEqual(['api-keys', 'auth', 'users']);
  });

  it('answers 401 on every authenticated route to an unknown API key', async () => {
    const http = request(app.getHttpServer());
    for (const route of routes.filter((r) => !r.isPublic)) {
      const path = route.path.replace(/:\w+/g, '01a1fd3b-0000-7000-8000-000000000000');
      const res = await http[route.method.toLowerCase() as 'get'](path).set(
        'X-API-Key',
        `nvk_AAAAAAAAAAAA_${'A'.repeat(43)}`,
      );
      expect({ route: `${route.method} ${route.path}`, status: res.status }).toEqual({
        route: `${route.method} ${route.path}`,
        status: 401,
      });
    }
  });

  it('answers 401 on every other route without credentials', async () => {
    const http = request(app.getHttpServer());
    const guarded = routes.filter((r) => !r.isPublic);
    for (const route of guarded) {
      const path = route.path.replace(/:\w+/g, '01a1fd3b-0000-7000-8000-000000000000');
      const res = await http[route.method.toLowerCase() as 'get'](path);
      expect({ route: `${route.method} ${route.path}`, status: res.status }).toEqual({
        route: `${route.method} ${route.path}`,
        status: 401,
      });
    }
  });
});
