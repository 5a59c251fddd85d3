import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueName } from '../../common/queue/queue-names';
import { TenantModule } from '../tenant/tenant.module';
import { ElevenLabsIntake } from './elevenlabs-intake';
import { WebhookEventsController } from './webhook-events.controller';
import { WebhookInboxService } from './webhook-inbox.service';

@Module({
  imports: [BullModule.registerQueue({ name: QueueName.VoiceEvents }), TenantModule],
  controllers: [WebhookEventsController],
  providers: [WebhookInboxService, ElevenLabsIntake],
  exports: [WebhookInboxService, ElevenLabsIntake, BullModule],
})
export class WebhooksModule {}
