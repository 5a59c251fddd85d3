/** Error codes of incoming provider webhooks (ElevenLabs, Twilio). */
export enum WebhookErrorCode {
  InvalidSignature = 'invalid_signature',
  InvalidWebhook = 'invalid_webhook',
  RecordingsBusy = 'recordings_busy',
}
