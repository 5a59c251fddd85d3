import '@mantine/charts/styles.css';
import { FunnelChart } from '@mantine/charts';
import { Group, Stack, Text } from '@mantine/core';
import type { CampaignStats } from '@navaia/shared';

/** Its own chunk: the charts library loads only when a campaign page shows the funnel. */
export default function CampaignFunnel({ stats }: { stats: CampaignStats }) {
  const stages = [
    { name: 'Dialled', value: stats.callsPlaced, color: 'indigo.6' },
    { name: 'Answered', value: stats.answered, color: 'blue.6' },
    { name: 'Tickets', value: stats.ticketsCreated, color: 'teal.6' },
    { name: 'Bookings', value: stats.bookingsCreated, color: 'green.6' },
  ];
  return (
    <Group justify="space-around" align="center" wrap="wrap" gap="lg">
      {stats.callsPlaced > 0 ? (
        <FunnelChart data={stages} size={200} withTooltip withLabels />
      ) : (
        <Text size="sm" c="dimmed">
          The funnel fills once the first call is placed.
        </Text>
      )}
      <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {stages.map((stage) => (
          <Text
            key={stage.name}
            component="li"
            size="sm"
            aria-label={`${stage.name}: ${stage.value}`}
          >
            {stage.name}: <strong>{stage.value}</strong>
          </Text>
        ))}
      </Stack>
    </Group>
  );
}
