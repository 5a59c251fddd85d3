import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  Logger,
  NotFoundException,
} from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { CommonErrorCode, RequestErrorCode, type ErrorBody, type ErrorCode } from '@navaia/shared';
import { findWebDist } from '../http/web-dist';
import { AppException } from './app.exception';

interface Mapped {
  statusCode: number;
  /** One of `ErrorCode`; Nest's own exceptions answer with their status's name (`bad_request`). */
  code: string;
  message: string;
  details?: ErrorBody['details'];
  headers?: Record<string, string>;
}

// PostgreSQL errors that bad input can provoke; everything else is ours and a 500.
const PG_ERRORS: Record<string, { statusCode: number; code: ErrorCode; message: string }> = {
  '23505': {
    statusCode: 409,
    code: CommonErrorCode.Conflict,
    message: 'A record with these values already exists',
  },
  '23503': {
    statusCode: 409,
    code: CommonErrorCode.Conflict,
    message: 'A referenced record does not exist',
  },
  '23502': {
    statusCode: 400,
    code: CommonErrorCode.InvalidInput,
    message: 'A required value is missing',
  },
  '22P02': {
    statusCode: 400,
    code: CommonErrorCode.InvalidInput,
    message: 'A value has an invalid format',
  },
  '22001': { statusCode: 400, code: CommonErrorCode.InvalidInput, message: 'A value is too long' },
  '22003': {
    statusCode: 400,
    code: CommonErrorCode.InvalidInput,
    message: 'A number is out of range',
  },
  '23514': {
    statusCode: 400,
    code: CommonErrorCode.InvalidInput,
    message: 'A value is not allowed',
  },
  // Text PostgreSQL cannot store (NUL); input checks refuse it first, naming the field.
  '22021': {
    statusCode: 400,
    code: CommonErrorCode.InvalidInput,
    message: 'A value is not valid text',
  },
  '22P05': {
    statusCode: 400,
    code: CommonErrorCode.InvalidInput,
    message: 'A value is not valid text',
  },
};

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: RequestErrorCode.MalformedJson,
  FST_ERR_CTP_EMPTY_JSON_BODY: RequestErrorCode.MalformedJson,
  FST_ERR_CTP_BODY_TOO_LARGE: RequestErrorCode.PayloadTooLarge,
  FST_ERR_CTP_INVALID_MEDIA_TYPE: RequestErrorCode.UnsupportedMediaType,
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: RequestErrorCode.InvalidContentLength,
  FST_ERR_BAD_URL: RequestErrorCode.MalformedUrl,
};

export function mapError(error: unknown): Mapped {
  if (error instanceof AppException) {
    return { ...error, message: error.message };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    const message =
      typeof response === 'string'
        ? response
        : Array.isArray((response as { message?: unknown }).message)
          ? (response as { message: string[] }).message.join('; ')
          : String((response as { message?: unknown }).message ?? error.message);
    return {
      statusCode: status,
      code: (STATUS_CODES[status] ?? 'error').toLowerCase().replace(/\W+/g, '_'),
      message,
    };
  }
  if (error instanceof QueryFailedError) {
    const pgCode = (error.driverError as { code?: string } | undefined)?.code;
    if (pgCode && PG_ERRORS[pgCode]) return PG_ERRORS[pgCode];
  }
  const fastify = error as { statusCode?: number; code?: string; message?: string };
  if (
    typeof fastify.code === 'string' &&
    fastify.code.startsWith('FST_') &&
    fastify.statusCode &&
    fastify.statusCode < 500
  ) {
    return {
      statusCode: fastify.statusCode,
      code: FASTIFY_CODES[fastify.code] ?? RequestErrorCode.BadRequest,
      message: fastify.message ?? 'Bad request',
    };
  }
  return {
    statusCode: 500,
    code: CommonErrorCode.InternalError,
    message: 'Something went wrong on our side',
  };
}

export function errorBody(mapped: Mapped, requestId: string): ErrorBody {
  return {
    statusCode: mapped.statusCode,
    error: STATUS_CODES[mapped.statusCode] ?? 'Error',
    code: mapped.code,
    message: mapped.message,
    ...(mapped.details ? { details: mapped.details } : {}),
    requestId,
  };
}

/** Sends any error as the error body of the API contract; only real faults are 500s. */
export function sendError(
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
  logger: Logger,
) {
  const mapped = mapError(error);
  if (mapped.statusCode >= 500 && mapped.statusCode !== 503) {
    logger.error({ err: error, requestId: request.id }, 'Unhandled error');
  }
  for (const [name, value] of Object.entries(mapped.headers ?? {})) reply.header(name, value);
  void reply.status(mapped.statusCode).send(errorBody(mapped, String(request.id)));
}

@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Http');
  private readonly webDist = findWebDist();

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    // Client-side routes of the SPA (/settings, /login…) are answered with its index page.
    if (
      error instanceof NotFoundException &&
      this.webDist &&
      request.method === 'GET' &&
      !request.url.startsWith('/api')
    ) {
      void reply.type('text/html').sendFile('index.html', this.webDist);
      return;
    }
    sendError(error, request, reply, this.logger);
  }
}
