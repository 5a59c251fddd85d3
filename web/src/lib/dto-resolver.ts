import { classValidatorResolver } from '@hookform/resolvers/class-validator';
import type { FieldValues, Resolver } from 'react-hook-form';

type DtoClass = new (...args: never[]) => object;

/**
 * Validates a form with the same class-validator DTO the API uses.
 *
 * Without `toDto` the form's values are the DTO's fields, and submit handlers receive them
 * after the DTO's transforms (trimmed names, lower-case email), ready to send.
 * With `toDto` the form's values are mapped onto the DTO's shape first (empty strings, extra
 * confirmation fields …) and submit handlers receive the form's own values and build the
 * request body themselves.
 */
export function dtoResolver<TForm extends FieldValues>(
  dto: DtoClass,
  toDto?: (values: TForm) => object,
  /** DTO fields the form holds under another name: `{ amountCents: 'amount' }`. */
  aliases: Readonly<Record<string, string>> = {},
): Resolver<TForm> {
  // The resolver is typed for the DTO's shape; the mapped values have that shape by contract.
  const validate = classValidatorResolver(dto as new () => Record<string, unknown>);
  return async (values, context, options) => {
    const result = await validate(
      (toDto ? toDto(values) : values) as Record<string, unknown>,
      context,
      options as unknown as Parameters<typeof validate>[2],
    );
    if (Object.keys(result.errors).length > 0) {
      const errors = Object.fromEntries(
        Object.entries(result.errors).map(([field, error]) => [aliases[field] ?? field, error]),
      );
      return { values: {}, errors } as Awaited<ReturnType<Resolver<TForm>>>;
    }
    // Spread: a plain object, not the DTO instance, is what travels as the request body.
    return { values: toDto ? values : ({ ...result.values } as TForm), errors: {} };
  };
}
