/**
 * The events integrators can subscribe to. A new event type is one entry here plus a
 * `publish` call where it happens.
 */
export const WEBHOOK_EVENT_TYPES = [
  'ticket.created',
  'ticket.updated',
  'booking.created',
  'booking.updated',
  'call.completed',
  'campaign.completed',
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Sent on request to one endpoint whatever it subscribes to; never published by records. */
export const WEBHOOK_TEST_EVENT_TYPE = 'webhook.test';

export enum WebhookDeliveryStatus {
  /** Waiting for its first attempt or for a retry. */
  Pending = 'pending',
  Delivered = 'delivered',
  /** Every attempt of the retry schedule failed. */
  Failed = 'failed',
}
