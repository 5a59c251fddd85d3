import { DonutChart } from '@mantine/charts';
import { Group, Stack, Text, ColorSwatch } from '@mantine/core';
import { ChartCard } from './chart-card';

export interface StatusSlice {
  status: string;
  label: string;
  color: string;
  value: number;
}

/**
 * Records of the period by their current status: a donut, and the same numbers as a list
 * (readable without the chart, and by screen readers).
 */
export function StatusBreakdown({
  title,
  slices,
  empty,
  testId,
}: {
  title: string;
  slices: StatusSlice[];
  empty: { title: string; text: string };
  testId: string;
}) {
  const total = slices.reduce((sum, slice) => sum + slice.value, 0);
  return (
    <ChartCard
      title={title}
      description="Created in the period, by their status now"
      state={total === 0 ? 'empty' : 'ready'}
      empty={empty}
    >
      <Group justify="space-around" align="center" wrap="wrap" gap="lg">
        <DonutChart
          size={170}
          thickness={26}
          withTooltip
          tooltipDataSource="segment"
          chartLabel={total}
          data={slices
            .filter((slice) => slice.value > 0)
            .map((slice) => ({ name: slice.label, value: slice.value, color: slice.color }))}
        />
        <Stack
          gap={6}
          component="ul"
          data-testid={testId}
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
        >
          {slices.map((slice) => (
            <Group
              key={slice.status}
              component="li"
              gap="xs"
              wrap="nowrap"
              aria-label={`${slice.label}: ${slice.value}`}
            >
              <ColorSwatch
                color={`var(--mantine-color-${slice.color.replace('.', '-')})`}
                size={12}
              />
              <Text size="sm" w={100}>
                {slice.label}
              </Text>
              <Text size="sm" fw={600} data-status={slice.status}>
                {slice.value}
              </Text>
            </Group>
          ))}
        </Stack>
      </Group>
    </ChartCard>
  );
}
