import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { DashboardInterval, DashboardMetric, DashboardTimeseries } from '@navaia/shared';
import { api } from '../../../lib/api-client';
import { useTenantId } from '../../../lib/auth-store';
import { dashboardQueryKey, type DashboardPeriod } from './get-dashboard-summary';

export interface TimeseriesParams extends DashboardPeriod {
  metric: DashboardMetric;
  interval: DashboardInterval;
  /** Revenue only: the currency of the amounts (the API's default is the tenant's main one). */
  currency?: string;
}

export function getDashboardTimeseries(
  params: TimeseriesParams,
  signal?: AbortSignal,
): Promise<DashboardTimeseries> {
  return api.get<DashboardTimeseries>('/dashboard/timeseries', { query: { ...params }, signal });
}

export function getDashboardTimeseriesQueryOptions(tenantId: string, params: TimeseriesParams) {
  return queryOptions({
    queryKey: [...dashboardQueryKey(tenantId), 'timeseries', params] as const,
    queryFn: ({ signal }) => getDashboardTimeseries(params, signal),
  });
}

export function useDashboardTimeseries(params: TimeseriesParams, enabled = true) {
  return useQuery({
    ...getDashboardTimeseriesQueryOptions(useTenantId(), params),
    enabled,
    placeholderData: keepPreviousData,
  });
}
