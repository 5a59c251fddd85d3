import { RetryPolicy, withRetry } from '../../../common/async/retry';
import { DialOutcomeUnknown, DialRefused } from './telephony-provider';

const PROVIDER_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 250 };

/**
 * Runs a provider request, retrying answers that mean "not processed, try again" (429, 5xx).
 * Refusals and unknown outcomes are not retried: a refusal will not change, and repeating a
 * request whose fate is unknown could dial twice.
 */
export function withProviderRetry<T>(request: () => Promise<T>): Promise<T> {
  return withRetry(
    request,
    PROVIDER_RETRY,
    (error) => error instanceof DialRefused && error.retryable,
  );
}

/** How an HTTP answer from a provider classifies: retried, refused, or unknown. */
export function classifyHttpFailure(
  status: number | undefined,
  reason: string,
): DialRefused | DialOutcomeUnknown {
  if (status === undefined) return new DialOutcomeUnknown(reason);
  return new DialRefused(reason, status === 429 || status >= 500);
}
