import { Injectable } from '@nestjs/common';
import type { VoiceConnection } from '@navaia/shared';
import { TenantDb } from '../../../common/database/tenant-db';
import { uuidv7 } from '../../../common/database/uuid';
import { TenantContext } from '../../../common/tenancy/tenant-context';
import { TenantService } from '../../tenant/tenant.service';
import { postCallPayload } from '../simulator/post-call-payload';
import { greet, SimulatedConversation } from '../simulator/simulated-agent';
import { SimulatorStore } from '../simulator/simulator-store';
import type { BrowserSessionRequest, VoiceProvider } from './voice-provider';

/** The offline stand-in for ElevenLabs: a text conversation with a scripted agent. */
@Injectable()
export class SimulatorVoiceProvider implements VoiceProvider {
  readonly kind = 'simulator' as const;

  constructor(
    private readonly store: SimulatorStore,
    private readonly db: TenantDb,
    private readonly tenants: TenantService,
    private readonly context: TenantContext,
  ) {}

  async startBrowserSession(request: BrowserSessionRequest): Promise<VoiceConnection> {
    // Asked with no request transaction open: the tenant is read in a short one of its own.
    const tenant = await this.db.run(this.context.tenantId, () => this.tenants.current());
    const conversation: SimulatedConversation = {
      conversationId: `sim_${uuidv7().replace(/-/g, '')}`,
      sessionId: request.sessionId,
      tenantId: this.context.tenantId,
      purpose: request.purpose,
      timezone: tenant.timezone,
      startedAt: Date.now(),
      dynamicVariables: request.dynamicVariables,
      transcript: [],
      stage: 'intent',
    };
    conversation.transcript = greet(conversation);
    await this.store.save(conversation);
    return { provider: 'simulator', conversationId: conversation.conversationId };
  }

  async fetchConversation(conversationId: string): Promise<Record<string, unknown> | null> {
    const conversation = await this.store.load(conversationId);
    if (!conversation || conversation.stage !== 'ended') return null;
    return postCallPayload(conversation, Date.now()).data;
  }
}
