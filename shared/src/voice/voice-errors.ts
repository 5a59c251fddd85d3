/** Error codes of voice sessions. */
export enum VoiceErrorCode {
  AgentMissing = 'voice_agent_missing',
  ConversationTaken = 'conversation_taken',
  NotSimulated = 'not_simulated',
  ConversationEnded = 'conversation_ended',
  /** ElevenLabs sent an answer that could not be read. */
  ProviderError = 'voice_provider_error',
  /** ElevenLabs refused the request: a wrong API key or agent id, say. */
  ProviderRejected = 'voice_provider_rejected',
}
