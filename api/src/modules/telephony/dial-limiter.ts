import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { REDIS } from '../../common/redis/redis.module';

/** A call may hold its concurrency slot this long before the slot is presumed lost. */
const LEASE_MS = 2 * 3600_000;

/**
 * One atomic step for every worker process: the tenant's concurrent-call slots are a sorted
 * set of call ids scored by lease expiry; the calls-per-second pace is a "theoretical arrival
 * time" (GCRA) that each turn moves one interval on. A call waits for its turn by reserving
 * it, so a batch queued at once is spread over time; a call whose turn comes while every
 * slot is busy takes the next free turn. Waiting calls therefore wake at the pace, never in a
 * herd, whatever the length of the queue.
 *
 * KEYS: active set, pace key. ARGV: now, call id, max concurrent, interval ms, lease ms,
 * reserved turn (0 when none).
 * Returns 0 (dial now) or a positive wait in ms until the turn it reserved.
 */
const ACQUIRE = `
local now = tonumber(ARGV[1])
local interval = tonumber(ARGV[4])
local reserved = tonumber(ARGV[6])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZSCORE', KEYS[1], ARGV[2]) then return 0 end
local function reserve()
  local tat = tonumber(redis.call('GET', KEYS[2]) or '0')
  local turn = math.max(tat, now)
  redis.call('SET', KEYS[2], turn + interval, 'PX', math.floor(turn - now + interval + 60000))
  return turn
end
local turn = reserved
if reserved == 0 or reserved > now + interval then turn = reserve() end
if turn > now then return turn - now end
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then
  return math.max(1, reserve() - now)
end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[5]), ARGV[2])
return 0
`;

export type DialPermit = { go: true } | { go: false; waitMs: number; reservedAt: number };

export interface DialLimits {
  callsPerSecond: number;
  maxConcurrentCalls: number;
}

@Injectable()
export class DialLimiter {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  /**
   * Whether `callId` may dial now. `reservedAt` is the turn an earlier answer reserved for it:
   * the call then skips the pace, only the concurrency limit applies.
   */
  async acquire(
    tenantId: string,
    callId: string,
    limits: DialLimits,
    reservedAt = 0,
    now = Date.now(),
  ): Promise<DialPermit> {
    const interval = Math.max(1, Math.round(1000 / Math.max(0.001, limits.callsPerSecond)));
    const result = Number(
      await this.redis.eval(
        ACQUIRE,
        2,
        this.activeKey(tenantId),
        `dial:pace:${tenantId}`,
        now,
        callId,
        limits.maxConcurrentCalls,
        interval,
        LEASE_MS,
        reservedAt,
      ),
    );
    if (result === 0) return { go: true };
    return { go: false, waitMs: result, reservedAt: now + result };
  }

  /** Frees the call's slot (its final status arrived, or it never dialed). */
  async release(tenantId: string, callId: string): Promise<void> {
    await this.redis.zrem(this.activeKey(tenantId), callId);
  }

  /**
   * Gives calls already dialled their slots back (Redis lost its keys), keeping any lease
   * that survived.
   */
  async hold(tenantId: string, callIds: string[], now = Date.now()): Promise<void> {
    if (callIds.length === 0) return;
    await this.redis.zadd(
      this.activeKey(tenantId),
      'NX',
      ...callIds.flatMap((id) => [now + LEASE_MS, id]),
    );
  }

  /** Calls holding a slot now. */
  async active(tenantId: string, now = Date.now()): Promise<number> {
    return this.redis.zcount(this.activeKey(tenantId), now, '+inf');
  }

  private activeKey(tenantId: string): string {
    return `dial:active:${tenantId}`;
  }
}
