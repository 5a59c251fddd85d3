import { CommonErrorCode } from '@navaia/shared';
import { createHash } from 'node:crypto';
import {
  applyDecorators,
  CallHandler,
  ExecutionContext,
  HttpStatus,
  Injectable,
  NestInterceptor,
  UseInterceptors,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { ApiHeader } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, lastValueFrom, Observable } from 'rxjs';
import { LessThan } from 'typeorm';
import { TenantDb } from '../database/tenant-db';
import { AppException } from '../errors/app.exception';
import { ApiErrors } from '../http/openapi';
import { TenantContext } from '../tenancy/tenant-context';
import { IdempotencyKey } from './idempotency-key.entity';

const HEADER = 'idempotency-key';
const TTL_MS = 24 * 3600_000;
const KEY = /^[\x21-\x7e]{1,255}$/;

const errors = {
  invalidKey: () =>
    new AppException(
      400,
      CommonErrorCode.InvalidIdempotencyKey,
      'Idempotency-Key must be 1–255 visible ASCII characters',
    ),
  keyReused: () =>
    new AppException(
      422,
      CommonErrorCode.IdempotencyKeyReused,
      'This Idempotency-Key was already used with a different request body',
    ),
  inProgress: () =>
    new AppException(
      409,
      CommonErrorCode.IdempotencyKeyInProgress,
      'A request with this Idempotency-Key is still in progress',
    ),
};

/**
 * `Idempotency-Key` on creates: the key, a hash of the request and the first answer are
 * stored per tenant for 24 hours, in the same transaction as the record the request
 * creates. A repeat gets the first answer; the same key with another body is a 422. A
 * concurrent repeat waits on the key's row and then gets the first answer too.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly db: TenantDb,
    private readonly context: TenantContext,
  ) {}

  intercept(execution: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = execution.switchToHttp().getRequest<FastifyRequest & { rawBody?: Buffer }>();
    const reply = execution.switchToHttp().getResponse<FastifyReply>();
    const key = request.headers[HEADER];
    if (key === undefined) return next.handle();
    if (typeof key !== 'string' || !KEY.test(key)) throw errors.invalidKey();
    const status: number =
      Reflect.getMetadata(HTTP_CODE_METADATA, execution.getHandler()) ?? HttpStatus.CREATED;
    const path = request.routeOptions.url ?? request.url;
    const hash = createHash('sha256')
      .update(`${request.method} ${path}\n`)
      .update(request.rawBody ?? JSON.stringify(request.body ?? null))
      .digest('hex');

    return from(
      (async () => {
        const repo = this.db.repo(IdempotencyKey);
        const tenantId = this.context.tenantId;
        const now = new Date();
        // An expired key is free again.
        await repo.delete({ tenantId, key, expiresAt: LessThan(now) });
        const claimed = await repo
          .createQueryBuilder()
          .insert()
          .values({
            tenantId,
            key,
            method: request.method,
            path,
            requestHash: hash,
            createdAt: now,
            expiresAt: new Date(now.getTime() + TTL_MS),
          })
          .orIgnore()
          .returning(['key'])
          .execute();
        if (claimed.raw.length === 0) {
          const first = await repo.findOneByOrFail({ tenantId, key });
          if (first.requestHash !== hash) throw errors.keyReused();
          if (first.statusCode === null) throw errors.inProgress();
          void reply.status(first.statusCode).header('idempotent-replayed', 'true');
          return first.responseBody;
        }
        const body = await lastValueFrom(next.handle(), { defaultValue: undefined });
        await repo.update({ tenantId, key }, { statusCode: status, responseBody: body ?? null });
        return body;
      })(),
    );
  }
}

/** Marks a create route as accepting `Idempotency-Key`. */
export const Idempotent = () =>
  applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    // 409: the first request with the key is still running; 422: the key came with another body.
    ApiErrors(409, 422),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'Repeat-safe creates: a repeat with the same key and body returns the first answer for 24 hours',
    }),
  );
