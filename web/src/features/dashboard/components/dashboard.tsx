import '@mantine/charts/styles.css';
import { Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { BookingStatus, DashboardMetric, TicketStatus } from '@navaia/shared';
import { useState } from 'react';
import { PageHeader } from '../../../components/ui/page-header';
import { ErrorState, LoadingState } from '../../../components/ui/query-states';
import { useAuthenticatedSession } from '../../../lib/auth-store';
import {
  BOOKING_STATUS_COLORS,
  BOOKING_STATUS_LABELS,
  TICKET_STATUS_COLORS,
  TICKET_STATUS_LABELS,
} from '../../../lib/status-labels';
import { formatDay, todayInZone } from '../../../lib/tenant-time';
import { useDashboardSummary } from '../api/get-dashboard-summary';
import { daysIn, toPeriod, useDashboardRange } from './dashboard-range';
import { KpiCards } from './kpi-cards';
import { RangePicker } from './range-picker';
import { StatusBreakdown } from './status-breakdown';
import { TimeseriesChart } from './timeseries-chart';

const shade = (color: string) => `${color}.6`;

/** The organisation's activity over a period, in its own time zone. */
export function Dashboard() {
  const { tenant } = useAuthenticatedSession();
  const zone = tenant.timezone;
  const { range, choosePreset, chooseDays, chooseInterval } = useDashboardRange(zone);
  const period = toPeriod(range, zone);
  const summary = useDashboardSummary(period);
  const [chosenCurrency, setChosenCurrency] = useState<string | null>(null);
  const currencies = summary.data?.revenue.map((r) => r.currency) ?? [];
  // The period's biggest currency unless the user picked another that still has revenue.
  const currency =
    chosenCurrency && currencies.includes(chosenCurrency) ? chosenCurrency : currencies[0];

  const days = daysIn(range);
  const periodText =
    range.firstDay === range.lastDay
      ? formatDay(range.firstDay, { day: 'numeric', month: 'long', year: 'numeric' })
      : `${formatDay(range.firstDay, { day: 'numeric', month: 'short' })} – ${formatDay(
          range.lastDay,
          { day: 'numeric', month: 'short', year: 'numeric' },
        )} (${days} days)`;

  let kpis;
  if (summary.isPending) kpis = <LoadingState label="Loading the figures" />;
  else if (summary.isError) {
    kpis = (
      <ErrorState
        error={summary.error}
        title="Could not load the figures"
        onRetry={() => void summary.refetch()}
      />
    );
  } else kpis = <KpiCards summary={summary.data} />;

  const ticketSlices = Object.values(TicketStatus).map((status) => ({
    status,
    label: TICKET_STATUS_LABELS[status],
    color: shade(TICKET_STATUS_COLORS[status]),
    value: summary.data?.tickets.byStatus[status] ?? 0,
  }));
  const bookingSlices = Object.values(BookingStatus).map((status) => ({
    status,
    label: BOOKING_STATUS_LABELS[status],
    color: shade(BOOKING_STATUS_COLORS[status]),
    value: summary.data?.bookings.byStatus[status] ?? 0,
  }));

  return (
    <Stack gap="md">
      <PageHeader
        title="Dashboard"
        description={
          <>
            {periodText} · {zone}
          </>
        }
        actions={
          <RangePicker
            range={range}
            today={todayInZone(zone)}
            onPreset={choosePreset}
            onDays={chooseDays}
            onInterval={chooseInterval}
          />
        }
      />
      <div style={{ opacity: summary.isPlaceholderData ? 0.6 : 1 }}>{kpis}</div>
      {summary.isSuccess && (
        <>
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
            <StatusBreakdown
              title="Tickets by status"
              testId="tickets-by-status"
              slices={ticketSlices}
              empty={{
                title: 'No tickets in this period',
                text: 'Tickets appear here when operators or the voice agent create them for a customer.',
              }}
            />
            <StatusBreakdown
              title="Bookings by status"
              testId="bookings-by-status"
              slices={bookingSlices}
              empty={{
                title: 'No bookings in this period',
                text: 'Bookings appear here when operators or the voice agent book a customer in.',
              }}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
            <TimeseriesChart
              metric={DashboardMetric.Tickets}
              period={period}
              interval={range.interval}
            />
            <TimeseriesChart
              metric={DashboardMetric.Bookings}
              period={period}
              interval={range.interval}
            />
            <TimeseriesChart
              metric={DashboardMetric.Revenue}
              period={period}
              interval={range.interval}
              currencies={currencies}
              currency={currency}
              onCurrencyChange={setChosenCurrency}
            />
            <TimeseriesChart
              metric={DashboardMetric.Calls}
              period={period}
              interval={range.interval}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Text size="xs" c="dimmed">
              Figures count records created in the period; statuses are as they are now.
            </Text>
          </Group>
        </>
      )}
    </Stack>
  );
}
