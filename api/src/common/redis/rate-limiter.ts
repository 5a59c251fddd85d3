import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { REDIS } from './redis.module';

/**
 * One atomic step of a fixed window that opens with its first hit (count the hit, start the
 * window's expiry if it has none, answer the count and the milliseconds left), and the read of
 * a cached value beside it, so an authenticated request costs one round trip. An empty key
 * skips its part; a missing value reads as -1.
 */
const HIT_AND_READ = `
local count, ttl = 0, 0
if KEYS[1] ~= '' then
  count = redis.call('INCR', KEYS[1])
  ttl = redis.call('PTTL', KEYS[1])
  if ttl < 0 then
    redis.call('PEXPIRE', KEYS[1], ARGV[1])
    ttl = tonumber(ARGV[1])
  end
end
local value = -1
if KEYS[2] ~= '' then
  value = tonumber(redis.call('GET', KEYS[2]) or '-1') or -1
end
return {count, ttl, value}`;

export interface WindowHit {
  count: number;
  /** Milliseconds until the window ends. */
  resetMs: number;
}

export interface HitAndRead {
  /** Null when no window was hit. */
  hit: WindowHit | null;
  /** The integer under the read key, null when it has none (or none was asked for). */
  value: number | null;
}

type WithHit = Redis & {
  rateLimitHitAndRead(
    windowKey: string,
    readKey: string,
    windowMs: number,
  ): Promise<[number, number, number]>;
};

/** Counts hits per key in Redis, so a limit holds across every API process. */
@Injectable()
export class RateLimiter {
  private readonly redis: WithHit;

  constructor(@Inject(REDIS) redis: Redis) {
    // ioredis sends EVALSHA and falls back to EVAL once when Redis does not know the script.
    if (!('rateLimitHitAndRead' in redis))
      redis.defineCommand('rateLimitHitAndRead', { numberOfKeys: 2, lua: HIT_AND_READ });
    this.redis = redis as WithHit;
  }

  async hit(key: string, windowMs: number): Promise<WindowHit> {
    return (await this.hitAndRead(key, windowMs, null)).hit as WindowHit;
  }

  /** Hits `windowKey`'s window (unless null) and reads `readKey` (unless null) at once. */
  async hitAndRead(
    windowKey: string | null,
    windowMs: number,
    readKey: string | null,
  ): Promise<HitAndRead> {
    const [count, resetMs, value] = await this.redis.rateLimitHitAndRead(
      windowKey ?? '',
      readKey ?? '',
      windowMs,
    );
    return {
      hit: windowKey === null ? null : { count, resetMs },
      value: readKey === null || value < 0 ? null : value,
    };
  }
}
