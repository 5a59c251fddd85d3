import {
  ActionIcon,
  Alert,
  Box,
  Button,
  Group,
  Paper,
  Stack,
  Text,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { BookingStatus, type BookingView } from '@navaia/shared';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useMemo, type MouseEvent } from 'react';
import { Link } from 'react-router';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/query-states';
import { useAuthenticatedSession } from '../../../lib/auth-store';
import {
  addDays,
  dateInZone,
  formatDay,
  formatInZone,
  mondayOf,
  startOfDayInZone,
  todayInZone,
} from '../../../lib/tenant-time';
import { useBookingsBetween } from '../api/get-bookings-between';
import { BOOKING_STATUS_COLORS, BOOKING_STATUS_LABELS } from './booking-labels';
import { placeDay, visibleHours, type PlacedBooking } from './week-layout';

const HOUR_PX = 48;
const TIME: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };
const pad = (n: number) => String(n).padStart(2, '0');

/** An hour of the day in the viewer's locale ("9 AM", "09 Uhr"); the zone plays no part. */
const hourLabel = (hour: number) =>
  formatInZone(new Date(Date.UTC(2000, 0, 1, hour)).toISOString(), 'UTC', { hour: 'numeric' });

function BookingBlock({
  item,
  firstHour,
  zone,
}: {
  item: PlacedBooking;
  firstHour: number;
  zone: string;
}) {
  const { booking } = item;
  const color = BOOKING_STATUS_COLORS[booking.status] ?? 'gray';
  const ended = [BookingStatus.Cancelled, BookingStatus.NoShow].includes(booking.status);
  const time = formatInZone(booking.startsAt, zone, TIME);
  const who = booking.customer?.displayName ?? 'Unknown customer';
  const label = `${time} ${booking.service}, ${who}, ${BOOKING_STATUS_LABELS[booking.status]}`;
  return (
    <UnstyledButton
      component={Link}
      to={`/bookings/${booking.id}`}
      aria-label={label}
      title={label}
      data-testid="calendar-booking"
      style={{
        position: 'absolute',
        top: ((item.start - firstHour * 60) / 60) * HOUR_PX,
        height: Math.max(((item.end - item.start) / 60) * HOUR_PX - 2, 18),
        left: `calc(${(item.lane / item.lanes) * 100}% + 2px)`,
        width: `calc(${100 / item.lanes}% - 4px)`,
        overflow: 'hidden',
        padding: '2px 6px',
        borderRadius: 4,
        borderLeft: `3px solid var(--mantine-color-${color}-6)`,
        background: `var(--mantine-color-${color}-0)`,
        opacity: ended ? 0.6 : 1,
        textDecoration: booking.status === BookingStatus.Cancelled ? 'line-through' : undefined,
        zIndex: 1,
      }}
    >
      <Text size="xs" fw={600} lh={1.2} truncate>
        {time} {booking.service}
      </Text>
      <Text size="xs" c="dimmed" lh={1.2} truncate>
        {who}
      </Text>
    </UnstyledButton>
  );
}

export interface WeekCalendarProps {
  /** The Monday (`YYYY-MM-DD`, in the tenant's zone) of the week shown. */
  week: string;
  onWeekChange: (monday: string) => void;
  status?: BookingStatus[];
  /** A click on an empty slot: a booking could start there (wall-clock time, tenant zone). */
  onSlotClick?: (startsAt: string) => void;
}

/** Seven days, Monday to Sunday in the tenant's time zone, bookings placed by their times. */
export function WeekCalendar({ week, onWeekChange, status, onSlotClick }: WeekCalendarProps) {
  const { tenant } = useAuthenticatedSession();
  const zone = tenant.timezone;
  const days = useMemo(() => Array.from({ length: 7 }, (_, i) => addDays(week, i)), [week]);
  const from = startOfDayInZone(week, zone);
  const to = startOfDayInZone(addDays(week, 7), zone);
  const result = useBookingsBetween({ from, to, status });
  const today = todayInZone(zone);

  const placed = useMemo(() => {
    const byDay = new Map<string, BookingView[]>(days.map((day) => [day, []]));
    for (const booking of result.data?.bookings ?? []) {
      byDay.get(dateInZone(booking.startsAt, zone))?.push(booking);
    }
    return new Map(days.map((day) => [day, placeDay(byDay.get(day) ?? [], zone)]));
  }, [result.data, days, zone]);
  const hours = visibleHours([...placed.values()].flat());
  const count = result.data?.bookings.length ?? 0;

  const slotAt = (day: string) => (event: MouseEvent<HTMLDivElement>) => {
    if (!onSlotClick || event.target !== event.currentTarget) return;
    const y = event.clientY - event.currentTarget.getBoundingClientRect().top;
    const minutes = hours.first * 60 + Math.floor((y / HOUR_PX) * 2) * 30;
    onSlotClick(`${day} ${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}:00`);
  };

  const title = `${formatDay(days[0], { day: 'numeric', month: 'short' })} – ${formatDay(days[6], {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  })}`;

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Group gap="xs">
          <Tooltip label="Previous week">
            <ActionIcon
              variant="default"
              aria-label="Previous week"
              onClick={() => onWeekChange(addDays(week, -7))}
            >
              <IconChevronLeft size={16} />
            </ActionIcon>
          </Tooltip>
          <Button
            variant="default"
            size="xs"
            disabled={mondayOf(today) === week}
            onClick={() => onWeekChange(mondayOf(today))}
          >
            This week
          </Button>
          <Tooltip label="Next week">
            <ActionIcon
              variant="default"
              aria-label="Next week"
              onClick={() => onWeekChange(addDays(week, 7))}
            >
              <IconChevronRight size={16} />
            </ActionIcon>
          </Tooltip>
          <Text fw={600} aria-live="polite" data-testid="calendar-week">
            {title}
          </Text>
        </Group>
        <Text size="sm" c="dimmed">
          {result.isSuccess && `${count} ${count === 1 ? 'booking' : 'bookings'} · `}
          Times in {zone}
        </Text>
      </Group>

      {result.data?.truncated && (
        <Alert color="yellow">
          This week has more bookings than the calendar can show; use the table to see them all.
        </Alert>
      )}

      {result.isPending ? (
        <LoadingState label="Loading the week's bookings" />
      ) : result.isError ? (
        <ErrorState
          error={result.error}
          title="Could not load this week's bookings"
          onRetry={() => void result.refetch()}
        />
      ) : (
        <Paper withBorder radius="md" style={{ overflowX: 'auto' }}>
          <Box
            style={{
              display: 'grid',
              gridTemplateColumns: '52px repeat(7, minmax(110px, 1fr))',
              minWidth: 52 + 7 * 110,
            }}
          >
            <div />
            {days.map((day) => (
              <Box
                key={day}
                p={6}
                ta="center"
                style={{ borderLeft: '1px solid var(--mantine-color-gray-3)' }}
                bg={day === today ? 'var(--mantine-color-indigo-0)' : undefined}
              >
                <Text size="sm" fw={day === today ? 700 : 500}>
                  {formatDay(day)}
                </Text>
              </Box>
            ))}

            <Box style={{ position: 'relative', height: (hours.last - hours.first) * HOUR_PX }}>
              {Array.from({ length: hours.last - hours.first }, (_, i) => (
                <Text
                  key={i}
                  size="xs"
                  c="dimmed"
                  style={{ position: 'absolute', top: i * HOUR_PX - 7, right: 6 }}
                >
                  {i === 0 ? '' : hourLabel(hours.first + i)}
                </Text>
              ))}
            </Box>
            {days.map((day) => (
              <Box
                key={day}
                role="group"
                aria-label={formatDay(day, { weekday: 'long', day: 'numeric', month: 'long' })}
                data-testid={`calendar-day-${day}`}
                onClick={slotAt(day)}
                style={{
                  position: 'relative',
                  height: (hours.last - hours.first) * HOUR_PX,
                  borderLeft: '1px solid var(--mantine-color-gray-3)',
                  borderTop: '1px solid var(--mantine-color-gray-3)',
                  cursor: onSlotClick ? 'copy' : undefined,
                  backgroundImage: `repeating-linear-gradient(to bottom, transparent 0, transparent ${
                    HOUR_PX - 1
                  }px, var(--mantine-color-gray-2) ${HOUR_PX - 1}px, var(--mantine-color-gray-2) ${HOUR_PX}px)`,
                }}
              >
                {placed.get(day)?.map((item) => (
                  <BookingBlock
                    key={item.booking.id}
                    item={item}
                    firstHour={hours.first}
                    zone={zone}
                  />
                ))}
              </Box>
            ))}
          </Box>
        </Paper>
      )}
      {result.isSuccess && count === 0 && (
        <EmptyState title="No bookings this week">
          Bookings appear here when operators or the voice agent book a customer in.
          {onSlotClick ? ' Click a time to add one.' : ''}
        </EmptyState>
      )}
    </Stack>
  );
}
