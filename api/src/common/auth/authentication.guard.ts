import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { AuthErrors } from '../../modules/auth/auth.exception';
import type { Principal } from '../tenancy/principal';
import { TenantContext } from '../tenancy/tenant-context';
import { IS_PUBLIC } from './decorators';

/** Global: every route needs a valid principal unless it is marked @Public(). */
@Injectable()
export class AuthenticationGuard extends AuthGuard(['jwt']) {
  constructor(
    private readonly reflector: Reflector,
    private readonly context: TenantContext,
  ) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) return true;
    return super.canActivate(context);
  }

  override handleRequest<TUser = Principal>(error: unknown, principal: unknown): TUser {
    if (error || !principal) throw AuthErrors.unauthenticated();
    this.context.write('principal', principal as Principal);
    return principal as TUser;
  }
}
