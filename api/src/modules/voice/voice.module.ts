import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, VoiceProviderName } from '../../config/config';
import { BookingModule } from '../booking/booking.module';
import { CustomerModule } from '../customer/customer.module';
import { TenantModule } from '../tenant/tenant.module';
import { TicketModule } from '../ticket/ticket.module';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { PostCallService } from './post-call.service';
import { ElevenLabsVoiceProvider } from './providers/elevenlabs.provider';
import { SimulatorVoiceProvider } from './providers/simulator.provider';
import { VOICE_PROVIDER } from './providers/voice-provider';
import { SimulatorConversationService } from './simulator/simulator-conversation.service';
import { SimulatorStore } from './simulator/simulator-store';
import { SimulatorWebhooks } from './simulator/simulator-webhooks';
import { VoiceCallHooks } from './voice-call-hooks';
import { VoiceController } from './voice.controller';
import { VoiceEventsProcessor } from './voice-events.processor';
import { VoiceReconciler } from './voice-reconciler';
import { VoiceSessionService } from './voice-session.service';

@Module({})
export class VoiceModule {
  private static registered = new WeakMap<AppConfig, DynamicModule>();

  /** One module per configuration: telephony imports the same instance as the app. */
  static register(config: AppConfig, options: { worker: boolean }): DynamicModule {
    const existing = VoiceModule.registered.get(config);
    if (existing) return existing;
    const module = VoiceModule.build(config, options);
    VoiceModule.registered.set(config, module);
    return module;
  }

  private static build(config: AppConfig, options: { worker: boolean }): DynamicModule {
    const provider =
      config.voiceProvider === VoiceProviderName.ElevenLabs
        ? ElevenLabsVoiceProvider
        : SimulatorVoiceProvider;
    return {
      module: VoiceModule,
      imports: [WebhooksModule, TenantModule, CustomerModule, TicketModule, BookingModule],
      controllers: [VoiceController],
      providers: [
        VoiceSessionService,
        VoiceCallHooks,
        PostCallService,
        VoiceReconciler,
        SimulatorStore,
        SimulatorWebhooks,
        SimulatorConversationService,
        provider,
        { provide: VOICE_PROVIDER, useExisting: provider },
        ...(options.worker ? [VoiceEventsProcessor] : []),
      ],
      exports: [VoiceSessionService, VoiceCallHooks, SimulatorWebhooks],
    };
  }
}
