import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { redisOptions } from '../redis/redis';
import { Outbox, OutboxRelay } from './outbox';
import { QueueProducer } from './queue-producer';
import { QueueRecovery } from './queue-recovery';
import { TenantJobRunner } from './tenant-job';

@Global()
@Module({})
export class QueueModule {
  static forRoot(redisUrl: string, prefix: string): DynamicModule {
    return {
      module: QueueModule,
      imports: [
        BullModule.forRoot({
          connection: redisOptions(redisUrl),
          prefix,
          defaultJobOptions: {
            attempts: 5,
            backoff: { type: 'exponential', delay: 1_000 },
            removeOnComplete: { age: 24 * 3600, count: 10_000 },
            removeOnFail: { age: 7 * 24 * 3600 },
          },
        }),
      ],
      providers: [QueueProducer, TenantJobRunner, Outbox, OutboxRelay, QueueRecovery],
      exports: [QueueProducer, TenantJobRunner, Outbox, OutboxRelay, QueueRecovery],
    };
  }
}
