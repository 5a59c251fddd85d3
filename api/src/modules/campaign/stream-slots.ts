import { CampaignErrorCode } from '@navaia/shared';
import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type Redis from 'ioredis';
import { AppException } from '../../common/errors/app.exception';
import { REDIS } from '../../common/redis/redis.module';
import type { Principal } from '../../common/tenancy/principal';
import { APP_CONFIG, AppConfig } from '../../config/config';

/**
 * Takes a slot for the user's and the tenant's sets of open streams, or answers which limit
 * is full (1: user, 2: tenant). Members expire at their score, so slots of a process that died
 * without closing its streams come back once their lease runs out.
 */
const ACQUIRE = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[1])
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[4]) then return 1 end
if redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[5]) then return 2 end
local expires = tonumber(ARGV[1]) + tonumber(ARGV[2])
for _, key in ipairs(KEYS) do
  redis.call('ZADD', key, expires, ARGV[3])
  redis.call('PEXPIRE', key, ARGV[2])
end
return 0`;

/** A slot is held this long without renewal; open streams renew theirs every third of it. */
const LEASE_MS = 60_000;

type WithAcquire = Redis & {
  streamSlotAcquire(
    userKey: string,
    tenantKey: string,
    now: number,
    leaseMs: number,
    member: string,
    userLimit: number,
    tenantLimit: number,
  ): Promise<number>;
};

export interface StreamSlot {
  release(): void;
}

/**
 * Open event streams per user (or API key) and per tenant, counted in Redis so the limits
 * hold across API processes. A stream that closes, however it closes, gives its slot back; a
 * process that dies leaves its slots to expire within a minute. While Redis is unreachable
 * streams are not counted (logged), as with the request rate limits.
 */
@Injectable()
export class StreamSlots implements OnModuleDestroy {
  private readonly logger = new Logger(StreamSlots.name);
  private readonly redis: WithAcquire;
  private readonly held = new Map<string, string[]>();
  private readonly renewal: NodeJS.Timeout;
  private counter = 0;

  constructor(
    @Inject(REDIS) redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    if (!('streamSlotAcquire' in redis))
      redis.defineCommand('streamSlotAcquire', { numberOfKeys: 2, lua: ACQUIRE });
    this.redis = redis as WithAcquire;
    this.renewal = setInterval(() => void this.renew(), LEASE_MS / 3).unref();
  }

  /** A slot for one more stream of `principal`, or 429 naming the limit that is full. */
  async acquire(principal: Principal): Promise<StreamSlot> {
    const { perUser, perTenant } = this.config.campaignStreams;
    const keys = [
      `${this.config.queuePrefix}:streams:${principal.type}:${principal.id}`,
      `${this.config.queuePrefix}:streams:tenant:${principal.tenantId}`,
    ];
    const member = `${process.pid}:${Date.now().toString(36)}:${(this.counter++).toString(36)}`;
    let full: number;
    try {
      full = await this.redis.streamSlotAcquire(
        keys[0],
        keys[1],
        Date.now(),
        LEASE_MS,
        member,
        perUser,
        perTenant,
      );
    } catch (error) {
      this.logger.warn(`Event streams are not counted: Redis is unreachable (${String(error)})`);
      return { release: () => undefined };
    }
    if (full === 1)
      throw tooManyStreams(
        `At most ${perUser} event streams may be open at once per ${principal.type === 'user' ? 'user' : 'API key'}; close one first`,
        { limit: perUser, per: principal.type },
      );
    if (full === 2)
      throw tooManyStreams(
        `At most ${perTenant} event streams may be open at once per organisation; close one first`,
        { limit: perTenant, per: 'tenant' },
      );
    this.held.set(member, keys);
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        this.held.delete(member);
        void Promise.all(keys.map((key) => this.redis.zrem(key, member))).catch(() => undefined);
      },
    };
  }

  private async renew(): Promise<void> {
    if (this.held.size === 0) return;
    const expires = Date.now() + LEASE_MS;
    const pipeline = this.redis.pipeline();
    for (const [member, keys] of this.held)
      for (const key of keys) pipeline.zadd(key, 'XX', expires, member).pexpire(key, LEASE_MS);
    await pipeline.exec().catch(() => undefined);
  }

  onModuleDestroy(): void {
    clearInterval(this.renewal);
  }
}

function tooManyStreams(message: string, details: Record<string, unknown>): AppException {
  return new AppException(429, CampaignErrorCode.TooManyStreams, message, details, {
    'Retry-After': '15',
  });
}
