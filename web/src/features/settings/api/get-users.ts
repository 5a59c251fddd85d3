import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { Page, UserView } from '@navaia/shared';
import { api } from '../../../lib/api-client';
import { useTenantId } from '../../../lib/auth-store';

export const USERS_PAGE_SIZE = 50;

export interface GetUsersParams {
  limit?: number;
  cursor?: string | null;
}

export function getUsers(
  { limit = USERS_PAGE_SIZE, cursor }: GetUsersParams = {},
  signal?: AbortSignal,
): Promise<Page<UserView>> {
  return api.get<Page<UserView>>('/users', { query: { limit, cursor }, signal });
}

/** The prefix of every users query of a tenant; mutations invalidate through it. */
export function usersQueryKey(tenantId: string) {
  return [tenantId, 'users'] as const;
}

export function getUsersQueryOptions(tenantId: string, { limit = USERS_PAGE_SIZE } = {}) {
  return infiniteQueryOptions({
    queryKey: [...usersQueryKey(tenantId), { limit }] as const,
    queryFn: ({ pageParam, signal }) => getUsers({ limit, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

export function useUsers() {
  return useInfiniteQuery(getUsersQueryOptions(useTenantId()));
}
