import { withRetry } from './retry';

const POLICY = { attempts: 3, baseDelayMs: 20 };

describe('withRetry', () => {
  it('should try again after a retryable error and return the first success', async () => {
    const tries: number[] = [];
    const result = await withRetry(
      async (attempt) => {
        tries.push(attempt);
        if (attempt < 3) throw new Error(`busy ${attempt}`);
        return 'done';
      },
      POLICY,
      () => true,
    );
    expect(result).toBe('done');
    expect(tries).toEqual([1, 2, 3]);
  });

  it('should throw the last error once the attempts are spent', async () => {
    let tries = 0;
    await expect(
      withRetry(
        async (attempt) => {
          tries++;
          throw new Error(`busy ${attempt}`);
        },
        POLICY,
        () => true,
      ),
    ).rejects.toThrow('busy 3');
    expect(tries).toBe(3);
  });

  it('should not retry an error the policy says will not change', async () => {
    let tries = 0;
    await expect(
      withRetry(
        async () => {
          tries++;
          throw new Error('refused');
        },
        POLICY,
        (error) => (error as Error).message !== 'refused',
      ),
    ).rejects.toThrow('refused');
    expect(tries).toBe(1);
  });

  it('should wait between tries, doubling the wait with jitter of at most half', async () => {
    const started = Date.now();
    await expect(
      withRetry(
        async () => {
          throw new Error('busy');
        },
        POLICY,
        () => true,
      ),
    ).rejects.toThrow('busy');
    // Waits of 10–20 ms then 20–40 ms.
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(29);
    expect(elapsed).toBeLessThan(500);
  });
});
