import { Injectable } from '@nestjs/common';
import { TenantDb } from '../../common/database/tenant-db';
import { uuidv7 } from '../../common/database/uuid';
import { TenantContext } from '../../common/tenancy/tenant-context';
import { AuditAction, AuditLogEntry } from './audit-log.entity';

export interface AuditRecord {
  action: AuditAction;
  entityType: string;
  entityId: string;
  before?: object | null;
  after?: object | null;
}

// Secrets never enter the audit trail, whatever entity they ride on.
const REDACTED = new Set(['passwordHash', 'password', 'keyHash', 'tokenHash', 'secret']);

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
}
