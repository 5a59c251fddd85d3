import { BullModule, InjectQueue } from '@nestjs/bullmq';
import { DynamicModule, Module, OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { OutboxRelay } from '../../common/queue/outbox';
import { QueueName } from '../../common/queue/queue-names';
import { AppConfig } from '../../config/config';
import { CustomerModule } from '../customer/customer.module';
import { OutgoingWebhooksModule } from '../outgoing-webhooks/outgoing-webhooks.module';
import { TelephonyModule } from '../telephony/telephony.module';
import { TenantModule } from '../tenant/tenant.module';
import { CampaignController, CustomerCampaignController } from './campaign.controller';
import { CampaignDialer } from './campaign-dialer';
import { CampaignEventFeed } from './campaign-event-feed';
import { CampaignProcessor } from './campaign.processor';
import { CampaignLaunch } from './campaign-launch';
import { CampaignService } from './campaign.service';
import { RecipientImport } from './recipient-import';
import { StreamSlots } from './stream-slots';

@Module({})
export class CampaignModule implements OnModuleInit {
  constructor(
    private readonly relay: OutboxRelay,
    @InjectQueue(QueueName.Campaigns) private readonly queue: Queue,
  ) {}

  static register(config: AppConfig, options: { worker: boolean }): DynamicModule {
    return {
      module: CampaignModule,
      imports: [
        BullModule.registerQueue({ name: QueueName.Campaigns }),
        TenantModule,
        CustomerModule,
        OutgoingWebhooksModule,
        TelephonyModule.register(config, options),
      ],
      controllers: [CampaignController, CustomerCampaignController],
      providers: [
        CampaignService,
        CampaignLaunch,
        CampaignDialer,
        RecipientImport,
        CampaignEventFeed,
        StreamSlots,
        ...(options.worker ? [CampaignProcessor] : []),
      ],
      exports: [CampaignService],
    };
  }

  /** Start and resume wake the dialer through the outbox. */
  onModuleInit(): void {
    this.relay.register(this.queue);
  }
}
