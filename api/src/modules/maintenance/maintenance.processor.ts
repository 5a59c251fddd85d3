import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnModuleInit } from '@nestjs/common';
import type { Job } from 'bullmq';
import { MaintenanceJob, QueueName } from '../../common/queue/queue-names';
import { QueueRecovery } from '../../common/queue/queue-recovery';
import { TenantJobData, TenantJobRunner } from '../../common/queue/tenant-job';
import { MaintenanceService } from './maintenance.service';

@Processor(QueueName.Maintenance)
export class MaintenanceProcessor extends WorkerHost implements OnModuleInit {
  private readonly logger = new Logger(MaintenanceProcessor.name);

  constructor(
    private readonly maintenance: MaintenanceService,
    private readonly tenantJobs: TenantJobRunner,
    private readonly recovery: QueueRecovery,
  ) {
    super();
  }

  onModuleInit(): void {
    this.recovery.register('purge schedule', () => this.maintenance.schedule(), {
      everyStart: true,
    });
  }

  async process(job: Job<TenantJobData>): Promise<unknown> {
    switch (job.name) {
      case MaintenanceJob.PurgeExpired:
        return { tenants: await this.maintenance.fanOutPurge() };
      case MaintenanceJob.PurgeTenant: {
        const purged = await this.tenantJobs.run(job, () => this.maintenance.purgeTenant());
        this.logger.log({ tenantId: job.data.tenantId, ...purged }, 'Purged expired records');
        return purged;
      }
      default:
        throw new Error(`Unknown maintenance job ${job.name}`);
    }
  }
}
