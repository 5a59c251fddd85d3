import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { Role } from '@navaia/shared';
import { APP_CONFIG, AppConfig } from '../../config/config';

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
export const JWT_ALGORITHM = 'HS256';
export const JWT_ISSUER = 'navaia';
export const JWT_AUDIENCE = 'navaia-api';

export interface AccessTokenClaims {
  sub: string;
  tid: string;
  role: Role;
  /** Set while the user must replace an admin-issued password. */
  pwc?: boolean;
  /** The user's token version when signed; an older one than the current is refused. */
  ver: number;
  /** Set by signing; verification requires it. */
  exp?: number;
}

@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  signAccessToken(claims: AccessTokenClaims): string {
    return this.jwt.sign(claims, {
      secret: this.config.jwtSecret,
      algorithm: JWT_ALGORITHM,
      expiresIn: ACCESS_TOKEN_TTL_SECONDS,
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
    });
  }

  /**
   * The claims of a valid access token (signature, algorithm, issuer, audience, expiry), or
   * null: for the routes that take a token without requiring one.
   */
  verifyAccessToken(token: string): AccessTokenClaims | null {
    try {
      const claims = this.jwt.verify<AccessTokenClaims>(token, {
        secret: this.config.jwtSecret,
        algorithms: [JWT_ALGORITHM],
        issuer: JWT_ISSUER,
        audience: JWT_AUDIENCE,
      });
      const complete =
        typeof claims.sub === 'string' && typeof claims.tid === 'string' && claims.exp;
      return complete ? claims : null;
    } catch {
      return null;
    }
  }
}
