import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module, OnModuleInit } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { OutboxRelay } from '../../common/queue/outbox';
import { QueueName } from '../../common/queue/queue-names';
import { AppConfig, TelephonyProviderName } from '../../config/config';
import { CustomerModule } from '../customer/customer.module';
import { OutgoingWebhooksModule } from '../outgoing-webhooks/outgoing-webhooks.module';
import { TenantModule } from '../tenant/tenant.module';
import { VoiceModule } from '../voice/voice.module';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { TwimlSource } from '../webhooks/webhook-routes';
import { CallController, CustomerCallController } from './call.controller';
import { CallHooks } from './call-hooks';
import { CallReconciler } from './call-reconciler';
import { CallService } from './call.service';
import { DialLimiter } from './dial-limiter';
import { Dialer } from './dialer';
import { ElevenLabsTelephonyProvider } from './providers/elevenlabs.provider';
import { TELEPHONY_PROVIDER } from './providers/telephony-provider';
import { TwilioTelephonyProvider } from './providers/twilio.provider';
import { SimulatorTelephonyProvider } from './simulator/simulator.provider';
import { TelephonyProcessor } from './telephony.processor';
import { TwimlService } from './twiml.service';

const PROVIDERS = {
  [TelephonyProviderName.Twilio]: TwilioTelephonyProvider,
  [TelephonyProviderName.ElevenLabs]: ElevenLabsTelephonyProvider,
  [TelephonyProviderName.Simulator]: SimulatorTelephonyProvider,
};

@Module({})
export class TelephonyModule implements OnModuleInit {
  constructor(
    private readonly relay: OutboxRelay,
    @InjectQueue(QueueName.Telephony) private readonly queue: Queue,
  ) {}

  private static registered = new WeakMap<AppConfig, DynamicModule>();

  /** One module per configuration: campaigns import the same instance as the app. */
  static register(config: AppConfig, options: { worker: boolean }): DynamicModule {
    const existing = TelephonyModule.registered.get(config);
    if (existing) return existing;
    const module = TelephonyModule.build(config, options);
    TelephonyModule.registered.set(config, module);
    return module;
  }

  private static build(config: AppConfig, options: { worker: boolean }): DynamicModule {
    const provider = PROVIDERS[config.telephonyProvider];
    return {
      module: TelephonyModule,
      imports: [
        BullModule.registerQueue({ name: QueueName.Telephony }),
        WebhooksModule,
        TenantModule,
        CustomerModule,
        OutgoingWebhooksModule,
        VoiceModule.register(config, options),
      ],
      controllers: [CallController, CustomerCallController],
      providers: [
        CallService,
        CallHooks,
        DialLimiter,
        Dialer,
        CallReconciler,
        TwimlService,
        { provide: TwimlSource, useExisting: TwimlService },
        provider,
        { provide: TELEPHONY_PROVIDER, useExisting: provider },
        ...(options.worker ? [TelephonyProcessor] : []),
      ],
      exports: [CallService, CallHooks, DialLimiter, TELEPHONY_PROVIDER, TwimlSource],
    };
  }

  /** Dial jobs reach the queue through the outbox. */
  onModuleInit(): void {
    this.relay.register(this.queue);
  }
}
