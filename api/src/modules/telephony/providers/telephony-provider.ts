import type { CallStatus, VoicePurpose } from '@navaia/shared';

export const TELEPHONY_PROVIDER = Symbol('TELEPHONY_PROVIDER');

export interface DialRequest {
  callId: string;
  tenantId: string;
  purpose: VoicePurpose;
  /** E.164. */
  to: string;
  /** The tenant's caller id, or the provider's default. */
  from: string | null;
  /** The tenant's ElevenLabs agent and imported phone number (ElevenLabs native calls). */
  agentId?: string;
  agentPhoneNumberId?: string;
  /** The tenant's time zone (the simulated agent resolves booking times in it). */
  timezone: string;
  /** Passed to the agent; they come back in the post-call webhook. */
  dynamicVariables: Record<string, string | number | boolean>;
  /** Where Twilio posts status callbacks for this call (carries the call id). */
  statusCallbackUrl: string;
  /** Where Twilio fetches the call's instructions (carries the call id). */
  twimlUrl: string;
}

export interface DialAnswer {
  providerCallSid: string | null;
  conversationId: string | null;
  from: string | null;
}

/** How the provider knows a call: what its dial answered. */
export interface ProviderCallRef {
  providerCallSid: string | null;
  conversationId: string | null;
}

/** A provider's word on a call: where it is now, final or not. */
export interface ProviderCallStatus {
  status: CallStatus;
  /** The provider's own name for it, for the call's timeline. */
  providerStatus: string;
  durationSec?: number;
  answeredBy?: string;
}

/**
 * The provider answered and did not place the call. `retryable` when it will likely accept
 * the same request later (rate limited, unavailable): nothing was dialed either way.
 */
export class DialRefused extends Error {
  constructor(
    readonly reason: string,
    readonly retryable = false,
  ) {
    super(reason);
    this.name = 'DialRefused';
  }
}

/**
 * No answer came (timeout, connection lost): the call may or may not have been placed.
 * Such an attempt is never repeated; status callbacks or the reconciler settle it.
 */
export class DialOutcomeUnknown extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'DialOutcomeUnknown';
  }
}

/**
 * What Navaia needs of a telephony provider: place one outbound AI call. Twilio and
 * ElevenLabs implement it with their official SDKs; the simulator plays the call offline
 * and posts the same signed callbacks and webhooks.
 */
export interface TelephonyProvider {
  readonly kind: 'twilio' | 'elevenlabs' | 'simulator';
  dial(request: DialRequest): Promise<DialAnswer>;
  /**
   * What is the state of this call: asked for calls left open by a process that stopped, and
   * for calls that went silent. Null when the provider cannot tell (it does not know the call).
   */
  callState(call: ProviderCallRef): Promise<ProviderCallStatus | null>;
}
