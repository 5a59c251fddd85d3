import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueName } from '../../common/queue/queue-names';
import { TenantModule } from '../tenant/tenant.module';
import { ElevenLabsIntake } from './elevenlabs-intake';
import { InboxRelay } from './inbox-relay';
import { TwilioIntake } from './twilio-intake';
import { WebhookEventsController } from './webhook-events.controller';
import { WebhookInboxService } from './webhook-inbox.service';

@Module({
  imports: [
    BullModule.registerQueue({ name: QueueName.VoiceEvents }, { name: QueueName.Telephony }),
    TenantModule,
  ],
  controllers: [WebhookEventsController],
  providers: [WebhookInboxService, InboxRelay, ElevenLabsIntake, TwilioIntake],
  exports: [WebhookInboxService, InboxRelay, ElevenLabsIntake, TwilioIntake, BullModule],
})
export class WebhooksModule {}
