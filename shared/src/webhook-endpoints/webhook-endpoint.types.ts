import type { WebhookDeliveryStatus, WebhookEventType } from './webhook-event-types';

export interface WebhookEndpointView {
  id: string;
  /** Null for members who cannot manage endpoints (below admin): URLs often carry secrets. */
  url: string | null;
  description: string | null;
  eventTypes: WebhookEventType[];
  enabled: boolean;
  /** Why the endpoint was switched off (by a person or after sustained failures). */
  disabledReason: string | null;
  disabledAt: string | null;
  /** Until then deliveries are also signed with the secret replaced by the last rotation. */
  previousSecretExpiresAt: string | null;
  /** Failed attempts since the last successful one. */
  consecutiveFailures: number;
  failingSince: string | null;
  lastSuccessAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The answer of create and rotate-secret: the only times the signing secret is shown. */
export interface WebhookEndpointWithSecret extends WebhookEndpointView {
  secret: string;
}

export interface WebhookDeliveryView {
  id: string;
  endpointId: string;
  eventType: string;
  /** The `webhook-id` header: the same on every attempt and replay, for deduplication. */
  webhookId: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  lastStatusCode: number | null;
  /** Null for members below admin, as is the snippet: they may name or echo the target. */
  lastError: string | null;
  /** The start of the receiver's last answer. */
  responseSnippet: string | null;
  nextAttemptAt: string | null;
  lastAttemptAt: string | null;
  deliveredAt: string | null;
  createdAt: string;
}
