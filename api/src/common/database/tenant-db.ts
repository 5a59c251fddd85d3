import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, EntityTarget, ObjectLiteral, Repository } from 'typeorm';
import { TenantContext, TenantContextMissingError } from '../tenancy/tenant-context';

/**
 * Database access for tenant-owned data. Every unit of work runs in a transaction whose
 * app.tenant_id is set with set_config(…, true), so row-level security scopes each query
 * even if its WHERE clause forgets the tenant.
 */
@Injectable()
export class TenantDb {
  constructor(
    private readonly dataSource: DataSource,
    private readonly context: TenantContext,
  ) {}

  /** The current tenant transaction's manager; throws outside one (fail closed). */
  get manager(): EntityManager {
    const manager = this.context.read('entityManager');
    if (!manager) throw new TenantContextMissingError('tenant transaction');
    return manager;
  }

  repo<T extends ObjectLiteral>(entity: EntityTarget<T>): Repository<T> {
    return this.manager.getRepository(entity);
  }

  /** Runs `work` in a transaction bound to `tenantId`; joins the open one for the same tenant. */
  async run<T>(tenantId: string, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.context.read('entityManager') && this.context.read('tenantId') === tenantId) {
      return work(this.manager);
    }
    return this.context.run(async () => {
      const afterCommit: (() => Promise<void>)[] = [];
      const result = await this.dataSource.transaction(async (manager) => {
        await manager.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
        this.context.write('tenantId', tenantId);
        this.context.write('entityManager', manager);
        this.context.write('afterCommit', afterCommit);
        try {
          return await work(manager);
        } finally {
          this.context.write('entityManager', undefined);
          this.context.write('afterCommit', undefined);
        }
      });
      for (const task of afterCommit) await task();
      return result;
    });
  }

  /**
   * Runs `task` once the open tenant transaction commits, for effects outside the database
   * that must not announce what could still roll back. `task` handles its own errors.
   */
  afterCommit(task: () => Promise<void>): void {
    const tasks = this.context.read('afterCommit');
    if (!tasks) throw new TenantContextMissingError('tenant transaction');
    tasks.push(task);
  }
}
