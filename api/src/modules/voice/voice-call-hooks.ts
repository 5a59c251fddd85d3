import { Injectable } from '@nestjs/common';
import type { VoiceSession } from './voice-session.entity';

/** A call_initiation_failure event's `data`, as far as Navaia reads it. */
export interface InitiationFailure {
  conversation_id: string;
  failure_reason?: unknown;
  metadata?: { type?: unknown; body?: Record<string, unknown> | null } | null;
}

/** What the telephony module does when a phone conversation ends or never starts. */
export interface CallLink {
  sessionEnded(session: VoiceSession): Promise<void>;
  initiationFailed(failure: InitiationFailure): Promise<void>;
}

/**
 * Lets the telephony module, which builds on voice, hear about post-call events without
 * voice depending on telephony. Runs inside the event's tenant transaction.
 */
@Injectable()
export class VoiceCallHooks {
  private link?: CallLink;

  register(link: CallLink): void {
    this.link = link;
  }

  async sessionEnded(session: VoiceSession): Promise<void> {
    if (session.callId) await this.link?.sessionEnded(session);
  }

  async initiationFailed(failure: InitiationFailure): Promise<void> {
    await this.link?.initiationFailed(failure);
  }
}
