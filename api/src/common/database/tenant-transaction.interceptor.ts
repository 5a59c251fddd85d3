import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { from, lastValueFrom, Observable } from 'rxjs';
import type { Principal } from '../tenancy/principal';
import { TenantContext } from '../tenancy/tenant-context';
import { TenantDb } from './tenant-db';

/**
 * Gives every request its own context, entered here inside Nest's pipeline so it holds
 * for the handler whatever the transport did before (body parsing runs in other async
 * scopes). Authenticated requests run in one transaction bound to the principal's tenant,
 * so all their queries see that tenant's rows only and commit or roll back together.
 */
@Injectable()
export class TenantTransactionInterceptor implements NestInterceptor {
  constructor(
    private readonly db: TenantDb,
    private readonly context: TenantContext,
  ) {}

  intercept(execution: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = execution.switchToHttp().getRequest<FastifyRequest & { user?: Principal }>();
    const principal = request.user;
    const handle = () => lastValueFrom(next.handle(), { defaultValue: undefined });
    return from(
      this.context.run(() => {
        this.context.write('requestId', request.id);
        this.context.write('principal', principal);
        return principal ? this.db.run(principal.tenantId, handle) : handle();
      }),
    );
  }
}
