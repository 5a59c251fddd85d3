import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { TenantDb } from '../../common/database/tenant-db';
import { uuidv7 } from '../../common/database/uuid';
import { TenantContext } from '../../common/tenancy/tenant-context';
import { AuthErrors } from './auth.exception';
import { RefreshRevokeReason, RefreshToken } from './refresh-token.entity';
import { TokenVersions } from './token-versions';

export const REFRESH_TOKEN_TTL_SECONDS = 30 * 24 * 3600;

export interface IssuedRefreshToken {
  /** The cookie value: `<id>.<secret>`; only the secret's hash is stored. */
  value: string;
  token: RefreshToken;
}

interface ClientInfo {
  ip?: string;
  userAgent?: string;
}

const hash = (secret: string) => createHash('sha256').update(secret).digest('hex');

function matches(storedHash: string, secret: string): boolean {
  const expected = Buffer.from(storedHash, 'hex');
  const presented = Buffer.from(hash(secret), 'hex');
  return expected.length === presented.length && timingSafeEqual(expected, presented);
}

function parse(value: string | undefined): { id: string; secret: string } | null {
  const match = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/.exec(value ?? '');
  return match ? { id: match[1], secret: match[2] } : null;
}

/**
 * Refresh tokens rotate on every use. A token that was already rotated and is presented
 * again has been stolen or replayed, so the whole family (that login) is revoked. Revoking
 * any family also raises its user's token version, so the access tokens already handed out
 * end with it (the user's other sessions get a new one by refreshing).
 */
@Injectable()
export class RefreshTokenService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly db: TenantDb,
    private readonly context: TenantContext,
    private readonly versions: TokenVersions,
  ) {}

  /** Within the tenant transaction: a new token, in a new family unless one is given. */
  async issue(
    userId: string,
    client: ClientInfo,
    familyId = uuidv7(),
  ): Promise<IssuedRefreshToken> {
    const secret = randomBytes(32).toString('base64url');
    const token = this.db.repo(RefreshToken).create({
      id: uuidv7(),
      tenantId: this.context.tenantId,
      userId,
      familyId,
      tokenHash: hash(secret),
      expiresAt: new Date(Date.now() + REFRESH_TOKEN_TTL_SECONDS * 1000),
      userAgent: client.userAgent?.slice(0, 300) ?? null,
      ip: client.ip ?? null,
    });
    await this.db.repo(RefreshToken).insert(token);
    return { value: `${token.id}.${secret}`, token };
  }

  /** The tenant a presented cookie belongs to, found before any tenant context exists. */
  async tenantOf(value: string | undefined): Promise<string> {
    const parsed = parse(value);
    if (!parsed) throw AuthErrors.invalidRefreshToken();
    const rows: { tenant_id: string }[] = await this.dataSource.query(
      'SELECT tenant_id FROM auth_find_refresh_token($1)',
      [parsed.id],
    );
    if (!rows[0]) throw AuthErrors.invalidRefreshToken();
    return rows[0].tenant_id;
  }

  /**
   * Within the token's tenant transaction: exchanges a valid token for its successor.
   * Answers null for any invalid token rather than throwing, so that the revocation of a
   * reused token's family commits with the transaction.
   */
  async rotate(value: string | undefined, client: ClientInfo): Promise<IssuedRefreshToken | null> {
    const parsed = parse(value);
    if (!parsed) return null;
    const repo = this.db.repo(RefreshToken);
    const current = await repo.findOneBy({ id: parsed.id });
    if (!current || !matches(current.tokenHash, parsed.secret)) {
      return null;
    }
    if (current.revokedAt) {
      if (current.revokedReason === 'rotated') await this.revokeFamily(current, 'reuse');
      return null;
    }
    if (current.expiresAt.getTime() <= Date.now()) return null;

    const next = await this.issue(current.userId, client, current.familyId);
    // Conditional update: of two concurrent rotations of one token, exactly one wins.
    const result = await repo.update(
      { id: current.id, revokedAt: IsNull() },
      { revokedAt: new Date(), revokedReason: 'rotated', replacedById: next.token.id },
    );
    if (!result.affected) throw AuthErrors.invalidRefreshToken(); // lost the race: roll back
    return next;
  }

  async revokeFamily(
    token: Pick<RefreshToken, 'familyId' | 'userId'>,
    reason: RefreshRevokeReason,
  ): Promise<void> {
    await this.db
      .repo(RefreshToken)
      .update(
        { familyId: token.familyId, revokedAt: IsNull() },
        { revokedAt: new Date(), revokedReason: reason },
      );
    await this.versions.raise(token.userId);
  }

  async revokeAllOfUser(userId: string, reason: RefreshRevokeReason): Promise<void> {
    await this.db
      .repo(RefreshToken)
      .update({ userId, revokedAt: IsNull() }, { revokedAt: new Date(), revokedReason: reason });
    await this.versions.raise(userId);
  }

  /** Logout: revokes the family of the presented token, if it is a valid one. */
  async revokeByValue(value: string | undefined): Promise<void> {
    const parsed = parse(value);
    if (!parsed) return;
    const token = await this.db.repo(RefreshToken).findOneBy({ id: parsed.id });
    if (token && matches(token.tokenHash, parsed.secret)) await this.revokeFamily(token, 'logout');
  }
}
