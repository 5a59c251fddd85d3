import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { AuditAction, AuditActorType, AuditEntryView, Page } from '@navaia/shared';
import { api } from '../../../lib/api-client';
import { useTenantId } from '../../../lib/auth-store';
import { queryRoots } from '../../../lib/query-keys';

export const AUDIT_PAGE_SIZE = 50;

export interface AuditFilters {
  actorType?: AuditActorType;
  actorId?: string;
  entityType?: string;
  entityId?: string;
  action?: AuditAction[];
  /** ISO-8601, inclusive. */
  from?: string;
  /** ISO-8601, exclusive. */
  to?: string;
}

export interface GetAuditLogParams extends AuditFilters {
  cursor?: string | null;
  limit?: number;
}

export function getAuditLog(
  { limit = AUDIT_PAGE_SIZE, action, ...params }: GetAuditLogParams,
  signal?: AbortSignal,
): Promise<Page<AuditEntryView>> {
  return api.get<Page<AuditEntryView>>('/audit-log', {
    query: { limit, action: action?.length ? action.join(',') : undefined, ...params },
    signal,
  });
}

export function getAuditLogQueryOptions(tenantId: string, params: GetAuditLogParams) {
  return queryOptions({
    queryKey: [...queryRoots.auditLog(tenantId), params] as const,
    queryFn: ({ signal }) => getAuditLog(params, signal),
  });
}

/** One page, newest first; the previous page stays on screen while the next one loads. */
export function useAuditLog(params: GetAuditLogParams) {
  return useQuery({
    ...getAuditLogQueryOptions(useTenantId(), params),
    placeholderData: keepPreviousData,
  });
}
