/** Every queue of the application. */
export enum QueueName {
  Maintenance = 'maintenance',
  /** ElevenLabs webhook events, processed by the voice module. */
  VoiceEvents = 'voice-events',
  /** Dialing, Twilio status callbacks and the call reconciler: the telephony module. */
  Telephony = 'telephony',
  /** Events posted to integrators' webhook endpoints. */
  OutgoingWebhooks = 'outgoing-webhooks',
  /** The campaign dialer's ticks: due recipients become calls. */
  Campaigns = 'campaigns',
}

/** Every job name, per queue. */
export enum MaintenanceJob {
  /** Repeating: fans out one PurgeTenant job per tenant. */
  PurgeExpired = 'purge-expired',
  PurgeTenant = 'purge-tenant',
}

export enum VoiceEventJob {
  /** Resolves an inbox event's tenant and applies it. */
  Process = 'process-event',
  /** Repeating: fetches conversations whose post-call event never came. */
  Reconcile = 'reconcile',
}

export enum TelephonyJob {
  /** Places one queued call through the provider, within the tenant's limits. */
  Dial = 'dial',
  /** Applies a Twilio status callback from the inbox. */
  TwilioStatus = 'twilio-status',
  /** Repeating: settles calls whose provider went silent. */
  Reconcile = 'reconcile',
}

export enum OutgoingWebhookJob {
  /** Repeating: claims due deliveries (retries, and any a crash left behind) and queues them. */
  Relay = 'relay',
  /** One attempt of one delivery. */
  Deliver = 'deliver',
  /** Repeating: removes finished deliveries past their retention. */
  Purge = 'purge',
}
