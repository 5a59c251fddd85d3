import type { FieldError } from '@navaia/shared';

/**
 * A failure the caller can act on: an HTTP status, a stable machine-readable code and a
 * sentence for people. Modules define their codes in their own `*.exception.ts`.
 */
export class AppException extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
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
    new AppException(400, 'validation_failed', 'Some fields are invalid', details),
  notFound: (what: string) => new AppException(404, 'not_found', `${what} not found`),
  forbidden: (message = 'Your role does not allow this') =>
    new AppException(403, 'forbidden', message),
  unavailable: (what: string) =>
    new AppException(
      503,
      'dependency_unavailable',
      `${what} is unavailable; try again shortly`,
      undefined,
      {
        'Retry-After': '5',
      },
    ),
  tooManyRequests: (retryAfterSeconds: number, message = 'Too many requests') =>
    new AppException(429, 'rate_limited', message, undefined, {
      'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))),
    }),
};
