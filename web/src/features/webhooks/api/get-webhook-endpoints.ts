import {
  infiniteQueryOptions,
  useInfiniteQuery,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query';
import type { Page, WebhookEndpointView } from '@navaia/shared';
import { api } from '../../../lib/api-client';
import { useTenantId } from '../../../lib/auth-store';
import { queryRoots } from '../../../lib/query-keys';

export const WEBHOOK_ENDPOINTS_PAGE_SIZE = 50;

export function getWebhookEndpoints(
  cursor: string | null,
  signal?: AbortSignal,
): Promise<Page<WebhookEndpointView>> {
  return api.get<Page<WebhookEndpointView>>('/webhook-endpoints', {
    query: { limit: WEBHOOK_ENDPOINTS_PAGE_SIZE, cursor },
    signal,
  });
}

/** The prefix of every endpoint and delivery-log query of a tenant; mutations invalidate it. */
export function webhookEndpointsQueryKey(tenantId: string) {
  return queryRoots.webhookEndpoints(tenantId);
}

export function getWebhookEndpointsQueryOptions(tenantId: string) {
  return infiniteQueryOptions({
    queryKey: [...webhookEndpointsQueryKey(tenantId), 'list'] as const,
    queryFn: ({ pageParam, signal }) => getWebhookEndpoints(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

export function useWebhookEndpoints() {
  return useInfiniteQuery(getWebhookEndpointsQueryOptions(useTenantId()));
}

/** A mutation of endpoints or deliveries: afterwards every list of them is fetched again. */
export function useWebhookEndpointMutation<TVariables, TResult>(
  mutationFn: (variables: TVariables) => Promise<TResult>,
) {
  const queryClient = useQueryClient();
  const tenantId = useTenantId();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: webhookEndpointsQueryKey(tenantId) }),
  });
}
