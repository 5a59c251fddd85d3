import { hasRole, Role, WebhookDeliveryView, WebhookEndpointView } from '@navaia/shared';

/**
 * Endpoint URLs often carry the receiver's secret (a token in the path or query), and a
 * receiver's answer or a connection error may echo or name them: only those who manage
 * endpoints (admins, owners and API keys) read them; other members see the rest.
 */
export const readsWebhookTargets = (role: Role) => hasRole(role, Role.Admin);

export const redactEndpoint = (view: WebhookEndpointView): WebhookEndpointView => ({
  ...view,
  url: null,
});

export const redactDelivery = (view: WebhookDeliveryView): WebhookDeliveryView => ({
  ...view,
  lastError: null,
  responseSnippet: null,
});
