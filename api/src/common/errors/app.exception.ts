import { CommonErrorCode, type ErrorCode, type FieldError } from '@navaia/shared';

/**
 * A failure the caller can act on: an HTTP status, a stable machine-readable code and a
 * sentence for people. Codes are the enums of `@navaia/shared` (`*-errors.ts` beside the DTOs);
 * modules build their exceptions in their own `*.exception.ts`.
 */
export class AppException extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: FieldError[] | Record<string, unknown>,
    /** Extra response headers, such as Retry-After. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export const CommonErrors = {
  validation: (details: FieldError[]) =>
    new AppException(400, CommonErrorCode.ValidationFailed, 'Some fields are invalid', details),
  notFound: (what: string) => new AppException(404, CommonErrorCode.NotFound, `${what} not found`),
  forbidden: (message = 'Your role does not allow this') =>
    new AppException(403, CommonErrorCode.Forbidden, message),
  unavailable: (what: string) =>
    new AppException(
      503,
      CommonErrorCode.DependencyUnavailable,
      `${what} is unavailable; try again shortly`,
      undefined,
      {
        'Retry-After': '5',
      },
    ),
  tooManyRequests: (retryAfterSeconds: number, message = 'Too many requests') =>
    new AppException(429, CommonErrorCode.RateLimited, message, undefined, {
      'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))),
    }),
};
