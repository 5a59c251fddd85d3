import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, OnModuleInit } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { OutgoingWebhookJob, QueueName } from '../../common/queue/queue-names';
import { QueueRecovery } from '../../common/queue/queue-recovery';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { WebhookDeliveryService } from './webhook-delivery.service';
import type { DeliverJobData } from './webhook-publisher';
import { WebhookRelay } from './webhook-relay';

@Processor(QueueName.OutgoingWebhooks, { concurrency: 8 })
export class WebhookDeliveryProcessor extends WorkerHost implements OnModuleInit {
  constructor(
    private readonly deliveries: WebhookDeliveryService,
    private readonly relay: WebhookRelay,
    private readonly recovery: QueueRecovery,
    @InjectQueue(QueueName.OutgoingWebhooks) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  /** Deliveries lost with Redis are claimed again by the relay, from their rows. */
  onModuleInit(): void {
    this.recovery.register('outgoing webhook schedules', () => this.schedule(), {
      everyStart: true,
    });
  }

  private async schedule(): Promise<void> {
    const { relayIntervalMs } = this.config.outgoingWebhooks;
    if (relayIntervalMs > 0) {
      await this.queue.upsertJobScheduler(
        'outgoing-webhooks-relay',
        { every: relayIntervalMs },
        { name: OutgoingWebhookJob.Relay, opts: { removeOnComplete: true, removeOnFail: 100 } },
      );
    } else {
      await this.queue.removeJobScheduler('outgoing-webhooks-relay');
    }
    await this.queue.upsertJobScheduler(
      'outgoing-webhooks-purge',
      { every: 24 * 3_600_000 },
      { name: OutgoingWebhookJob.Purge },
    );
  }

  async process(job: Job<DeliverJobData>): Promise<unknown> {
    switch (job.name) {
      case OutgoingWebhookJob.Relay:
        return { queued: await this.relay.relay() };
      case OutgoingWebhookJob.Deliver:
        return { outcome: await this.deliveries.attempt(job.data) };
      case OutgoingWebhookJob.Purge:
        return { purged: await this.relay.purge() };
      default:
        throw new Error(`Unknown outgoing webhook job ${job.name}`);
    }
  }
}
