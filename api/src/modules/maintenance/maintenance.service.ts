import { Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { DataSource, LessThan } from 'typeorm';
import { TenantDb } from '../../common/database/tenant-db';
import { MaintenanceJob, QueueName } from '../../common/queue/queue-names';
import { QueueProducer } from '../../common/queue/queue-producer';
import { RefreshToken } from '../auth/refresh-token.entity';

const HOUR_MS = 3600_000;
/** Revoked or expired refresh tokens are kept a week for investigating reuse, then purged. */
const TOKEN_RETENTION_MS = 7 * 24 * HOUR_MS;

@Injectable()
export class MaintenanceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly db: TenantDb,
    private readonly producer: QueueProducer,
    @InjectQueue(QueueName.Maintenance) private readonly queue: Queue,
  ) {}

  /** Hourly: one purge job per tenant; the job id makes a re-run in the same hour a no-op. */
  async schedule(): Promise<void> {
    await this.queue.upsertJobScheduler(
      'hourly-purge',
      { every: HOUR_MS },
      { name: MaintenanceJob.PurgeExpired },
    );
  }

  async fanOutPurge(now = Date.now()): Promise<number> {
    const tenants: { app_tenant_ids: string }[] =
      await this.dataSource.query('SELECT app_tenant_ids()');
    const hour = Math.floor(now / HOUR_MS);
    for (const { app_tenant_ids: tenantId } of tenants) {
      await this.producer.add(
        this.queue,
        MaintenanceJob.PurgeTenant,
        { tenantId },
        { jobId: `purge-${tenantId}-${hour}` },
      );
    }
    return tenants.length;
  }

  /** Inside the tenant's context: removes what has outlived its purpose. */
  async purgeTenant(now = new Date()): Promise<{ refreshTokens: number; idempotencyKeys: number }> {
    const cutoff = new Date(now.getTime() - TOKEN_RETENTION_MS);
    const tokens = await this.db.repo(RefreshToken).delete({ expiresAt: LessThan(cutoff) });
    const revoked = await this.db.repo(RefreshToken).delete({ revokedAt: LessThan(cutoff) });
    const keys: [unknown, number] = await this.db.manager.query(
      'DELETE FROM idempotency_keys WHERE expires_at < $1',
      [now],
    );
    return {
      refreshTokens: (tokens.affected ?? 0) + (revoked.affected ?? 0),
      idempotencyKeys: keys[1] ?? 0,
    };
  }
}
