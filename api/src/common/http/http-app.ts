import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { Logger, RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppModule, ResolvedConfig } from '../../app.module';
import { AppLogger, createPino } from '../logging/logger';
import { sendError } from '../errors/exception.filter';
import { checkInput } from './input-guard';
import { clientErrorHandler } from './client-errors';
import { recordHttpMetrics } from './metrics';
import { setupOpenApi } from './openapi';
import { trackRoutes } from './route-inventory';
import { apiSecurityHeaders, pageSecurityHeaders } from './security-headers';
import { findWebDist } from './web-dist';
import { registerApiRequestAudit } from '../../modules/audit/api-request-audit';
import { registerWebhookRoutes, WEBHOOK_ROUTE_DOCS } from '../../modules/webhooks/webhook-routes';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;
/** Routes whose every request would only add noise to the access log. */
const QUIET_ROUTES = new Set(['/api/health', '/api/health/ready', '/api/metrics']);

/** Unique across processes without a random draw per request: a per-process prefix and a counter. */
function requestIdGenerator(): (req: IncomingMessage) => string {
  const prefix = randomBytes(6).toString('hex');
  let counter = 0;
  return (req) => {
    const incoming = req.headers['x-request-id'];
    if (typeof incoming === 'string' && REQUEST_ID.test(incoming)) return incoming;
    counter = (counter + 1) % Number.MAX_SAFE_INTEGER;
    return `${prefix}-${counter.toString(36)}`;
  };
}

/** The HTTP application exactly as it runs in production; tests build it the same way. */
export async function createHttpApp(config: ResolvedConfig): Promise<NestFastifyApplication> {
  const pino = createPino(config.logLevel);
  const genReqId = requestIdGenerator();
  const httpLogger = new Logger('Http');
  const apiHeaders = apiSecurityHeaders(config.publicBaseUrl.startsWith('https://'));
  const adapter = new FastifyAdapter({
    // No Fastify logger: it would build a child logger per request. One access line per
    // request is written below instead, with the fields that matter.
    logger: false,
    bodyLimit: config.bodyLimitBytes,
    // Off unless configured: trusting X-Forwarded-For from anyone lets a client pick its own
    // address, and so escape every per-address limit.
    trustProxy: config.trustProxy,
    genReqId,
    // Requests the router refuses before any hook runs (a path that is not valid UTF-8).
    frameworkErrors: (error: Error, request: FastifyRequest, reply: FastifyReply) => {
      void reply.headers(apiHeaders);
      sendError(error, request, reply, httpLogger);
    },
    clientErrorHandler: clientErrorHandler(
      () => genReqId({ headers: {} } as IncomingMessage),
      apiHeaders,
    ),
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    rawBody: true,
    logger: new AppLogger(pino),
  });
  app.enableShutdownHooks();
  app.setGlobalPrefix('api/v1', {
    exclude: [
      { path: 'api/health', method: RequestMethod.GET },
      { path: 'api/health/ready', method: RequestMethod.GET },
      { path: 'api/metrics', method: RequestMethod.GET },
    ],
  });

  const fastify = app.getHttpAdapter().getInstance();
  trackRoutes(app);
  const webDist = findWebDist();
  const pageHeaders = pageSecurityHeaders(
    webDist ? readFileSync(join(webDist, 'index.html'), 'utf8') : '',
  );
  fastify.addHook('onRequest', (request, reply, done) => {
    // Set on the raw response: cheaper than Fastify's validated header API on a hot path.
    const raw = reply.raw;
    raw.setHeader('x-request-id', request.id);
    for (const name in apiHeaders) raw.setHeader(name, apiHeaders[name]);
    done();
  });
  fastify.addHook('preValidation', (request, reply, done) => {
    const refused = checkInput(request.body) ?? checkInput(request.query);
    if (!refused) return done();
    sendError(refused, request, reply, httpLogger);
  });
  // Documents (the SPA, the API docs) get the full browser policy: CSP, framing, etc.
  fastify.addHook('onSend', (request, reply, payload, done) => {
    const type = reply.getHeader('content-type');
    if (typeof type === 'string' && type.startsWith('text/html')) void reply.headers(pageHeaders);
    done(null, payload);
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url;
    recordHttpMetrics(request.method, route, reply.statusCode, reply.elapsedTime);
    if (reply.statusCode >= 500 || !QUIET_ROUTES.has(route ?? '')) {
      pino.info(
        {
          requestId: request.id,
          method: request.method,
          url: request.url,
          statusCode: reply.statusCode,
          ms: Math.round(reply.elapsedTime),
        },
        'request',
      );
    }
    done();
  });
  registerApiRequestAudit(app);
  await registerWebhookRoutes(app);
  setupOpenApi(app, WEBHOOK_ROUTE_DOCS);

  if (webDist) {
    // Unknown paths reach AllExceptionsFilter, which answers client-side routes with the SPA.
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false });
  }
  return app;
}
