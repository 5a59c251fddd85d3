import type { NestFastifyApplication } from '@nestjs/platform-fastify';

export interface HttpRoute {
  method: string;
  /** Fastify's pattern, e.g. `/api/v1/tickets/:id`. */
  url: string;
}

const inventories = new WeakMap<NestFastifyApplication, HttpRoute[]>();

/**
 * Records every route the server will answer, whoever registers it (Nest controllers,
 * plain Fastify routes, static files), so tests can hold all of them to the API's rules.
 * Must run before the routes are registered.
 */
export function trackRoutes(app: NestFastifyApplication): void {
  const routes: HttpRoute[] = [];
  inventories.set(app, routes);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRoute', (options) => {
      for (const method of ([] as string[]).concat(options.method)) {
        routes.push({ method, url: options.url });
      }
    });
}

/** The routes registered so far, in registration order. */
export function registeredRoutes(app: NestFastifyApplication): HttpRoute[] {
  return [...(inventories.get(app) ?? [])];
}
