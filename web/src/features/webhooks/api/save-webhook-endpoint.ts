import type {
  CreateWebhookEndpointDto,
  UpdateWebhookEndpointDto,
  WebhookEndpointView,
  WebhookEndpointWithSecret,
} from '@navaia/shared';
import { api } from '../../../lib/api-client';
import { useWebhookEndpointMutation } from './get-webhook-endpoints';

/** The answer carries the signing secret: the only time it is shown. */
export function createWebhookEndpoint(
  body: CreateWebhookEndpointDto,
): Promise<WebhookEndpointWithSecret> {
  return api.post<WebhookEndpointWithSecret>('/webhook-endpoints', body);
}

export function updateWebhookEndpoint(
  id: string,
  body: UpdateWebhookEndpointDto,
): Promise<WebhookEndpointView> {
  return api.patch<WebhookEndpointView>(`/webhook-endpoints/${encodeURIComponent(id)}`, body);
}

export function useCreateWebhookEndpoint() {
  return useWebhookEndpointMutation(createWebhookEndpoint);
}

export function useUpdateWebhookEndpoint() {
  return useWebhookEndpointMutation(
    ({ id, body }: { id: string; body: UpdateWebhookEndpointDto }) =>
      updateWebhookEndpoint(id, body),
  );
}
