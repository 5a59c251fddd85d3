import type { WebhookEndpointView } from '@navaia/shared';

/** How an endpoint is named on screen: members below admin get it without its URL. */
export const endpointName = (endpoint: WebhookEndpointView): string =>
  endpoint.url ?? endpoint.description ?? 'this endpoint';
