import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { isApiError } from './api-client';

/** A sentence for a person, for any error a request can throw. */
export function describeError(error: unknown): string {
  if (!isApiError(error)) return 'Something went wrong. Please try again.';
  if (error.status === 429) {
    const sentence = /[.!?]$/.test(error.message) ? error.message : `${error.message}.`;
    const wait = error.retryAfterSeconds;
    if (wait === undefined) return sentence;
    return `${sentence} Wait ${wait} ${wait === 1 ? 'second' : 'seconds'} before trying again.`;
  }
  return error.message;
}

/** Every dotted path of a form's values; arrays count as one field (e.g. `callingWindow.days`). */
export function fieldPaths(values: object, prefix = ''): string[] {
  return Object.entries(values).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? fieldPaths(value as object, path)
      : [path];
  });
}

/** The form field a server `field` belongs to: itself, or its closest enclosing field. */
function matchField(field: string, known: readonly string[]): string | undefined {
  if (known.includes(field)) return field;
  return known
    .filter((candidate) => field.startsWith(`${candidate}.`))
    .sort((a, b) => b.length - a.length)[0];
}

/**
 * Puts each of the API's per-field problems next to its field, and returns the message for the
 * form-level alert when some problem matches no field (409, 429, 403 …), or null.
 */
export function applyApiError<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly string[],
): string | null {
  if (!isApiError(error)) return describeError(error);
  const unmatched: string[] = [];
  for (const detail of error.details) {
    const field = matchField(detail.field, fields);
    if (field) setError(field as Path<T>, { type: 'server', message: detail.message });
    else unmatched.push(detail.message);
  }
  if (error.details.length === 0) return describeError(error);
  return unmatched.length ? `${error.message}: ${unmatched.join('; ')}` : null;
}
