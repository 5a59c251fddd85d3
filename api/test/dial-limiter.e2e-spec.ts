import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { DialLimiter } from '../src/modules/telephony/dial-limiter';
import { REDIS_URL } from './support/env';

describe('dial limits shared by every worker through Redis', () => {
  let redis: Redis;
  let limiter: DialLimiter;

  beforeAll(() => {
    redis = new Redis(REDIS_URL);
    limiter = new DialLimiter(redis);
  });
  afterAll(() => redis.disconnect());

  it('never holds more calls than the concurrency limit; a release frees a slot', async () => {
    const tenant = randomUUID();
    const limits = { callsPerSecond: 1000, maxConcurrentCalls: 2 };
    const now = Date.now();
    expect(await limiter.acquire(tenant, 'c1', limits, 0, now)).toEqual({ go: true });
    expect(await limiter.acquire(tenant, 'c2', limits, 0, now + 10)).toEqual({ go: true });
    const full = await limiter.acquire(tenant, 'c3', limits, 0, now + 20);
    expect(full).toEqual({ go: false, waitMs: 1, reservedAt: now + 21 });
    expect(await limiter.active(tenant)).toBe(2);
    // A repeated ask by a call that holds a slot is not a second slot.
    expect(await limiter.acquire(tenant, 'c1', limits, 0, now + 30)).toEqual({ go: true });
    expect(await limiter.active(tenant)).toBe(2);
    await limiter.release(tenant, 'c1');
    expect(await limiter.acquire(tenant, 'c3', limits, now + 21, now + 40)).toEqual({ go: true });
  });

  it('paces dials: waiting calls reserve successive turns instead of retrying in a herd', async () => {
    const tenant = randomUUID();
    const limits = { callsPerSecond: 5, maxConcurrentCalls: 100 };
    const now = Date.now();
    expect(await limiter.acquire(tenant, 'a', limits, 0, now)).toEqual({ go: true });
    const b = await limiter.acquire(tenant, 'b', limits, 0, now);
    const c = await limiter.acquire(tenant, 'c', limits, 0, now);
    expect(b).toEqual({ go: false, waitMs: 200, reservedAt: now + 200 });
    expect(c).toEqual({ go: false, waitMs: 400, reservedAt: now + 400 });
    // At its turn, a call with a reservation goes without taking another.
    expect(await limiter.acquire(tenant, 'b', limits, now + 200, now + 200)).toEqual({ go: true });
    const d = await limiter.acquire(tenant, 'd', limits, 0, now + 200);
    expect(d).toMatchObject({ go: false, waitMs: 400 });
  });

  it('a turn that finds every slot busy takes the next free turn, so waiting calls keep the pace', async () => {
    const tenant = randomUUID();
    const limits = { callsPerSecond: 5, maxConcurrentCalls: 1 };
    const now = Date.now();
    expect(await limiter.acquire(tenant, 'a', limits, 0, now)).toEqual({ go: true });
    const b = await limiter.acquire(tenant, 'b', limits, 0, now);
    expect(b).toEqual({ go: false, waitMs: 200, reservedAt: now + 200 });
    // At b's turn, a still talks: b is given the next turn, 200 ms on.
    const again = await limiter.acquire(tenant, 'b', limits, now + 200, now + 200);
    expect(again).toEqual({ go: false, waitMs: 200, reservedAt: now + 400 });
    await limiter.release(tenant, 'a');
    expect(await limiter.acquire(tenant, 'b', limits, now + 400, now + 400)).toEqual({ go: true });
  });

  it('keeps tenants apart', async () => {
    const limits = { callsPerSecond: 1, maxConcurrentCalls: 1 };
    const now = Date.now();
    expect(await limiter.acquire(randomUUID(), 'x', limits, 0, now)).toEqual({ go: true });
    expect(await limiter.acquire(randomUUID(), 'y', limits, 0, now)).toEqual({ go: true });
  });
});
