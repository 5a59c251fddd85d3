import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { QueueName } from '../../common/queue/queue-names';
import { MaintenanceProcessor } from './maintenance.processor';
import { MaintenanceService } from './maintenance.service';

@Module({})
export class MaintenanceModule {
  /** Consumers are registered only in processes that run workers. */
  static register(options: { worker: boolean }): DynamicModule {
    return {
      module: MaintenanceModule,
      imports: [BullModule.registerQueue({ name: QueueName.Maintenance })],
      providers: [MaintenanceService, ...(options.worker ? [MaintenanceProcessor] : [])],
      exports: [MaintenanceService],
    };
  }
}
