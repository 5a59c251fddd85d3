import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import type { FieldError } from '@navaia/shared';
import { CommonErrors } from './app.exception';

/** Flattens class-validator's tree into one entry per field, with dotted paths. */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      // class-validator says "property x should not exist" for unknown fields; say it plainly.
      message: message.startsWith('property ') ? `${field} is not an accepted field` : message,
    }));
    return [...own, ...toFieldErrors(error.children ?? [], field)];
  });
}

/**
 * The global pipe: bodies and queries validated by their DTOs, unknown fields refused.
 * Nest turns a `null` body into `{}` before validating, so a JSON `null` would pass as an
 * empty update; a body that is sent must be an object (arrays and scalars Nest refuses itself).
 */
export class AppValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) => CommonErrors.validation(toFieldErrors(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && value === null && this.toValidate(metadata))
      throw CommonErrors.validation([{ field: 'body', message: 'body must be a JSON object' }]);
    return super.transform(value, metadata);
  }
}
