import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { CommonErrors } from '../../common/errors/app.exception';
import { REDIS } from '../../common/redis/redis.module';
import { AuthErrors } from './auth.exception';

const WINDOW_SECONDS = 15 * 60;
/** Failed logins allowed per account per window: stops guessing one account's password. */
export const ACCOUNT_FAILURE_LIMIT = 5;
/** Failed logins allowed per client address per window: stops spraying many accounts. */
export const IP_FAILURE_LIMIT = 30;

/**
 * Counts failed logins in Redis, so the limits hold across every API process.
 * Fails closed: without Redis, logins answer 503 rather than go unthrottled.
 */
@Injectable()
export class LoginThrottle {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  private keys(ip: string, email: string) {
    return { ip: `throttle:login:ip:${ip}`, account: `throttle:login:account:${email}` };
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

  async recordSuccess(email: string): Promise<void> {
    await this.redis.del(this.keys('', email).account).catch(() => undefined);
  }
}
