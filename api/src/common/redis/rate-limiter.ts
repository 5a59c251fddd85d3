import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { REDIS } from './redis.module';

/**
 * One atomic step of a fixed window that opens with its first hit: count the hit, start the
 * window's expiry if it has none, answer the count and the milliseconds left. One round trip.
 */
const HIT = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}`;

export interface WindowHit {
  count: number;
  /** Milliseconds until the window ends. */
  resetMs: number;
}

type WithHit = Redis & { rateLimitHit(key: string, windowMs: number): Promise<[number, number]> };

/** Counts hits per key in Redis, so a limit holds across every API process. */
@Injectable()
export class RateLimiter {
  private readonly redis: WithHit;

  constructor(@Inject(REDIS) redis: Redis) {
    // ioredis sends EVALSHA and falls back to EVAL once when Redis does not know the script.
    if (!('rateLimitHit' in redis))
      redis.defineCommand('rateLimitHit', { numberOfKeys: 1, lua: HIT });
    this.redis = redis as WithHit;
  }

  async hit(key: string, windowMs: number): Promise<WindowHit> {
    const [count, resetMs] = await this.redis.rateLimitHit(key, windowMs);
    return { count, resetMs };
  }
}
