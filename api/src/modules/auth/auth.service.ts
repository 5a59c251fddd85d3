import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  AuthResponse,
  ChangePasswordDto,
  LoginDto,
  MeResponse,
  passwordProblem,
  RegisterDto,
} from '@navaia/shared';
import { TenantDb } from '../../common/database/tenant-db';
import { TenantContext } from '../../common/tenancy/tenant-context';
import { AuditService } from '../audit/audit.service';
import { toTenantView } from '../tenant/tenant.entity';
import { TenantService } from '../tenant/tenant.service';
import { toUserView, User } from '../tenant/user.entity';
import { UsersService } from '../tenant/users.service';
import { AuthErrors } from './auth.exception';
import { LoginThrottle } from './login-throttle';
import { PasswordHasher } from './password-hasher';
import { RefreshTokenService } from './refresh-token.service';
import { TokenService } from './token.service';
import { TokenVersions } from './token-versions';

export interface ClientInfo {
  ip: string;
  userAgent?: string;
}

/** An auth answer plus the refresh-token cookie value to set. */
export interface SessionResult<T> {
  body: T;
  refreshToken: string;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly db: TenantDb,
    private readonly context: TenantContext,
    private readonly tenants: TenantService,
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly refreshTokens: RefreshTokenService,
    private readonly tokens: TokenService,
    private readonly versions: TokenVersions,
    private readonly audit: AuditService,
  ) {}

  async register(dto: RegisterDto, client: ClientInfo): Promise<SessionResult<AuthResponse>> {
    await this.throttle.registration(client.ip);
    return this.tenants.create(dto.tenantName, async () => {
      const user = await this.users.createOwner(dto);
      this.actAs(user);
      await this.audit.record({
        action: 'create',
        entityType: 'user',
        entityId: user.id,
        after: toUserView(user),
      });
      return this.startSession(user, client);
    });
  }

  async login(dto: LoginDto, client: ClientInfo): Promise<SessionResult<AuthResponse>> {
    await this.throttle.assertAllowed(client.ip, dto.email);
    const [account]: { id: string; tenant_id: string; password_hash: string }[] =
      await this.dataSource.query('SELECT * FROM auth_find_user_by_email($1)', [dto.email]);
    if (!(await this.hasher.verify(account?.password_hash, dto.password))) {
      await this.throttle.recordFailure(client.ip, dto.email);
      throw AuthErrors.invalidCredentials();
    }
    await this.throttle.recordSuccess(client.ip, dto.email);
    return this.db.run(account.tenant_id, async () => {
      const user = await this.users.get(account.id);
      this.actAs(user);
      await this.users.recordLogin(user.id);
      await this.audit.record({ action: 'login', entityType: 'user', entityId: user.id });
      return this.startSession(await this.users.get(user.id), client);
    });
  }

  async refresh(
    cookie: string | undefined,
    client: ClientInfo,
  ): Promise<SessionResult<{ accessToken: string }>> {
    const tenantId = await this.refreshTokens.tenantOf(cookie);
    const result = await this.db.run(tenantId, async () => {
      const next = await this.refreshTokens.rotate(cookie, client);
      if (!next) return null;
      const user = await this.users.get(next.token.userId);
      return { body: { accessToken: this.accessTokenFor(user) }, refreshToken: next.value };
    });
    // Thrown after the transaction so that revoking a reused token's family is kept.
    if (!result) throw AuthErrors.invalidRefreshToken();
    return result;
  }

  /**
   * Ends the session of the refresh cookie, and the access tokens of the user whose token the
   * request carries: a client without the cookie (a script, a lost cookie) still logs out.
   */
  async logout(cookie: string | undefined, accessToken: string | undefined): Promise<void> {
    const tenantId = await this.refreshTokens.tenantOf(cookie).catch(() => undefined);
    if (tenantId) await this.db.run(tenantId, () => this.refreshTokens.revokeByValue(cookie));
    const claims = accessToken ? this.tokens.verifyAccessToken(accessToken) : null;
    if (claims) await this.db.run(claims.tid, () => this.versions.raise(claims.sub));
  }

  /** Replaces the password, ends every other session and starts a fresh one. */
  async changePassword(
    dto: ChangePasswordDto,
    client: ClientInfo,
  ): Promise<SessionResult<AuthResponse>> {
    const principal = this.context.principal;
    const hash = await this.users.passwordHashOf(principal.id);
    if (!hash || !(await this.hasher.verify(hash, dto.currentPassword)))
      throw AuthErrors.wrongCurrentPassword();
    const user = await this.users.get(principal.id);
    const problem =
      dto.newPassword === dto.currentPassword
        ? 'newPassword must differ from the current password'
        : passwordProblem(dto.newPassword, user)?.replace(/^password/, 'newPassword');
    if (problem) throw AuthErrors.weakPassword(problem);
    await this.users.setPassword(user.id, dto.newPassword);
    await this.refreshTokens.revokeAllOfUser(user.id, 'password_changed');
    await this.audit.record({ action: 'password_change', entityType: 'user', entityId: user.id });
    return this.startSession(await this.users.get(user.id), client);
  }

  async me(): Promise<MeResponse> {
    const principal = this.context.principal;
    const [user, tenant] = await Promise.all([
      this.users.get(principal.id),
      this.tenants.current(),
    ]);
    return {
      user: toUserView(user),
      tenant: toTenantView(tenant),
      principal: {
        type: principal.type,
        ...(principal.scopes ? { scopes: principal.scopes } : {}),
      },
    };
  }

  private actAs(user: User): void {
    this.context.write('principal', {
      type: 'user',
      id: user.id,
      tenantId: user.tenantId,
      role: user.role,
      mustChangePassword: user.mustChangePassword,
    });
  }

  private accessTokenFor(user: User): string {
    return this.tokens.signAccessToken({
      sub: user.id,
      tid: user.tenantId,
      role: user.role,
      ver: user.tokenVersion,
      ...(user.mustChangePassword ? { pwc: true } : {}),
    });
  }

  private async startSession(user: User, client: ClientInfo): Promise<SessionResult<AuthResponse>> {
    const refresh = await this.refreshTokens.issue(user.id, client);
    const tenant = await this.tenants.current();
    return {
      body: {
        accessToken: this.accessTokenFor(user),
        user: toUserView(user),
        tenant: toTenantView(tenant),
      },
      refreshToken: refresh.value,
    };
  }
}
