import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { AuthErrors } from '../../modules/auth/auth.exception';
import type { Principal } from '../tenancy/principal';
import { IS_PUBLIC } from './decorators';

/** Global: every route needs a valid principal unless it is marked @Public(). */
@Injectable()
export class AuthenticationGuard extends AuthGuard(['jwt']) {
  constructor(private readonly reflector: Reflector) {
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

  /** The principal lands on `request.user`; the tenant interceptor enters it into the context. */
  override handleRequest<TUser = Principal>(error: unknown, principal: unknown): TUser {
    if (error || !principal) throw AuthErrors.unauthenticated();
    return principal as TUser;
  }
}
