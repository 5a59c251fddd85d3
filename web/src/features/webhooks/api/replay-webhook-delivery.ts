import type { WebhookDeliveryView } from '@navaia/shared';
import { api } from '../../../lib/api-client';
import { useWebhookEndpointMutation } from './get-webhook-endpoints';

/** One more attempt now, with the same webhook-id. */
export function replayWebhookDelivery(
  endpointId: string,
  deliveryId: string,
): Promise<WebhookDeliveryView> {
  return api.post<WebhookDeliveryView>(
    `/webhook-endpoints/${encodeURIComponent(endpointId)}/deliveries/${encodeURIComponent(deliveryId)}/replay`,
  );
}

export function useReplayWebhookDelivery() {
  return useWebhookEndpointMutation(
    ({ endpointId, deliveryId }: { endpointId: string; deliveryId: string }) =>
      replayWebhookDelivery(endpointId, deliveryId),
  );
}
