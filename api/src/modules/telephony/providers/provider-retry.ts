import { DialOutcomeUnknown, DialRefused } from './telephony-provider';

export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
}

export const PROVIDER_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 250 };

/**
 * Runs a provider request, retrying answers that mean "not processed, try again" (429, 5xx)
 * with exponential backoff and full jitter. Refusals and unknown outcomes are not retried:
 * a refusal will not change, and repeating a request whose fate is unknown could dial twice.
 */
export async function withProviderRetry<T>(
  request: () => Promise<T>,
  policy: RetryPolicy = PROVIDER_RETRY,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await request();
    } catch (error) {
      if (!(error instanceof DialRefused) || !error.retryable || attempt >= policy.attempts) {
        throw error;
      }
      const cap = policy.baseDelayMs * 2 ** (attempt - 1);
      await new Promise((resolve) => setTimeout(resolve, cap / 2 + Math.random() * (cap / 2)));
    }
  }
}

/** How an HTTP answer from a provider classifies: retried, refused, or unknown. */
export function classifyHttpFailure(
  status: number | undefined,
  reason: string,
): DialRefused | DialOutcomeUnknown {
  if (status === undefined) return new DialOutcomeUnknown(reason);
  return new DialRefused(reason, status === 429 || status >= 500);
}
