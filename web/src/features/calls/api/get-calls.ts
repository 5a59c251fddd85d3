import {
  infiniteQueryOptions,
  keepPreviousData,
  useInfiniteQuery,
  type InfiniteData,
} from '@tanstack/react-query';
import {
  isFinalCallStatus,
  type CallDirection,
  type CallStatus,
  type CallView,
  type Page,
} from '@navaia/shared';
import { api, type QueryParams } from '../../../lib/api-client';
import { useTenantId } from '../../../lib/auth-store';
import { queryRoots } from '../../../lib/query-keys';

export const CALLS_PAGE_SIZE = 25;

/** How often a list with a call still under way asks again. */
export const LIVE_LIST_POLL_MS = 2000;

export interface CallFilters {
  status?: CallStatus[];
  direction?: CallDirection;
  customerId?: string;
  campaignId?: string;
  /** Calls queued at or after this instant (ISO-8601 with offset). */
  from?: string;
  /** Calls queued before this instant. */
  to?: string;
}

/** The query string of a calls page; several statuses travel comma-separated. */
export function callsQuery(
  { status, ...filters }: CallFilters,
  cursor: string | null = null,
  limit = CALLS_PAGE_SIZE,
): QueryParams {
  return {
    limit,
    cursor,
    status: status && status.length ? status.join(',') : undefined,
    ...filters,
  };
}

export function getCalls(
  filters: CallFilters = {},
  cursor: string | null = null,
  signal?: AbortSignal,
): Promise<Page<CallView>> {
  return api.get<Page<CallView>>('/calls', { query: callsQuery(filters, cursor), signal });
}

/** The prefix of every calls query of a tenant; mutations invalidate through it. */
export function callsQueryKey(tenantId: string) {
  return queryRoots.calls(tenantId);
}

/** Lists poll while any loaded call has not ended, so their chips follow it live. */
export function listPollInterval(data: InfiniteData<Page<CallView>> | undefined): number | false {
  const live = data?.pages.some((page) =>
    page.data.some((call) => !isFinalCallStatus(call.status)),
  );
  return live ? LIVE_LIST_POLL_MS : false;
}

export function getCallsQueryOptions(tenantId: string, filters: CallFilters = {}) {
  return infiniteQueryOptions({
    queryKey: [...callsQueryKey(tenantId), 'list', filters] as const,
    queryFn: ({ pageParam, signal }) => getCalls(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    refetchInterval: (query) => listPollInterval(query.state.data),
  });
}

/** Newest first, "load more" by cursor; the previous results stay while new filters load. */
export function useCalls(filters: CallFilters) {
  return useInfiniteQuery({
    ...getCallsQueryOptions(useTenantId(), filters),
    placeholderData: keepPreviousData,
  });
}
