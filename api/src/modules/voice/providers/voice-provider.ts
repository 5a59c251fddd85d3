import type { VoiceConnection, VoicePurpose } from '@navaia/shared';

export const VOICE_PROVIDER = Symbol('VOICE_PROVIDER');

export interface BrowserSessionRequest {
  sessionId: string;
  purpose: VoicePurpose;
  /** The tenant's agent for the purpose (ElevenLabs); the simulator plays every purpose. */
  agentId?: string;
  dynamicVariables: Record<string, string | number | boolean>;
}

/**
 * What Navaia needs of a conversational-AI provider. ElevenLabs implements it with the
 * official SDK; the simulator implements it offline and posts the same signed webhooks.
 */
export interface VoiceProvider {
  readonly kind: 'elevenlabs' | 'simulator';
  /** Credentials for the browser to start a conversation. */
  startBrowserSession(request: BrowserSessionRequest): Promise<VoiceConnection>;
  /**
   * The finished conversation in the post-call webhook's `data` shape, or null when the
   * provider does not have it (yet). Used by the reconciler for lost webhooks.
   */
  fetchConversation(conversationId: string): Promise<Record<string, unknown> | null>;
}
