import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { hasRole, Role } from '@navaia/shared';
import type { FastifyRequest } from 'fastify';
import { AuthErrors } from '../../modules/auth/auth.exception';
import { CommonErrors } from '../errors/app.exception';
import type { Principal } from '../tenancy/principal';
import { ALLOW_PENDING_PASSWORD, IS_PUBLIC, MIN_ROLE } from './decorators';

const READ_METHODS = new Set(['GET', 'HEAD']);

/** Global, after authentication: role requirements and the pending password change. */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: Principal }>();
    const principal = request.user;
    if (!principal) throw AuthErrors.unauthenticated();

    if (
      principal.mustChangePassword &&
      !this.reflector.getAllAndOverride<boolean>(ALLOW_PENDING_PASSWORD, targets)
    ) {
      throw AuthErrors.passwordChangeRequired();
    }

    const required =
      this.reflector.getAllAndOverride<Role>(MIN_ROLE, targets) ??
      (READ_METHODS.has(request.method) ? Role.Viewer : Role.Agent);
    if (!hasRole(principal.role, required)) throw CommonErrors.forbidden();
    return true;
  }
}
