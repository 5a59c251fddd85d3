import { useCallback, useMemo, useRef, useState, type BaseSyntheticEvent } from 'react';
import {
  useForm,
  type DefaultValues,
  type FieldValues,
  type UseFormProps,
  type UseFormReset,
  type UseFormReturn,
  type UseFormSetError,
} from 'react-hook-form';
import { ApiError, isApiError } from './api-client';
import { applyApiError, fieldPaths } from './form-errors';
import { newIdempotencyKey } from './idempotency';

export interface ApiFormSubmitHelpers<TValues extends FieldValues> {
  /**
   * For `Idempotency-Key` on creates: fresh for every submission, except that a submission
   * whose outcome stayed unknown (no answer, 5xx) is retried with the same key when the values
   * have not changed, so the API can answer "already created" instead of creating a second one.
   */
  idempotencyKey: string;
  setError: UseFormSetError<TValues>;
}

export interface UseApiFormOptions<TValues extends FieldValues> extends Omit<
  UseFormProps<TValues>,
  'defaultValues'
> {
  /** Required: they name the form's fields and are what `reset()` returns to. */
  defaultValues: DefaultValues<TValues>;
  /**
   * Sends the validated values. Whatever it throws is shown where it belongs: each of the API's
   * field details next to its field, everything else in the form-level alert (`formError`).
   */
  onSubmit: (values: TValues, helpers: ApiFormSubmitHelpers<TValues>) => unknown;
  /** The fields an API error's `details[].field` may name; every path of `defaultValues` if left out. */
  fields?: readonly string[];
  /** API fields the form holds under another name: `{ amountCents: 'amount' }`. */
  fieldAliases?: Readonly<Record<string, string>>;
}

export type ApiFormReturn<TValues extends FieldValues> = UseFormReturn<TValues> & {
  /** Pass to `<form onSubmit>`: validates, then calls `onSubmit` once at a time. */
  submit: (event?: BaseSyntheticEvent) => Promise<void>;
  /** The message for the form-level alert, or null. */
  formError: string | null;
  setFormError: (message: string | null) => void;
};

/** Whether the API answered, so the request is known to have taken effect or not. */
function outcomeKnown(error: unknown): boolean {
  return isApiError(error) && error.status >= 400 && error.status < 500;
}

/**
 * react-hook-form with the house rules for forms that talk to the API: validation by the
 * resolver (the shared DTO), one submission at a time (a double click sends one request), API
 * errors mapped onto the fields or the form-level alert, and an idempotency key per submission.
 */
/** The error with its field details renamed to the form's field names. */
function renameFields(error: unknown, aliases: Readonly<Record<string, string>>): unknown {
  if (!isApiError(error) || error.details.length === 0) return error;
  const rename = (field: string) => {
    const [head, ...rest] = field.split('.');
    return [aliases[head] ?? head, ...rest].join('.');
  };
  return new ApiError({
    status: error.status,
    error: error.error,
    message: error.message,
    details: error.details.map((detail) => ({ ...detail, field: rename(detail.field) })),
    requestId: error.requestId,
    retryAfterSeconds: error.retryAfterSeconds,
  });
}

export function useApiForm<TValues extends FieldValues>({
  onSubmit,
  fields,
  fieldAliases,
  ...options
}: UseApiFormOptions<TValues>): ApiFormReturn<TValues> {
  const form = useForm<TValues>(options);
  const [formError, setFormError] = useState<string | null>(null);
  const pending = useRef<Promise<void> | null>(null);
  const attempt = useRef<{ key: string; values: string } | null>(null);
  // The default values decide the fields once; later resets do not add fields.
  const initialDefaults = useRef(options.defaultValues);
  const knownFields = useMemo(() => fields ?? fieldPaths(initialDefaults.current), [fields]);
  const latestSubmit = useRef(onSubmit);
  latestSubmit.current = onSubmit;
  const { handleSubmit, setError, reset: resetForm } = form;

  const send = useCallback(
    async (values: TValues) => {
      const serialized = JSON.stringify(values);
      if (attempt.current?.values !== serialized) {
        attempt.current = { key: newIdempotencyKey(), values: serialized };
      }
      setFormError(null);
      try {
        await latestSubmit.current(values, { idempotencyKey: attempt.current.key, setError });
        attempt.current = null;
      } catch (error) {
        if (outcomeKnown(error)) attempt.current = null;
        const shown = fieldAliases ? renameFields(error, fieldAliases) : error;
        setFormError(applyApiError(shown, setError, knownFields));
      }
    },
    [knownFields, setError, fieldAliases],
  );

  const submit = useMemo(
    () =>
      handleSubmit((values) => {
        // A second click while the first request is out waits for it instead of sending again.
        pending.current ??= send(values).finally(() => {
          pending.current = null;
        });
        return pending.current;
      }),
    [handleSubmit, send],
  );

  const reset = useCallback<UseFormReset<TValues>>(
    (values, keepStateOptions) => {
      setFormError(null);
      attempt.current = null;
      resetForm(values, keepStateOptions);
    },
    [resetForm],
  );

  return { ...form, reset, submit, formError, setFormError };
}
