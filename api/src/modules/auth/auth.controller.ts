import { Body, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  AccessTokenResponse,
  AuthResponse,
  ChangePasswordDto,
  LoginDto,
  MeResponse,
  RegisterDto,
  Role,
} from '@navaia/shared';
import {
  AllowPendingPasswordChange,
  MinRole,
  NoApiKeys,
  Public,
} from '../../common/auth/decorators';
import { ApiBodyDto, ApiErrors, ApiNoContent, ApiOk } from '../../common/http/openapi';
import { TenantScopedController } from '../../common/http/tenant-controller.decorator';
import { AuthService, ClientInfo } from './auth.service';
import { RefreshCookie } from './refresh-cookie';

const client = (request: FastifyRequest): ClientInfo => ({
  ip: request.ip,
  userAgent: request.headers['user-agent'],
});

@ApiTags('auth')
// Sessions and passwords belong to people; a key has neither.
@TenantScopedController('auth')
@NoApiKeys()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly cookie: RefreshCookie,
  ) {}

  @Public()
  @Post('register')
  @ApiOperation({
    summary: 'Create a tenant and its owner; starts a session. Throttled per client address',
  })
  @ApiBodyDto(RegisterDto)
  @ApiOk('AuthResponse', 'The new session; the refresh token is set as an httpOnly cookie')
  @ApiErrors(409, 429, 503)
  async register(
    @Body() dto: RegisterDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AuthResponse> {
    const session = await this.auth.register(dto, client(request));
    this.cookie.set(reply, session.refreshToken);
    return session.body;
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Log in; throttled per client address, and per account from each address',
  })
  @ApiBodyDto(LoginDto)
  @ApiOk('AuthResponse', 'The new session; the refresh token is set as an httpOnly cookie')
  @ApiErrors(401, 429, 503)
  async login(
    @Body() dto: LoginDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AuthResponse> {
    const session = await this.auth.login(dto, client(request));
    this.cookie.set(reply, session.refreshToken);
    return session.body;
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange the refresh cookie for an access token; rotates the cookie' })
  @ApiOk('AccessTokenResponse')
  @ApiErrors(401)
  async refresh(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AccessTokenResponse> {
    try {
      const session = await this.auth.refresh(this.cookie.read(request), client(request));
      this.cookie.set(reply, session.refreshToken);
      return session.body;
    } catch (error) {
      this.cookie.clear(reply);
      throw error;
    }
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({
    summary: 'End the session: revokes the refresh token family and ends the access tokens',
  })
  @ApiNoContent()
  async logout(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    const bearer = /^Bearer (\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    await this.auth.logout(this.cookie.read(request), bearer);
    this.cookie.clear(reply);
  }

  @Get('me')
  @AllowPendingPasswordChange()
  @ApiOperation({ summary: 'The authenticated principal, its user and tenant' })
  @ApiOk('MeResponse')
  me(): Promise<MeResponse> {
    return this.auth.me();
  }

  @Post('change-password')
  @HttpCode(200)
  @AllowPendingPasswordChange()
  @MinRole(Role.Viewer)
  @ApiOperation({ summary: 'Replace the password; other sessions end' })
  @ApiBodyDto(ChangePasswordDto)
  @ApiOk('AuthResponse', 'A new session; the refresh cookie rotates')
  async changePassword(
    @Body() dto: ChangePasswordDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AuthResponse> {
    const session = await this.auth.changePassword(dto, client(request));
    this.cookie.set(reply, session.refreshToken);
    return session.body;
  }
}
