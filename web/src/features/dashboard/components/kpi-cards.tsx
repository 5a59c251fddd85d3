import { Paper, SimpleGrid, Stack, Text, ThemeIcon, Group } from '@mantine/core';
import type { DashboardSummary } from '@navaia/shared';
import {
  IconCalendarEvent,
  IconCash,
  IconClock,
  IconPhone,
  IconPhoneCheck,
  IconTicket,
  IconTransform,
} from '@tabler/icons-react';
import type { ComponentType, ReactNode } from 'react';
import { formatMoney } from '../../../lib/money';

const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });
const count = new Intl.NumberFormat();

/** Seconds as `m:ss` (or `h:mm:ss`). */
export function formatDuration(seconds: number): string {
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

function KpiCard({
  title,
  icon: Icon,
  color,
  value,
  hint,
}: {
  title: string;
  icon: ComponentType<{ size?: number; stroke?: number }>;
  color: string;
  value: ReactNode;
  hint?: ReactNode;
}) {
  return (
    <Paper withBorder p="md" radius="md" role="group" aria-label={title}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {title}
          </Text>
          <Text fz={26} fw={700} lh={1.1} data-testid="kpi-value">
            {value}
          </Text>
        </Stack>
        <ThemeIcon variant="light" color={color} size="lg" radius="md">
          <Icon size={18} stroke={1.5} />
        </ThemeIcon>
      </Group>
      {hint && (
        <Text size="xs" c="dimmed" mt={6}>
          {hint}
        </Text>
      )}
    </Paper>
  );
}

const NO_CALLS = 'Fills in once the voice agent places or answers phone calls.';

/** The period's headline numbers; call figures show even before there are calls, and say why. */
export function KpiCards({ summary }: { summary: DashboardSummary }) {
  const { calls, tickets, bookings, revenue } = summary;
  const noCalls = calls.total === 0;
  const open = tickets.byStatus.open ?? 0;
  const inProgress = tickets.byStatus.in_progress ?? 0;

  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
      <KpiCard
        title="Calls"
        icon={IconPhone}
        color="indigo"
        value={count.format(calls.total)}
        hint={noCalls ? NO_CALLS : `${count.format(calls.answered)} answered`}
      />
      <KpiCard
        title="Answer rate"
        icon={IconPhoneCheck}
        color="teal"
        value={noCalls ? '—' : percent.format(calls.answerRate)}
        hint={noCalls ? NO_CALLS : `of ${count.format(calls.total)} calls`}
      />
      <KpiCard
        title="Average call"
        icon={IconClock}
        color="grape"
        value={noCalls ? '—' : formatDuration(calls.averageDurationSec)}
        hint={noCalls ? NO_CALLS : 'minutes:seconds per answered call'}
      />
      <KpiCard
        title="Calls → bookings"
        icon={IconTransform}
        color="orange"
        value={noCalls ? '—' : percent.format(summary.callToBookingConversion)}
        hint={noCalls ? NO_CALLS : 'bookings made on calls, per answered call'}
      />
      <KpiCard
        title="Tickets"
        icon={IconTicket}
        color="blue"
        value={count.format(tickets.total)}
        hint={`${count.format(open)} open · ${count.format(inProgress)} in progress`}
      />
      <KpiCard
        title="Bookings"
        icon={IconCalendarEvent}
        color="cyan"
        value={count.format(bookings.total)}
        hint={`${count.format(bookings.byStatus.confirmed ?? 0)} confirmed · ${count.format(
          bookings.byStatus.completed ?? 0,
        )} completed`}
      />
      <KpiCard
        title="Revenue"
        icon={IconCash}
        color="green"
        value={
          revenue.length === 0 ? (
            '—'
          ) : (
            <Stack gap={0}>
              {revenue.map((r) => (
                <span key={r.currency}>{formatMoney(r.amountCents, r.currency)}</span>
              ))}
            </Stack>
          )
        }
        hint={
          revenue.length === 0
            ? 'From confirmed and completed bookings; none in this period yet.'
            : 'From confirmed and completed bookings'
        }
      />
    </SimpleGrid>
  );
}
