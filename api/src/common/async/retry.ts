import { setTimeout as sleep } from 'node:timers/promises';

export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  /** The wait after the first failure; each next wait doubles. */
  baseDelayMs: number;
}

/**
 * Runs `work` until it succeeds, throws an error `retryable` rejects, or the attempts are
 * spent; then throws the last error. Waits grow exponentially with jitter (half fixed, half
 * random) so that clients refused together do not come back together.
 */
export async function withRetry<T>(
  work: (attempt: number) => Promise<T>,
  policy: RetryPolicy,
  retryable: (error: unknown) => boolean,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work(attempt);
    } catch (error) {
      if (attempt >= policy.attempts || !retryable(error)) throw error;
      const cap = policy.baseDelayMs * 2 ** (attempt - 1);
      await sleep(cap / 2 + Math.random() * (cap / 2));
    }
  }
}
