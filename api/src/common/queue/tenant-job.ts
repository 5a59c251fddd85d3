import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { TenantDb } from '../database/tenant-db';
import { TenantContext } from '../tenancy/tenant-context';

/** Every job that touches tenant data carries its tenant. */
export interface TenantJobData {
  tenantId: string;
}

/**
 * Runs a job's handler in its own context for the job's tenant: the tenant transaction is
 * open (RLS scoped) before the handler's first query, as for an HTTP request.
 */
@Injectable()
export class TenantJobRunner {
  constructor(
    private readonly context: TenantContext,
    private readonly db: TenantDb,
  ) {}

  run<D extends TenantJobData, R>(job: Job<D>, handler: () => Promise<R>): Promise<R> {
    if (!job.data?.tenantId) throw new Error(`Job ${job.name}#${job.id} carries no tenantId`);
    return this.runFor(job.data.tenantId, `job-${job.queueName}-${job.id}`, handler);
  }

  /** For jobs that learn their tenant while running (provider events). */
  runFor<R>(tenantId: string, label: string, handler: () => Promise<R>): Promise<R> {
    return this.context.run(() => {
      this.context.write('principal', undefined);
      this.context.write('requestId', label);
      return this.db.run(tenantId, handler);
    });
  }
}
