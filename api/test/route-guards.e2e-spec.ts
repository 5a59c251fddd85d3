import { RequestMethod } from '@nestjs/common';
import { INTERCEPTORS_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { isApiKeyScope } from '@navaia/shared';
import { requiredScope } from '../src/common/auth/api-key-scope';
import { API_KEY_SCOPE, IS_PUBLIC, NO_API_KEYS } from '../src/common/auth/decorators';
import { TenantTransactionInterceptor } from '../src/common/database/tenant-transaction.interceptor';
import { createTestApp } from './support/app';

interface Route {
  method: string;
  path: string;
  isPublic: boolean;
  tenantScoped: boolean;
  /** What an API key needs here, or null when keys may never use it. */
  apiKeyScope: string | null;
}

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

function join(...parts: string[]): string {
  return `/${parts
    .map((p) => p.replace(/^\/|\/$/g, ''))
    .filter(Boolean)
    .join('/')}`;
}

function listRoutes(app: NestFastifyApplication): Route[] {
  const discovery = new DiscoveryService(app.get(ModulesContainer));
  const scanner = new MetadataScanner();
  const reflector = new Reflector();
  return discovery.getControllers().flatMap((wrapper) => {
    const controller = wrapper.metatype as (new () => unknown) | undefined;
    if (!controller || !wrapper.instance) return [];
    const base: string = Reflect.getMetadata(PATH_METADATA, controller) ?? '';
    const prototype = Object.getPrototypeOf(wrapper.instance);
    return scanner.getAllMethodNames(prototype).flatMap((name) => {
      const handler = prototype[name];
      const path: string | undefined = Reflect.getMetadata(PATH_METADATA, handler);
      if (path === undefined) return [];
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
      const full = join(base, path);
      const targets = [handler, controller];
      const routePath = full.startsWith('/api/') ? full : join('api/v1', full);
      return [
        {
          method,
          path: routePath,
          isPublic: reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) === true,
          apiKeyScope: reflector.getAllAndOverride<boolean>(NO_API_KEYS, targets)
            ? null
            : requiredScope(
                method,
                routePath,
                reflector.getAllAndOverride<string>(API_KEY_SCOPE, targets),
              ),
          tenantScoped: [handler, controller].some((target) =>
            ((Reflect.getMetadata(INTERCEPTORS_METADATA, target) as unknown[]) ?? []).includes(
              TenantTransactionInterceptor,
            ),
          ),
        },
      ];
    });
  });
}

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
