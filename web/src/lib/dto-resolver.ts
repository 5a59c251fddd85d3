import { classValidatorResolver } from '@hookform/resolvers/class-validator';
import type { FieldValues, Resolver } from 'react-hook-form';

type DtoClass = new (...args: never[]) => object;

/**
 * Validates a form with the same class-validator DTO the API uses. `toDto` maps the form's
 * values (empty strings, string checkboxes …) onto the DTO's shape first; the form keeps its
 * own values, so submit handlers build the request body themselves.
 */
export function dtoResolver<TForm extends FieldValues>(
  dto: DtoClass,
  toDto: (values: TForm) => object = (values) => values,
): Resolver<TForm> {
  // The resolver is typed for the DTO's shape; the mapped values have that shape by contract.
  const validate = classValidatorResolver(dto as new () => Record<string, unknown>);
  return async (values, context, options) => {
    const result = await validate(
      toDto(values) as Record<string, unknown>,
      context,
      options as unknown as Parameters<typeof validate>[2],
    );
    if (Object.keys(result.errors).length > 0) {
      return { values: {}, errors: result.errors } as Awaited<ReturnType<Resolver<TForm>>>;
    }
    return { values, errors: {} };
  };
}
