import { api } from '../../../lib/api-client';
import { useWebhookEndpointMutation } from './get-webhook-endpoints';

export function deleteWebhookEndpoint(id: string): Promise<void> {
  return api.delete(`/webhook-endpoints/${encodeURIComponent(id)}`);
}

export function useDeleteWebhookEndpoint() {
  return useWebhookEndpointMutation(deleteWebhookEndpoint);
}
