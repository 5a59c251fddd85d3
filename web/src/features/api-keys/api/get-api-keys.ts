import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { ApiKeyView, Page } from '@navaia/shared';
import { api } from '../../../lib/api-client';
import { useTenantId } from '../../../lib/auth-store';
import { queryRoots } from '../../../lib/query-keys';

export const API_KEYS_PAGE_SIZE = 50;

export function getApiKeys(
  cursor: string | null,
  limit = API_KEYS_PAGE_SIZE,
  signal?: AbortSignal,
): Promise<Page<ApiKeyView>> {
  return api.get<Page<ApiKeyView>>('/api-keys', { query: { limit, cursor }, signal });
}

export function getApiKeysQueryOptions(tenantId: string) {
  return infiniteQueryOptions({
    queryKey: [...queryRoots.apiKeys(tenantId), 'list'] as const,
    queryFn: ({ pageParam, signal }) => getApiKeys(pageParam, API_KEYS_PAGE_SIZE, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

/** The organisation's keys, newest first; only admins may list them. */
export function useApiKeys({ enabled = true } = {}) {
  return useInfiniteQuery({ ...getApiKeysQueryOptions(useTenantId()), enabled });
}
