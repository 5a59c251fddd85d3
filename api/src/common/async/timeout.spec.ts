import { withTimeout } from './timeout';

const never = new Promise<string>(() => undefined);

describe('withTimeout', () => {
  it('should answer what the work answers within the bound', async () => {
    await expect(withTimeout(Promise.resolve('pong'), 1_000)).resolves.toBe('pong');
  });

  it('should pass on the error of work that fails within the bound', async () => {
    await expect(withTimeout(Promise.reject(new Error('refused')), 1_000)).rejects.toThrow(
      'refused',
    );
  });

  it('should reject work that does not answer within the bound', async () => {
    const started = Date.now();
    await expect(withTimeout(never, 30)).rejects.toThrow('no answer within 30 ms');
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
  });

  it('should reject with the caller’s error when the bound passes', async () => {
    await expect(
      withTimeout(never, 10, () => new Error('the queue did not answer')),
    ).rejects.toThrow('the queue did not answer');
  });

  it('should ignore work that answers after the bound has passed', async () => {
    const late = new Promise<string>((resolve) => setTimeout(() => resolve('late'), 40));
    await expect(withTimeout(late, 10)).rejects.toThrow('no answer within 10 ms');
    await late;
  });
});
