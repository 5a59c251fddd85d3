import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import type { Principal } from '../../common/tenancy/principal';
import { AuditService } from './audit.service';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every request an API key makes to change something leaves an `api_request` row with its
 * method, path and status, refused ones included: integrators act unattended, so the trail
 * must show what they tried, not only what they changed. Written before the answer leaves,
 * so a client that saw the answer can find the row. 429s are not written: a client past its
 * limit would otherwise turn each refusal into a database write.
 */
export function registerApiRequestAudit(app: NestFastifyApplication): void {
  const audit = app.get(AuditService);
  const logger = new Logger('Audit');
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', (request, reply, payload, done) => {
      const principal = (request as FastifyRequest & { user?: Principal }).user;
      if (
        principal?.type !== 'api_key' ||
        READ_METHODS.has(request.method) ||
        reply.statusCode === 429
      ) {
        done(null, payload);
        return;
      }
      audit
        .recordApiRequest(principal, {
          requestId: String(request.id),
          method: request.method,
          path: request.url.split('?')[0],
          route: request.routeOptions.url ?? null,
          status: reply.statusCode,
        })
        .catch((error: unknown) =>
          // The request itself has committed: its answer stands even if its trail failed.
          logger.error({ err: error, requestId: request.id }, 'Could not audit an API key request'),
        )
        .finally(() => done(null, payload));
    });
}
