import { CanActivate, ExecutionContext, Inject, Injectable, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { CommonErrors } from '../errors/app.exception';
import { RateLimiter } from '../redis/rate-limiter';
import type { Principal } from '../tenancy/principal';

const WINDOW_MS = 60_000;
/** While Redis is down, say so at most this often rather than once per request. */
const WARN_EVERY_MS = 30_000;

/**
 * Global, after authentication: requests per minute per user and per API key, with
 * RateLimit-* headers on every authenticated answer and 429 + Retry-After past the limit.
 * Fails open: without Redis, requests pass unlimited (and it is logged) rather than fail.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly logger = new Logger('RateLimit');
  private lastWarning = 0;

  constructor(
    private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const principal = http.getRequest<FastifyRequest & { user?: Principal }>().user;
    if (!principal) return true;
    const { userPerMinute, apiKeyPerMinute } = this.config.rateLimits;
    const limit = principal.type === 'api_key' ? apiKeyPerMinute : userPerMinute;
    if (limit === 0) return true;

    let hit;
    try {
      hit = await this.limiter.hit(`ratelimit:${principal.type}:${principal.id}`, WINDOW_MS);
    } catch (error) {
      this.warn(error);
      return true;
    }
    const resetSeconds = Math.max(1, Math.ceil(hit.resetMs / 1000));
    // On the raw response, as the other per-request headers: they survive an error answer.
    const raw = http.getResponse<FastifyReply>().raw;
    raw.setHeader('RateLimit-Limit', limit);
    raw.setHeader('RateLimit-Remaining', Math.max(0, limit - hit.count));
    raw.setHeader('RateLimit-Reset', resetSeconds);
    if (hit.count > limit) {
      throw CommonErrors.tooManyRequests(resetSeconds, `More than ${limit} requests a minute`);
    }
    return true;
  }

  private warn(error: unknown): void {
    const now = Date.now();
    if (now - this.lastWarning < WARN_EVERY_MS) return;
    this.lastWarning = now;
    this.logger.warn(
      `Rate limits are not enforced while Redis is unavailable: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
