import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { DashboardSummary } from '@navaia/shared';
import { api } from '../../../lib/api-client';
import { useTenantId } from '../../../lib/auth-store';
import { queryRoots } from '../../../lib/query-keys';

export interface DashboardPeriod {
  /** ISO-8601 with offset; inclusive. */
  from: string;
  /** ISO-8601 with offset; exclusive. */
  to: string;
}

export function getDashboardSummary(
  { from, to }: DashboardPeriod,
  signal?: AbortSignal,
): Promise<DashboardSummary> {
  return api.get<DashboardSummary>('/dashboard/summary', { query: { from, to }, signal });
}

/** The prefix of every dashboard query of a tenant; ticket and booking changes invalidate it. */
export function dashboardQueryKey(tenantId: string) {
  return queryRoots.dashboard(tenantId);
}

export function getDashboardSummaryQueryOptions(tenantId: string, period: DashboardPeriod) {
  return queryOptions({
    queryKey: [...dashboardQueryKey(tenantId), 'summary', period] as const,
    queryFn: ({ signal }) => getDashboardSummary(period, signal),
  });
}

export function useDashboardSummary(period: DashboardPeriod) {
  return useQuery({
    ...getDashboardSummaryQueryOptions(useTenantId(), period),
    placeholderData: keepPreviousData,
  });
}
