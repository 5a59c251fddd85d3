import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { AuthErrors } from '../../modules/auth/auth.exception';
import { ApiKeyStrategy } from '../../modules/auth/api-key.strategy';
import type { Principal } from '../tenancy/principal';
import { IS_PUBLIC } from './decorators';

/**
 * Global: every route needs a valid principal unless it is marked @Public(): an integrator's
 * `X-API-Key`, else a user's bearer token.
 */
@Injectable()
export class AuthenticationGuard extends AuthGuard(['jwt']) {
  constructor(
    private readonly reflector: Reflector,
    private readonly apiKeys: ApiKeyStrategy,
  ) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: Principal }>();
    const apiKey = request.headers['x-api-key'];
    if (apiKey !== undefined) return this.authenticateApiKey(request, apiKey);
    return super.canActivate(context);
  }

  /** The principal lands on `request.user`; the tenant interceptor enters it into the context. */
  override handleRequest<TUser = Principal>(error: unknown, principal: unknown): TUser {
    if (error || !principal) throw AuthErrors.unauthenticated();
    return principal as TUser;
  }

  private async authenticateApiKey(
    request: FastifyRequest & { user?: Principal },
    header: string | string[],
  ): Promise<boolean> {
    const principal = typeof header === 'string' ? await this.apiKeys.authenticate(header) : null;
    if (!principal) throw AuthErrors.unauthenticated();
    request.user = principal;
    return true;
  }
}
