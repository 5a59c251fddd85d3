import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  registerDecorator,
  ValidationArguments,
} from 'class-validator';
import { trimString } from '../common/transforms';
import { IsOmittable } from '../common/validators';
import { API_KEY_SCOPES, isApiKeyScope } from './api-key-scopes';

/** The longest grace period a rotation may give the old key: a week. */
export const API_KEY_MAX_GRACE_SECONDS = 7 * 24 * 3600;

/** Every entry a known scope; the message names the first one that is not. */
function AreApiKeyScopes() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'areApiKeyScopes',
      target: target.constructor,
      propertyName,
      options: {
        message: (args: ValidationArguments) => {
          const bad = (args.value as unknown[]).find((s) => !isApiKeyScope(s));
          return `${args.property} contains an unknown scope "${String(bad)}"; known scopes: ${API_KEY_SCOPES.join(', ')}`;
        },
      },
      validator: {
        // Not a list at all is @IsArray's to report.
        validate: (value: unknown) => !Array.isArray(value) || value.every(isApiKeyScope),
      },
    });
}

/** A moment after now (clock of whoever validates). */
function IsInTheFuture() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isInTheFuture',
      target: target.constructor,
      propertyName,
      options: { message: '$property must be in the future' },
      validator: {
        validate: (value: unknown) =>
          typeof value !== 'string' || new Date(value).getTime() > Date.now(),
      },
    });
}

export class CreateApiKeyDto {
  @Transform(trimString)
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name!: string;

  /** Default `["*"]`: everything an admin may do but managing keys and users. */
  @IsOmittable()
  @AreApiKeyScopes()
  @ArrayMinSize(1, { message: 'scopes must name at least one scope' })
  @ArrayMaxSize(50)
  @IsArray({ message: 'scopes must be a list such as ["customers:read"]' })
  scopes?: string[];

  /** ISO-8601 with an offset; null or absent: never expires. */
  @IsOptional()
  @IsInTheFuture()
  @IsISO8601(
    { strict: true, strictSeparator: true },
    { message: 'expiresAt must be an ISO-8601 date and time' },
  )
  expiresAt?: string | null;
}

export class RotateApiKeyDto {
  /** How long the old key keeps working; default from the server's configuration. */
  @IsOmittable()
  @IsInt({ message: 'graceSeconds must be a whole number of seconds' })
  @Min(0)
  @Max(API_KEY_MAX_GRACE_SECONDS)
  graceSeconds?: number;
}
