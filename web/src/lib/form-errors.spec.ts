import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-client';
import { applyApiError, describeError, fieldPaths } from './form-errors';

const badRequest = (details: { field: string; message: string }[]) =>
  new ApiError({ status: 400, error: 'Bad Request', message: 'Validation failed', details });

describe('form errors', () => {
  it('lists nested form fields as dotted paths, arrays as one field', () => {
    expect(
      fieldPaths({ name: '', limits: { callsPerSecond: 1 }, window: { days: [1, 2] } }),
    ).toEqual(['name', 'limits.callsPerSecond', 'window.days']);
  });

  it('puts each field problem next to its field and needs no form-level message', () => {
    const setError = vi.fn();
    const message = applyApiError(
      badRequest([
        { field: 'limits.callsPerSecond', message: 'callsPerSecond must not be greater than 100' },
        { field: 'callingWindow.days.0', message: 'each value in days must be at least 1' },
      ]),
      setError,
      ['limits.callsPerSecond', 'callingWindow.days'],
    );

    expect(message).toBeNull();
    expect(setError).toHaveBeenCalledWith('limits.callsPerSecond', {
      type: 'server',
      message: 'callsPerSecond must not be greater than 100',
    });
    expect(setError).toHaveBeenCalledWith('callingWindow.days', {
      type: 'server',
      message: 'each value in days must be at least 1',
    });
  });

  it('returns problems that match no field for the form-level alert', () => {
    const setError = vi.fn();
    const message = applyApiError(
      badRequest([{ field: 'tenantId', message: 'property tenantId should not exist' }]),
      setError,
      ['name'],
    );

    expect(setError).not.toHaveBeenCalled();
    expect(message).toBe('Validation failed: property tenantId should not exist');
  });

  it('returns the message of errors without details, with the wait for 429', () => {
    const conflict = new ApiError({ status: 409, error: 'Conflict', message: 'Email taken' });
    expect(applyApiError(conflict, vi.fn(), ['email'])).toBe('Email taken');
    expect(
      describeError(
        new ApiError({
          status: 429,
          error: 'Too Many Requests',
          message: 'Too many log-in attempts',
          retryAfterSeconds: 30,
        }),
      ),
    ).toBe('Too many log-in attempts. Wait 30 seconds before trying again.');
  });
});
