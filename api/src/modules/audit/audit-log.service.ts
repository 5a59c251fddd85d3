import { Injectable } from '@nestjs/common';
import { AuditEntryView, AuditLogQueryDto, Page } from '@navaia/shared';
import { TenantDb } from '../../common/database/tenant-db';
import { keysetPage } from '../../common/pagination/keyset';
import { AuditLogEntry } from './audit-log.entity';

/** Reads the audit log of the current tenant, newest first. */
@Injectable()
export class AuditLogService {
  constructor(private readonly db: TenantDb) {}

  async list(query: AuditLogQueryDto): Promise<Page<AuditEntryView>> {
    const qb = this.db.repo(AuditLogEntry).createQueryBuilder('a');
    if (query.actorType) qb.andWhere('a.actor_type = :actorType', { actorType: query.actorType });
    if (query.actorId) qb.andWhere('a.actor_id = :actorId', { actorId: query.actorId });
    if (query.entityType)
      qb.andWhere('a.entity_type = :entityType', { entityType: query.entityType });
    if (query.entityId) qb.andWhere('a.entity_id = :entityId', { entityId: query.entityId });
    if (query.action?.length) qb.andWhere('a.action IN (:...actions)', { actions: query.action });
    if (query.from) qb.andWhere('a.created_at >= :from', { from: query.from });
    if (query.to) qb.andWhere('a.created_at < :to', { to: query.to });
    // Ids are UUIDv7: their order is the order of writing.
    const page = await keysetPage(qb, query, [
      { column: 'a.id', property: 'id', direction: 'DESC' },
    ]);
    const names = await this.actorNames(page.data);
    return {
      data: page.data.map((e) => ({
        id: e.id,
        actorType: e.actorType,
        actorId: e.actorId,
        actorName: (e.actorId && names.get(e.actorId)) ?? null,
        action: e.action,
        entityType: e.entityType,
        entityId: e.entityId,
        before: e.before as AuditEntryView['before'],
        after: e.after as AuditEntryView['after'],
        requestId: e.requestId,
        createdAt: e.createdAt.toISOString(),
      })),
      nextCursor: page.nextCursor,
    };
  }

  /** Names of the users and keys that acted, while they exist; one query per page. */
  private async actorNames(entries: AuditLogEntry[]): Promise<Map<string, string>> {
    const ids = [...new Set(entries.flatMap((e) => (e.actorId ? [e.actorId] : [])))];
    if (ids.length === 0) return new Map();
    const rows: { id: string; name: string }[] = await this.db.manager.query(
      `SELECT id, name FROM users WHERE id = ANY($1::uuid[])
       UNION ALL SELECT id, name FROM api_keys WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}
