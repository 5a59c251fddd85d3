import { RequestMethod } from '@nestjs/common';
import { INTERCEPTORS_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { requiredScope } from '../../src/common/auth/api-key-scope';
import { API_KEY_SCOPE, IS_PUBLIC, NO_API_KEYS } from '../../src/common/auth/decorators';
import { TenantTransactionInterceptor } from '../../src/common/database/tenant-transaction.interceptor';

export interface ControllerRoute {
  method: string;
  /** Express-style, e.g. `/api/v1/tickets/:id`. */
  path: string;
  isPublic: boolean;
  tenantScoped: boolean;
  /** What an API key needs here, or null when keys may never use it. */
  apiKeyScope: string | null;
}

function join(...parts: string[]): string {
  return `/${parts
    .map((p) => p.replace(/^\/|\/$/g, ''))
    .filter(Boolean)
    .join('/')}`;
}

/** Every route of every Nest controller, read from the decorators. */
export function listControllerRoutes(app: NestFastifyApplication): ControllerRoute[] {
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
      const routePath = full.startsWith('/api/') ? full : join('api/v1', full);
      const targets = [handler, controller];
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
