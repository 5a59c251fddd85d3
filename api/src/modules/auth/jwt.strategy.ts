import { createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { Role, ROLES } from '@navaia/shared';
import { APP_CONFIG, AppConfig } from '../../config/config';
import type { Principal } from '../../common/tenancy/principal';
import { AccessTokenClaims, JWT_ALGORITHM, JWT_AUDIENCE, JWT_ISSUER } from './token.service';

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A key object: given a string, jsonwebtoken re-derives a key on every verification.
      // (jsonwebtoken accepts KeyObjects; passport-jwt's types predate them.)
      secretOrKey: createSecretKey(Buffer.from(config.jwtSecret)) as unknown as Buffer,
      // Pinned: tokens signed with any other algorithm, or none, are rejected.
      algorithms: [JWT_ALGORITHM],
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
      ignoreExpiration: false,
    });
  }

  validate(claims: AccessTokenClaims): Principal | false {
    if (typeof claims.sub !== 'string' || typeof claims.tid !== 'string') return false;
    // jsonwebtoken checks `exp` only when present: a token without one would never expire.
    if (typeof claims.exp !== 'number' || !Number.isInteger(claims.ver)) return false;
    if (!ROLES.includes(claims.role)) return false;
    return {
      type: 'user',
      id: claims.sub,
      tenantId: claims.tid,
      role: claims.role as Role,
      mustChangePassword: claims.pwc === true,
      tokenVersion: claims.ver,
    };
  }
}
