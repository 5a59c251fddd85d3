import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import { RequestMethod } from '@nestjs/common';
import { Logger } from 'nestjs-pino';
import type { IncomingMessage } from 'node:http';
import { AppModule, ResolvedConfig } from '../../app.module';
import { uuidv7 } from '../database/uuid';
import { registerHttpMetrics } from './metrics';
import { setupOpenApi } from './openapi';
import { findWebDist } from './web-dist';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The HTTP application exactly as it runs in production; tests build it the same way. */
export async function createHttpApp(config: ResolvedConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.env === 'production' ? 1 : false,
    genReqId: (req: IncomingMessage) => {
      const incoming = req.headers['x-request-id'];
      const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : uuidv7();
      (req as IncomingMessage & { id?: string }).id = id; // read by the logger and the request context
      return id;
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    rawBody: true,
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  app.setGlobalPrefix('api/v1', {
    exclude: [
      { path: 'api/health', method: RequestMethod.GET },
      { path: 'api/health/ready', method: RequestMethod.GET },
      { path: 'api/metrics', method: RequestMethod.GET },
    ],
  });

  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onSend', (request, reply, payload, done) => {
    void reply.header('x-request-id', request.id);
    done(null, payload);
  });
  registerHttpMetrics(fastify);

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // The API docs page and Mantine inject inline styles.
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: [
          "'self'",
          'https://api.elevenlabs.io',
          'wss://api.elevenlabs.io',
          'wss://*.elevenlabs.io',
        ],
        mediaSrc: ["'self'", 'blob:', 'data:'],
        workerSrc: ["'self'", 'blob:'],
      },
    },
  });
  await app.register(fastifyCookie);
  setupOpenApi(app);

  const webDist = findWebDist();
  if (webDist) {
    // Unknown paths reach AllExceptionsFilter, which answers client-side routes with the SPA.
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false });
  }
  return app;
}
