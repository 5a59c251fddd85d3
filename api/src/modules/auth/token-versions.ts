import { Inject, Injectable, Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { TenantDb } from '../../common/database/tenant-db';
import { REDIS } from '../../common/redis/redis.module';
import { User } from '../tenant/user.entity';

/** Above every real version: the cached version of a removed user ends all their tokens. */
export const REMOVED_USER_VERSION = 2 ** 31 - 1;
/**
 * How long a cached version lives. Raising a version updates the cache at once; the expiry
 * only bounds how long a cache that missed an update (Redis unreachable at that moment,
 * restored from an old snapshot) can disagree with the database.
 */
export const VERSION_CACHE_MS = 60_000;
/** While Redis is down, say so at most this often rather than once per request. */
const WARN_EVERY_MS = 30_000;

/** Stores `ARGV[1]` unless the key holds a higher version: a late fill never lowers it. */
const RAISE_TO = `
local current = tonumber(redis.call('GET', KEYS[1]) or '-1') or -1
local next = tonumber(ARGV[1])
if next >= current then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return next
end
return current`;

type WithRaise = Redis & {
  tokenVersionRaiseTo(key: string, version: number, ttlMs: number): Promise<number>;
};

export const tokenVersionKey = (userId: string) => `session:version:${userId}`;

/**
 * Each user's token version: access tokens carry the version they were signed with, and a
 * request whose token is older than the user's current version is refused. PostgreSQL holds
 * the versions (the source of truth); Redis caches them for every API process.
 */
@Injectable()
export class TokenVersions {
  private readonly logger = new Logger('TokenVersions');
  private readonly redis: WithRaise;
  private lastWarning = 0;
  /** Raised versions Redis did not take: written as soon as it answers again. */
  private readonly unsent = new Map<string, number>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly db: TenantDb,
    @Inject(REDIS) redis: Redis,
  ) {
    if (!('tokenVersionRaiseTo' in redis))
      redis.defineCommand('tokenVersionRaiseTo', { numberOfKeys: 1, lua: RAISE_TO });
    this.redis = redis as WithRaise;
    redis.on('ready', () => void this.resend());
  }

  /**
   * The user's current version as PostgreSQL has it (REMOVED_USER_VERSION for a user that no
   * longer exists), written to the cache unless Redis is unreachable.
   */
  async load(userId: string, cache = true): Promise<number> {
    // Before the tenant is trusted there is no tenant context: a narrow SECURITY DEFINER
    // function answers for this one user.
    const [row]: { version: number | null }[] = await this.dataSource.query(
      'SELECT auth_token_version($1) AS version',
      [userId],
    );
    const version = row?.version ?? REMOVED_USER_VERSION;
    if (cache) await this.cache(userId, version);
    return version;
  }

  /**
   * Within the tenant transaction: ends every access token the user holds. The new version
   * reaches the cache when the transaction commits.
   */
  async raise(userId: string): Promise<number> {
    const result = await this.db
      .repo(User)
      .createQueryBuilder()
      .update()
      .set({ tokenVersion: () => 'token_version + 1' })
      .where('id = :userId', { userId })
      .returning('token_version')
      .execute();
    const version = (result.raw as { token_version: number }[])[0]?.token_version;
    if (version !== undefined) this.db.afterCommit(() => this.cache(userId, version));
    return version ?? REMOVED_USER_VERSION;
  }

  /** Within the tenant transaction that deletes the user: ends their tokens on commit. */
  removed(userId: string): void {
    this.db.afterCommit(() => this.cache(userId, REMOVED_USER_VERSION));
  }

  private async cache(userId: string, version: number): Promise<void> {
    try {
      await this.redis.tokenVersionRaiseTo(tokenVersionKey(userId), version, VERSION_CACHE_MS);
    } catch (error) {
      // A Redis that comes back with its data would still hold the older version.
      this.unsent.set(userId, Math.max(version, this.unsent.get(userId) ?? version));
      this.warnUnavailable(error);
    }
  }

  private async resend(): Promise<void> {
    const unsent = [...this.unsent];
    this.unsent.clear();
    for (const [userId, version] of unsent) await this.cache(userId, version);
  }

  warnUnavailable(error: unknown): void {
    const now = Date.now();
    if (now - this.lastWarning < WARN_EVERY_MS) return;
    this.lastWarning = now;
    this.logger.warn(
      `Redis is unavailable, so token versions are read from PostgreSQL on every request: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
