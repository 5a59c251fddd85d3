import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { QueueName } from '../../common/queue/queue-names';
import { WebhookDeliveryProcessor } from './webhook-delivery.processor';
import { WebhookDeliveryService } from './webhook-delivery.service';
import { WebhookEndpointService } from './webhook-endpoint.service';
import { WebhookEndpointsController } from './webhook-endpoints.controller';
import { WebhookPublisher } from './webhook-publisher';
import { WebhookRelay } from './webhook-relay';

/**
 * Outgoing webhooks: integrators' endpoints, the outbox and its delivery log. Modules whose
 * records integrators subscribe to import it and call `WebhookPublisher.publish` inside
 * their transaction.
 */
@Module({
  imports: [BullModule.registerQueue({ name: QueueName.OutgoingWebhooks })],
  controllers: [WebhookEndpointsController],
  providers: [WebhookPublisher, WebhookEndpointService, WebhookDeliveryService, WebhookRelay],
  exports: [WebhookPublisher, WebhookDeliveryService, WebhookRelay],
})
export class OutgoingWebhooksModule {}

/** The delivery consumer, registered only in processes that run workers. */
@Module({})
export class OutgoingWebhooksWorkerModule {
  static register(options: { worker: boolean }): DynamicModule {
    return {
      module: OutgoingWebhooksWorkerModule,
      imports: [
        OutgoingWebhooksModule,
        BullModule.registerQueue({ name: QueueName.OutgoingWebhooks }),
      ],
      providers: options.worker ? [WebhookDeliveryProcessor] : [],
    };
  }
}
