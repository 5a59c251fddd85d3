import { Injectable } from '@nestjs/common';
import {
  DEFAULT_CALLING_WINDOW,
  DEFAULT_TENANT_LIMITS,
  TenantView,
  UpdateTenantDto,
} from '@navaia/shared';
import { QueryFailedError } from 'typeorm';
import { isUniqueViolation } from '../../common/database/pg-errors';
import { TenantDb } from '../../common/database/tenant-db';
import { uuidv7 } from '../../common/database/uuid';
import { TenantContext } from '../../common/tenancy/tenant-context';
import { AuditService } from '../audit/audit.service';
import { Tenant, toTenantView } from './tenant.entity';
import { TenantErrors } from './tenant.exception';

/** A nested setting sent as null is cleared: merged objects drop it instead of storing null. */
function merge<T extends object>(current: T, patch: object | undefined): T {
  const next = { ...current, ...patch } as Record<string, unknown>;
  for (const key of Object.keys(next)) if (next[key] === null) delete next[key];
  return next as unknown as T;
}

@Injectable()
export class TenantService {
  constructor(
    private readonly db: TenantDb,
    private readonly context: TenantContext,
    private readonly audit: AuditService,
  ) {}

  /** Creates a tenant and runs `then` in its context, in one transaction. */
  async create<T>(name: string, then: (tenant: Tenant) => Promise<T>): Promise<T> {
    const id = uuidv7();
    return this.db.run(id, async () => {
      const tenant = this.db.repo(Tenant).create({
        id,
        name,
        timezone: 'UTC',
        defaultCountry: 'US',
        callingWindow: DEFAULT_CALLING_WINDOW,
        limits: DEFAULT_TENANT_LIMITS,
        voice: { agents: {} },
        telephony: {},
      });
      await this.db.repo(Tenant).insert(tenant);
      const saved = await this.db.repo(Tenant).findOneByOrFail({ id });
      const result = await then(saved);
      await this.audit.record({
        action: 'create',
        entityType: 'tenant',
        entityId: id,
        after: toTenantView(saved),
      });
      return result;
    });
  }

  /**
   * The tenant of the current transaction. Read once per transaction: a call's status report
   * or a dialer pass asks for its settings several times, and within one transaction they
   * cannot change except through `update`, which forgets the copy.
   */
  async current(): Promise<Tenant> {
    const manager = this.db.manager;
    const read = this.perTransaction.get(manager);
    if (read) return Object.assign(new Tenant(), structuredClone(read));
    const tenant = await this.db.repo(Tenant).findOneBy({ id: this.context.tenantId });
    if (!tenant) throw TenantErrors.tenantNotFound();
    this.perTransaction.set(manager, structuredClone(tenant));
    return tenant;
  }

  private readonly perTransaction = new WeakMap<object, Tenant>();

  async view(): Promise<TenantView> {
    return toTenantView(await this.current());
  }

  async update(dto: UpdateTenantDto): Promise<TenantView> {
    const tenant = await this.current();
    const before = toTenantView(tenant);
    const next: Partial<Tenant> = {};
    if (dto.name !== undefined) next.name = dto.name;
    if (dto.timezone !== undefined) next.timezone = dto.timezone;
    if (dto.defaultCountry !== undefined) next.defaultCountry = dto.defaultCountry;
    if (dto.callingWindow)
      next.callingWindow = { ...dto.callingWindow, days: [...dto.callingWindow.days].sort() };
    if (dto.limits) next.limits = merge(tenant.limits, dto.limits);
    if (dto.voice) {
      next.voice = {
        ...merge(tenant.voice, dto.voice),
        agents: merge(tenant.voice.agents, dto.voice.agents),
      };
    }
    if (dto.telephony) next.telephony = merge(tenant.telephony, dto.telephony);
    await this.db
      .repo(Tenant)
      .update({ id: tenant.id }, next)
      .catch((error: unknown) => {
        // Provider identifiers are unique across tenants (a trigger names the field).
        if (isUniqueViolation(error, 'tenant_provider_ids_unique'))
          throw TenantErrors.providerIdTaken(
            (error as QueryFailedError<Error & { column: string }>).driverError.column,
          );
        throw error;
      });
    this.perTransaction.delete(this.db.manager);
    const after = await this.view();
    await this.audit.record({
      action: 'update',
      entityType: 'tenant',
      entityId: tenant.id,
      before,
      after,
    });
    return after;
  }
}
