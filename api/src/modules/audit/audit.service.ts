import { Injectable } from '@nestjs/common';
import type { AuditAction } from '@navaia/shared';
import { TenantDb } from '../../common/database/tenant-db';
import { uuidv7 } from '../../common/database/uuid';
import type { Principal } from '../../common/tenancy/principal';
import { TenantContext } from '../../common/tenancy/tenant-context';
import { AuditLogEntry } from './audit-log.entity';

export interface AuditRecord {
  action: AuditAction;
  entityType: string;
  entityId: string;
  before?: object | null;
  after?: object | null;
}

export interface ApiRequestRecord {
  requestId: string;
  method: string;
  path: string;
  /** The route pattern, e.g. /api/v1/customers/:id. */
  route: string | null;
  status: number;
}

// Secrets never enter the audit trail, whatever entity they ride on.
const REDACTED = new Set(['passwordHash', 'password', 'keyHash', 'tokenHash', 'secret', 'key']);

function redact(value: object | null | undefined): object | null {
  if (!value) return null;
  return Object.fromEntries(Object.entries(value).filter(([key]) => !REDACTED.has(key)));
}

/** Appends who-did-what rows inside the caller's tenant transaction, so they commit together. */
@Injectable()
export class AuditService {
  constructor(
    private readonly db: TenantDb,
    private readonly context: TenantContext,
  ) {}

  async record(entry: AuditRecord): Promise<void> {
    const principal = this.context.optionalPrincipal;
    await this.db.repo(AuditLogEntry).insert({
      id: uuidv7(),
      tenantId: this.context.tenantId,
      actorType: principal?.type ?? 'system',
      actorId: principal?.id ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: redact(entry.before),
      after: redact(entry.after),
      requestId: this.context.requestId ?? null,
    });
  }

  /**
   * A request that an API key made to change something, whatever its outcome: in its own
   * transaction, because a refused request's transaction was rolled back.
   */
  async recordApiRequest(principal: Principal, request: ApiRequestRecord): Promise<void> {
    await this.db.run(principal.tenantId, async () => {
      this.context.write('principal', principal);
      this.context.write('requestId', request.requestId);
      await this.record({
        action: 'api_request',
        entityType: 'request',
        entityId: request.requestId,
        after: {
          method: request.method,
          path: request.path,
          route: request.route,
          status: request.status,
        },
      });
    });
  }
}
