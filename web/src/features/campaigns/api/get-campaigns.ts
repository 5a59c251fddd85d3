import {
  infiniteQueryOptions,
  keepPreviousData,
  queryOptions,
  useInfiniteQuery,
  useQuery,
} from '@tanstack/react-query';
import {
  CampaignStatus,
  type CampaignStats,
  type CampaignView,
  type Page,
  type RecipientStatus,
  type RecipientView,
} from '@navaia/shared';
import { api } from '../../../lib/api-client';
import { useTenantId } from '../../../lib/auth-store';
import { queryRoots } from '../../../lib/query-keys';
import { useStreamConnected } from './stream-connections';

export const CAMPAIGNS_PAGE_SIZE = 25;
export const RECIPIENTS_PAGE_SIZE = 50;

/**
 * How often a campaign that is dialling (or about to) asks for its numbers again, while its
 * event stream is not connected (the list always polls).
 */
export const LIVE_CAMPAIGN_POLL_MS = 1500;

/** While dialling or waiting for its start, a campaign's numbers move on their own. */
export function isLiveCampaign(status: CampaignStatus | undefined): boolean {
  return status === CampaignStatus.Running || status === CampaignStatus.Scheduled;
}

const list = (values?: readonly string[]) =>
  values && values.length ? values.join(',') : undefined;
const campaignPath = (id: string) => `/campaigns/${encodeURIComponent(id)}`;

/** The prefix of every campaign query of a tenant; mutations invalidate through it. */
export function campaignsQueryKey(tenantId: string) {
  return queryRoots.campaigns(tenantId);
}

export function getCampaigns(
  status: readonly CampaignStatus[] = [],
  cursor: string | null = null,
  signal?: AbortSignal,
): Promise<Page<CampaignView>> {
  return api.get<Page<CampaignView>>('/campaigns', {
    query: { limit: CAMPAIGNS_PAGE_SIZE, cursor, status: list(status) },
    signal,
  });
}

const anyLive = (pages: Page<CampaignView>[] | undefined) =>
  pages?.some((page) => page.data.some((campaign) => isLiveCampaign(campaign.status)))
    ? LIVE_CAMPAIGN_POLL_MS
    : false;

export function useCampaigns(status: readonly CampaignStatus[]) {
  const tenantId = useTenantId();
  return useInfiniteQuery({
    ...infiniteQueryOptions({
      queryKey: [...campaignsQueryKey(tenantId), 'list', status] as const,
      queryFn: ({ pageParam, signal }) => getCampaigns(status, pageParam, signal),
      initialPageParam: null as string | null,
      getNextPageParam: (lastPage) => lastPage.nextCursor,
      // Progress bars of campaigns under way follow them.
      refetchInterval: (query) => anyLive(query.state.data?.pages),
    }),
    placeholderData: keepPreviousData,
  });
}

export function campaignQueryKey(tenantId: string, id: string) {
  return [...campaignsQueryKey(tenantId), 'detail', id] as const;
}

// `live` in the key: when the dialer finishes, the final numbers are read once more.
export function campaignStatsQueryKey(tenantId: string, id: string, live: boolean) {
  return [...campaignsQueryKey(tenantId), 'stats', id, live] as const;
}

/** The prefix of every recipients query of a campaign (any status filter, live or not). */
export function campaignRecipientsQueryKey(tenantId: string, id: string) {
  return [...campaignsQueryKey(tenantId), 'recipients', id] as const;
}

/** `poll`: false while the campaign's event stream keeps it up to date. */
export function getCampaignQueryOptions(tenantId: string, id: string, poll = true) {
  return queryOptions({
    queryKey: campaignQueryKey(tenantId, id),
    queryFn: ({ signal }) => api.get<CampaignView>(campaignPath(id), { signal }),
    refetchInterval: (query) =>
      poll && isLiveCampaign(query.state.data?.status) ? LIVE_CAMPAIGN_POLL_MS : false,
  });
}

export function useCampaign(id: string) {
  const streaming = useStreamConnected(id);
  return useQuery(getCampaignQueryOptions(useTenantId(), id, !streaming));
}

/** The counters of a campaign; polled while it is dialling and not streamed, else read once. */
export function useCampaignStats(id: string, live: boolean) {
  const tenantId = useTenantId();
  const streaming = useStreamConnected(id);
  return useQuery({
    queryKey: campaignStatsQueryKey(tenantId, id, live),
    queryFn: ({ signal }) => api.get<CampaignStats>(`${campaignPath(id)}/stats`, { signal }),
    refetchInterval: live && !streaming ? LIVE_CAMPAIGN_POLL_MS : false,
    placeholderData: keepPreviousData,
  });
}

export function getRecipients(
  id: string,
  status: readonly RecipientStatus[] = [],
  cursor: string | null = null,
  signal?: AbortSignal,
): Promise<Page<RecipientView>> {
  return api.get<Page<RecipientView>>(`${campaignPath(id)}/recipients`, {
    query: { limit: RECIPIENTS_PAGE_SIZE, cursor, status: list(status) },
    signal,
  });
}

export function useRecipients(id: string, status: readonly RecipientStatus[], live: boolean) {
  const tenantId = useTenantId();
  // A connected stream refreshes the table itself when the progress moves.
  const streaming = useStreamConnected(id);
  return useInfiniteQuery({
    queryKey: [...campaignRecipientsQueryKey(tenantId, id), status, live] as const,
    queryFn: ({ pageParam, signal }) => getRecipients(id, status, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    // Slower than the counters: every loaded page is read again.
    refetchInterval: live && !streaming ? LIVE_CAMPAIGN_POLL_MS * 2 : false,
    placeholderData: keepPreviousData,
  });
}

export function useCustomerCampaigns(customerId: string) {
  const tenantId = useTenantId();
  return useInfiniteQuery({
    queryKey: [...campaignsQueryKey(tenantId), 'by-customer', customerId] as const,
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<CampaignView>>(`/customers/${encodeURIComponent(customerId)}/campaigns`, {
        query: { limit: 20, cursor: pageParam },
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}
