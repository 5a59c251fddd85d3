import { AreaChart, BarChart } from '@mantine/charts';
import { Select } from '@mantine/core';
import { DashboardMetric, type DashboardInterval } from '@navaia/shared';
import { useMemo } from 'react';
import { useAuthenticatedSession } from '../../../lib/auth-store';
import { formatMoney, fromMinorUnits, toMinorUnits } from '../../../lib/money';
import { formatInZone } from '../../../lib/tenant-time';
import type { DashboardPeriod } from '../api/get-dashboard-summary';
import { useDashboardTimeseries } from '../api/get-dashboard-timeseries';
import { CHART_HEIGHT, ChartCard } from './chart-card';

const count = new Intl.NumberFormat();

interface MetricLook {
  title: string;
  description: string;
  color: string;
  kind: 'bar' | 'area';
  empty: { title: string; text: string };
}

const LOOKS: Record<DashboardMetric, MetricLook> = {
  [DashboardMetric.Tickets]: {
    title: 'Tickets over time',
    description: 'Tickets created',
    color: 'blue.6',
    kind: 'bar',
    empty: {
      title: 'No tickets in this period',
      text: 'Tickets appear here when operators or the voice agent create them for a customer.',
    },
  },
  [DashboardMetric.Bookings]: {
    title: 'Bookings over time',
    description: 'Bookings made',
    color: 'cyan.6',
    kind: 'bar',
    empty: {
      title: 'No bookings in this period',
      text: 'Bookings appear here when operators or the voice agent book a customer in.',
    },
  },
  [DashboardMetric.Revenue]: {
    title: 'Revenue over time',
    description: 'Confirmed and completed bookings, by the day they were made',
    color: 'green.6',
    kind: 'area',
    empty: {
      title: 'No revenue in this period',
      text: 'Revenue appears here once bookings with an amount are confirmed or completed.',
    },
  },
  [DashboardMetric.Calls]: {
    title: 'Calls over time',
    description: 'Phone calls placed and received',
    color: 'indigo.6',
    kind: 'area',
    empty: {
      title: 'No calls in this period',
      text: 'Calls appear here once the voice agent places or answers phone calls.',
    },
  },
};

/** One metric per day or week of the tenant's calendar. */
export function TimeseriesChart({
  metric,
  period,
  interval,
  currencies = [],
  currency,
  onCurrencyChange,
}: {
  metric: DashboardMetric;
  period: DashboardPeriod;
  interval: DashboardInterval;
  /** Revenue: the currencies with revenue in the period (from the summary). */
  currencies?: string[];
  currency?: string;
  onCurrencyChange?: (currency: string) => void;
}) {
  const { tenant } = useAuthenticatedSession();
  const look = LOOKS[metric];
  const isRevenue = metric === DashboardMetric.Revenue;
  // Revenue without any in the period would be a chart of zeros in a guessed currency.
  const enabled = !isRevenue || Boolean(currency);
  const series = useDashboardTimeseries({ metric, interval, ...period, currency }, enabled);

  const unit = series.data?.currency ?? currency ?? 'USD';
  const data = useMemo(() => {
    const points = series.data?.points ?? [];
    const label = (at: string) => {
      const day = formatInZone(at, tenant.timezone, { day: 'numeric', month: 'short' });
      return series.data?.interval === 'week' ? `Week of ${day}` : day;
    };
    return points.map((point) => ({
      at: label(point.at),
      value: isRevenue ? fromMinorUnits(point.value, unit) : point.value,
    }));
  }, [series.data, tenant.timezone, isRevenue, unit]);

  const valueFormatter = isRevenue
    ? (value: number) => formatMoney(toMinorUnits(value, unit), unit)
    : (value: number) => count.format(value);

  const state = !enabled
    ? 'empty'
    : series.isPending
      ? 'loading'
      : series.isError
        ? 'error'
        : data.every((point) => point.value === 0)
          ? 'empty'
          : 'ready';

  return (
    <ChartCard
      title={look.title}
      description={look.description}
      state={state}
      error={series.error}
      onRetry={() => void series.refetch()}
      empty={look.empty}
      actions={
        isRevenue && currencies.length > 1 ? (
          <Select
            aria-label="Revenue currency"
            size="xs"
            w={90}
            allowDeselect={false}
            data={currencies}
            value={currency ?? null}
            onChange={(value) => value && onCurrencyChange?.(value)}
          />
        ) : undefined
      }
    >
      {look.kind === 'bar' ? (
        <BarChart
          h={CHART_HEIGHT}
          data={data}
          dataKey="at"
          series={[{ name: 'value', label: look.description, color: look.color }]}
          valueFormatter={valueFormatter}
          tickLine="y"
          gridAxis="y"
        />
      ) : (
        <AreaChart
          h={CHART_HEIGHT}
          data={data}
          dataKey="at"
          series={[{ name: 'value', label: look.description, color: look.color }]}
          valueFormatter={valueFormatter}
          curveType="monotone"
          // A dot per day crowds a month; weeks and short ranges keep them.
          withDots={data.length <= 16}
          tickLine="y"
          gridAxis="y"
        />
      )}
    </ChartCard>
  );
}
