import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { hasRole, Role, scopesGrant } from '@navaia/shared';
import type { FastifyRequest } from 'fastify';
import { AuthErrors } from '../../modules/auth/auth.exception';
import { CommonErrors } from '../errors/app.exception';
import type { Principal } from '../tenancy/principal';
import { requiredScope } from './api-key-scope';
import {
  ALLOW_PENDING_PASSWORD,
  API_KEY_SCOPE,
  IS_PUBLIC,
  MIN_ROLE,
  NO_API_KEYS,
} from './decorators';

const READ_METHODS = new Set(['GET', 'HEAD']);

/**
 * Global, after authentication: role requirements, the pending password change, and for
 * API keys the routes they may not use and the scope each route needs.
 */
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
    if (principal.type === 'api_key') this.checkApiKey(principal, request, targets);
    return true;
  }

  private checkApiKey(
    principal: Principal,
    request: FastifyRequest,
    targets: Parameters<Reflector['getAllAndOverride']>[1],
  ): void {
    if (this.reflector.getAllAndOverride<boolean>(NO_API_KEYS, targets))
      throw AuthErrors.apiKeyNotAllowed();
    const scope = requiredScope(
      request.method,
      request.routeOptions.url ?? request.url,
      this.reflector.getAllAndOverride<string>(API_KEY_SCOPE, targets),
    );
    if (!scopesGrant(principal.scopes ?? [], scope)) throw AuthErrors.missingScope(scope);
  }
}
