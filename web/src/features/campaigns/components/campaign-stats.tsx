import { Group, Paper, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import {
  FINAL_RECIPIENT_STATUSES,
  RecipientStatus,
  type CampaignStats,
  type CampaignView,
} from '@navaia/shared';
import { lazy, Suspense } from 'react';
import { Section } from '../../../components/ui/detail-parts';
import { ErrorState, LoadingState } from '../../../components/ui/query-states';
import { formatMoney } from '../../../lib/money';
import { isLiveCampaign, useCampaignStats } from '../api/get-campaigns';
import { CampaignProgress, RECIPIENT_STATUS_LABELS } from './campaign-labels';

const CampaignFunnel = lazy(() => import('./campaign-funnel'));

function Counter({ label, value }: { label: string; value: string | number }) {
  return (
    <Paper withBorder p="sm" radius="md" aria-label={`${label}: ${value}`}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600} size="lg">
        {value}
      </Text>
    </Paper>
  );
}

/** One sum per currency, largest first; amounts in different currencies are never added. */
const revenueText = (revenue: CampaignStats['revenue']) =>
  revenue.length === 0
    ? '—'
    : revenue.map((r) => formatMoney(r.amountCents, r.currency)).join(' · ');

export function doneOf(stats: CampaignStats): number {
  return FINAL_RECIPIENT_STATUSES.reduce((sum, status) => sum + (stats.byStatus[status] ?? 0), 0);
}

/** The campaign's numbers, kept current by the event stream (or polling) while it is dialling. */
export function CampaignStatsPanel({ campaign }: { campaign: CampaignView }) {
  const live = isLiveCampaign(campaign.status);
  const stats = useCampaignStats(campaign.id, live);

  if (stats.isPending) return <LoadingState label="Loading the numbers" />;
  if (stats.isError) {
    return (
      <ErrorState
        error={stats.error}
        title="Could not load the numbers"
        onRetry={() => void stats.refetch()}
      />
    );
  }
  const data = stats.data;
  return (
    <>
      <Section label="Progress" title="Progress">
        <CampaignProgress
          progress={{ total: data.total, done: doneOf(data) }}
          name={campaign.name}
          animated={live}
        />
        <Group gap="md" data-testid="recipient-counts">
          {Object.values(RecipientStatus).map((status) => (
            <Text key={status} size="xs" c="dimmed">
              {RECIPIENT_STATUS_LABELS[status]}: <strong>{data.byStatus[status] ?? 0}</strong>
            </Text>
          ))}
        </Group>
        <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }} spacing="sm">
          <Counter label="Calls placed" value={data.callsPlaced} />
          <Counter label="Answered" value={data.answered} />
          <Counter label="Voicemail" value={data.voicemail} />
          <Counter label="Tickets" value={data.ticketsCreated} />
          <Counter label="Bookings" value={data.bookingsCreated} />
          <Counter label="Booked revenue" value={revenueText(data.revenue)} />
        </SimpleGrid>
      </Section>
      <Section label="Outcome funnel" title="Outcome funnel">
        <Suspense fallback={<Skeleton h={200} radius="md" />}>
          <Stack>
            <CampaignFunnel stats={data} />
          </Stack>
        </Suspense>
      </Section>
    </>
  );
}
