import { Injectable } from '@nestjs/common';
import {
  DataSource,
  EntityManager,
  EntityTarget,
  ObjectLiteral,
  QueryRunner,
  Repository,
} from 'typeorm';
import type { TenantTransaction } from '../tenancy/cls-store';
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
    const manager = this.context.read('transaction')?.runner?.manager;
    if (!manager) throw new TenantContextMissingError('tenant transaction');
    return manager;
  }

  repo<T extends ObjectLiteral>(entity: EntityTarget<T>): Repository<T> {
    return this.manager.getRepository(entity);
  }

  /** Runs `work` in a transaction bound to `tenantId`; joins the open one for the same tenant. */
  async run<T>(tenantId: string, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const open = this.context.read('transaction');
    if (open?.runner && open.tenantId === tenantId) return work(open.runner.manager);
    return this.context.run(async () => {
      const transaction: TenantTransaction = { tenantId, runner: null, afterCommit: [] };
      this.context.write('tenantId', tenantId);
      this.context.write('transaction', transaction);
      transaction.runner = await this.begin(tenantId);
      let result: T;
      try {
        result = await work(transaction.runner.manager);
      } catch (error) {
        // The work's error is the one to report, not a failed rollback's.
        await this.end(transaction, 'rollback').catch(() => undefined);
        throw error;
      }
      await this.end(transaction, 'commit');
      return result;
    });
  }

  /**
   * Commits the open tenant transaction now and gives its connection back, so that what
   * follows (a provider's round trip) holds no connection and no lock. Later database work
   * in this context opens a transaction of its own with `run`; `manager` throws until then.
   */
  async commit(): Promise<void> {
    const transaction = this.context.read('transaction');
    if (!transaction?.runner) throw new TenantContextMissingError('tenant transaction');
    await this.end(transaction, 'commit');
  }

  /**
   * Runs `task` once the open tenant transaction commits, for effects outside the database
   * that must not announce what could still roll back. `task` handles its own errors.
   */
  afterCommit(task: () => Promise<void>): void {
    const transaction = this.context.read('transaction');
    if (!transaction?.runner) throw new TenantContextMissingError('tenant transaction');
    transaction.afterCommit.push(task);
  }

  private async begin(tenantId: string): Promise<QueryRunner> {
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.connect();
      await runner.startTransaction();
      await runner.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
      return runner;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      await runner.release();
      throw error;
    }
  }

  /** Ends the transaction if it is still open; after a commit, runs its after-commit tasks. */
  private async end(transaction: TenantTransaction, how: 'commit' | 'rollback'): Promise<void> {
    const runner = transaction.runner;
    if (!runner) return;
    transaction.runner = null;
    const tasks = transaction.afterCommit.splice(0);
    try {
      if (how === 'commit') await runner.commitTransaction();
      else await runner.rollbackTransaction();
    } catch (error) {
      if (how === 'commit') await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
    if (how === 'commit') for (const task of tasks) await task();
  }
}
