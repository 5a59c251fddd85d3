/** A provider event in the inbox, and what became of it. */
export interface WebhookEventView {
  id: string;
  provider: 'elevenlabs' | 'twilio';
  /** The provider's event type, e.g. `post_call_transcription`. */
  type: string;
  /** The provider's id of what the event is about (a conversation, a call). */
  externalId: string;
  status: 'received' | 'processed' | 'unmatched' | 'failed';
  attempts: number;
  /** Why processing failed or matched no tenant. */
  error: string | null;
  voiceSessionId: string | null;
  receivedAt: string;
  processedAt: string | null;
}

/** The answer to a provider's webhook delivery. */
export interface WebhookReceipt {
  received: true;
  /** True when this event had already arrived; nothing happens a second time. */
  duplicate: boolean;
  eventId: string;
}
