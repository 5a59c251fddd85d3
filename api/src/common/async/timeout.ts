/**
 * Settles as `work` does, or rejects with `expired()` once `ms` have passed: a bound for
 * clients whose calls take no abort signal (Redis, BullMQ). The timer is the one of
 * `AbortSignal.timeout`, which never holds the process open.
 */
export function withTimeout<T>(
  work: Promise<T>,
  ms: number,
  expired: () => Error = () => new Error(`no answer within ${ms} ms`),
): Promise<T> {
  const signal = AbortSignal.timeout(ms);
  return new Promise<T>((resolve, reject) => {
    const expire = () => reject(expired());
    signal.addEventListener('abort', expire, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', expire));
  });
}
