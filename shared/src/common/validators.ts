import { Type } from 'class-transformer';
import {
  IsObject,
  registerDecorator,
  ValidateIf,
  ValidateNested,
  ValidationOptions,
} from 'class-validator';
import { getCountries } from 'libphonenumber-js/min';

const countries = new Set<string>(getCountries());

export function isTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export function isCountryCode(value: unknown): value is string {
  return typeof value === 'string' && countries.has(value);
}

/** An IANA time zone name the runtime knows, e.g. `Europe/Berlin`. */
export function IsTimeZone(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isTimeZone',
      target: target.constructor,
      propertyName,
      options: { message: '$property must be an IANA time zone such as Europe/Berlin', ...options },
      validator: { validate: isTimeZone },
    });
}

/** An ISO 3166-1 alpha-2 country code for which phone numbers can be parsed, e.g. `US`. */
export function IsCountryCode(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isCountryCode',
      target: target.constructor,
      propertyName,
      options: { message: '$property must be a two-letter country code such as US', ...options },
      validator: { validate: isCountryCode },
    });
}

/**
 * May be left out, but not sent as null: for settings that always have a value.
 * (`@IsOptional()` lets null through, which is how clearable settings are cleared.)
 */
export function IsOmittable() {
  return ValidateIf((_object: unknown, value: unknown) => value !== undefined);
}

/**
 * A nested object validated by the rules of its class. `@ValidateNested()` alone validates
 * each element of an array, so `[]` (or an array of valid objects) would pass where one
 * object is expected: the value must be a plain object first.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- what @Type() takes
export function IsNestedObject(type: () => Function) {
  return (target: object, propertyName: string) => {
    IsObject({ message: '$property must be an object' })(target, propertyName);
    ValidateNested()(target, propertyName);
    Type(type)(target, propertyName);
  };
}
