import { CanActivate, ExecutionContext, Inject, Injectable, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { AuthErrors } from '../../modules/auth/auth.exception';
import { tokenVersionKey, TokenVersions } from '../../modules/auth/token-versions';
import { CommonErrors } from '../errors/app.exception';
import { HitAndRead, RateLimiter } from '../redis/rate-limiter';
import type { Principal } from '../tenancy/principal';

const WINDOW_MS = 60_000;
/** While Redis is down, say so at most this often rather than once per request. */
const WARN_EVERY_MS = 30_000;

/**
 * Global, after authentication, in one Redis round trip:
 * - a user's access token must carry the user's current token version: logout, a password
 *   or role change, removal and a reused refresh token raise it, which ends older tokens at
 *   once on every process (401 `session_revoked`). Without Redis the version is read from
 *   PostgreSQL, the source of truth, so revocation never fails open.
 * - requests per minute per user and per API key, with RateLimit-* headers on every
 *   authenticated answer and 429 + Retry-After past the limit. Without Redis, requests pass
 *   unlimited (and it is logged) rather than fail.
 */
@Injectable()
export class SessionGuard implements CanActivate {
  private readonly logger = new Logger('RateLimit');
  private lastWarning = 0;

  constructor(
    private readonly limiter: RateLimiter,
    private readonly versions: TokenVersions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const principal = http.getRequest<FastifyRequest & { user?: Principal }>().user;
    if (!principal) return true;
    const { userPerMinute, apiKeyPerMinute } = this.config.rateLimits;
    const limit = principal.type === 'api_key' ? apiKeyPerMinute : userPerMinute;
    const checksVersion = principal.tokenVersion !== undefined;
    if (limit === 0 && !checksVersion) return true;

    let answer: HitAndRead | null = null;
    try {
      answer = await this.limiter.hitAndRead(
        limit === 0 ? null : `ratelimit:${principal.type}:${principal.id}`,
        WINDOW_MS,
        checksVersion ? tokenVersionKey(principal.id) : null,
      );
    } catch (error) {
      this.warn(error);
      this.versions.warnUnavailable(error);
    }
    if (checksVersion) {
      const current = answer?.value ?? (await this.versions.load(principal.id, answer !== null));
      if (principal.tokenVersion !== current) throw AuthErrors.sessionRevoked();
    }
    const hit = answer?.hit;
    if (!hit) return true;
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
