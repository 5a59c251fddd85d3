import { queryOptions, useQuery } from '@tanstack/react-query';
import type { MemberView } from '@navaia/shared';
import { api } from '../../../lib/api-client';
import { useTenantId } from '../../../lib/auth-store';
import { queryRoots } from '../../../lib/query-keys';

/** Everyone on the team, for every role: who a ticket can be assigned to. */
export function getMembers(signal?: AbortSignal): Promise<MemberView[]> {
  return api.get<MemberView[]>('/tenant/members', { signal });
}

export function getMembersQueryOptions(tenantId: string) {
  return queryOptions({
    queryKey: queryRoots.members(tenantId),
    queryFn: ({ signal }) => getMembers(signal),
    // The team changes rarely; every ticket row would otherwise refetch it.
    staleTime: 5 * 60_000,
  });
}

export function useMembers() {
  return useQuery(getMembersQueryOptions(useTenantId()));
}
