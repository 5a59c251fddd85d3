import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { CommonErrors } from '../../common/errors/app.exception';
import { RateLimiter } from '../../common/redis/rate-limiter';
import { REDIS } from '../../common/redis/redis.module';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { AuthErrors } from './auth.exception';

const WINDOW_SECONDS = 15 * 60;
const REGISTRATION_WINDOW_MS = 3600_000;
/**
 * Failed logins allowed per account from one client address per window: stops guessing one
 * account's password from there. Counted per address, so an attacker who knows an email
 * cannot lock its owner out: the owner's own address keeps its own count.
 */
export const ACCOUNT_FAILURE_LIMIT = 5;
/** Failed logins allowed per client address per window: stops spraying many accounts. */
export const IP_FAILURE_LIMIT = 30;

/**
 * Counts failed logins and registrations in Redis, so the limits hold across every API
 * process. The client address is the socket's, or with TRUST_PROXY the one the trusted
 * proxies report. Fails closed: without Redis, logins and registrations answer 503 rather
 * than go unthrottled.
 */
@Injectable()
export class LoginThrottle {
  private readonly prefix: string;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.prefix = `${config.queuePrefix}:throttle`;
  }

  private keys(ip: string, email: string) {
    return {
      ip: `${this.prefix}:login:ip:${ip}`,
      account: `${this.prefix}:login:account:${email.toLowerCase()}:${ip}`,
    };
  }

  async assertAllowed(ip: string, email: string): Promise<void> {
    const keys = this.keys(ip, email);
    const result = await this.redis
      .multi()
      .get(keys.ip)
      .pttl(keys.ip)
      .get(keys.account)
      .pttl(keys.account)
      .exec()
      .catch(() => {
        throw CommonErrors.unavailable('Login');
      });
    if (!result) throw CommonErrors.unavailable('Login');
    const [ipCount, ipTtl, accountCount, accountTtl] = result.map(([, value]) =>
      Number(value ?? 0),
    );
    if (accountCount >= ACCOUNT_FAILURE_LIMIT) throw AuthErrors.loginThrottled(accountTtl / 1000);
    if (ipCount >= IP_FAILURE_LIMIT) throw AuthErrors.loginThrottled(ipTtl / 1000);
  }

  async recordFailure(ip: string, email: string): Promise<void> {
    const keys = this.keys(ip, email);
    await this.redis
      .multi()
      .incr(keys.ip)
      .expire(keys.ip, WINDOW_SECONDS, 'NX')
      .incr(keys.account)
      .expire(keys.account, WINDOW_SECONDS, 'NX')
      .exec()
      .catch(() => undefined);
  }

  async recordSuccess(ip: string, email: string): Promise<void> {
    await this.redis.del(this.keys(ip, email).account).catch(() => undefined);
  }

  /** Counts a registration from `ip`; past the configured hourly limit, 429. */
  async registration(ip: string): Promise<void> {
    const limit = this.config.registrationsPerAddressPerHour;
    if (limit === 0) return;
    const hit = await this.limiter
      .hit(`${this.prefix}:register:ip:${ip}`, REGISTRATION_WINDOW_MS)
      .catch(() => {
        throw CommonErrors.unavailable('Registration');
      });
    if (hit.count > limit) throw AuthErrors.registrationThrottled(hit.resetMs / 1000);
  }
}
