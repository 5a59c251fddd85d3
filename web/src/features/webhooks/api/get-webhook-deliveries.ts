import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { Page, WebhookDeliveryStatus, WebhookDeliveryView } from '@navaia/shared';
import { api } from '../../../lib/api-client';
import { useTenantId } from '../../../lib/auth-store';
import { webhookEndpointsQueryKey } from './get-webhook-endpoints';

export const WEBHOOK_DELIVERIES_PAGE_SIZE = 25;

export function getWebhookDeliveries(
  endpointId: string,
  { status, cursor }: { status?: WebhookDeliveryStatus; cursor?: string | null },
  signal?: AbortSignal,
): Promise<Page<WebhookDeliveryView>> {
  return api.get<Page<WebhookDeliveryView>>(
    `/webhook-endpoints/${encodeURIComponent(endpointId)}/deliveries`,
    { query: { limit: WEBHOOK_DELIVERIES_PAGE_SIZE, status, cursor }, signal },
  );
}

export function getWebhookDeliveriesQueryOptions(
  tenantId: string,
  endpointId: string,
  status?: WebhookDeliveryStatus,
) {
  return infiniteQueryOptions({
    queryKey: [
      ...webhookEndpointsQueryKey(tenantId),
      endpointId,
      'deliveries',
      { status },
    ] as const,
    queryFn: ({ pageParam, signal }) =>
      getWebhookDeliveries(endpointId, { status, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

/** The delivery log of one endpoint, newest first; refreshed while deliveries are pending. */
export function useWebhookDeliveries(endpointId: string, status?: WebhookDeliveryStatus) {
  return useInfiniteQuery({
    ...getWebhookDeliveriesQueryOptions(useTenantId(), endpointId, status),
    refetchInterval: (query) =>
      query.state.data?.pages.some((page) => page.data.some((d) => d.status === 'pending'))
        ? 5_000
        : false,
  });
}
