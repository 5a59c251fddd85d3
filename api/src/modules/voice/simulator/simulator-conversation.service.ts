import { Injectable } from '@nestjs/common';
import type { SimulatorReply, VoiceSessionView } from '@navaia/shared';
import { VoiceErrors, VoiceSessionService } from '../voice-session.service';
import { postCallPayload } from './post-call-payload';
import { respond } from './simulated-agent';
import { SimulatorStore } from './simulator-store';
import { SimulatorWebhooks } from './simulator-webhooks';

/** The text conversation of a simulated browser session, as the Playground drives it. */
@Injectable()
export class SimulatorConversationService {
  constructor(
    private readonly sessions: VoiceSessionService,
    private readonly store: SimulatorStore,
    private readonly webhooks: SimulatorWebhooks,
  ) {}

  async say(sessionId: string, text: string): Promise<SimulatorReply> {
    const conversation = await this.conversationOf(sessionId);
    if (conversation.stage === 'ended') throw VoiceErrors.ended();
    const { state, turns } = respond(conversation, text);
    state.transcript = [...conversation.transcript, ...turns];
    await this.store.save(state);
    if (state.stage === 'ended') this.webhooks.send(postCallPayload(state, Date.now()));
    return { turns, ended: state.stage === 'ended' };
  }

  async hangUp(sessionId: string): Promise<VoiceSessionView> {
    const conversation = await this.conversationOf(sessionId);
    if (conversation.stage !== 'ended') {
      conversation.stage = 'ended';
      await this.store.save(conversation);
      this.webhooks.send(postCallPayload(conversation, Date.now()));
    }
    return this.sessions.view(sessionId);
  }

  private async conversationOf(sessionId: string) {
    const session = await this.sessions.get(sessionId);
    if (session.provider !== 'simulator' || !session.conversationId)
      throw VoiceErrors.notSimulated();
    const conversation = await this.store.load(session.conversationId);
    if (!conversation) throw VoiceErrors.ended();
    return conversation;
  }
}
