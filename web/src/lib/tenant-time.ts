import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

/** A wall-clock time as Mantine's date pickers hand it over: `YYYY-MM-DD HH:mm:ss`. */
export type WallClock = string;

const WALL_CLOCK = 'YYYY-MM-DD HH:mm:ss';
/** Always a numeric offset (`+00:00`, never `Z`), so every time reads the same way. */
export const ISO_WITH_OFFSET = 'YYYY-MM-DDTHH:mm:ssZ';

/**
 * A wall-clock time read in `zone` (the tenant's), as ISO-8601 with that zone's offset at that
 * moment: `2026-11-24 09:30:00` in Europe/Berlin → `2026-11-24T09:30:00+01:00`.
 */
export function wallClockToIso(wallClock: WallClock, zone: string): string {
  return dayjs.tz(wallClock, WALL_CLOCK, zone).format(ISO_WITH_OFFSET);
}

/** The wall-clock time in `zone` at the instant `iso`, for a date picker's value. */
export function isoToWallClock(iso: string, zone: string): WallClock {
  return dayjs(iso).tz(zone).format(WALL_CLOCK);
}

/** `YYYY-MM-DD` of the instant in `zone`. */
export function dateInZone(iso: string | Date, zone: string): string {
  return dayjs(iso).tz(zone).format('YYYY-MM-DD');
}

/** The instant a calendar day (`YYYY-MM-DD`) starts in `zone`, as ISO-8601 with its offset. */
export function startOfDayInZone(date: string, zone: string): string {
  return dayjs.tz(`${date} 00:00:00`, WALL_CLOCK, zone).format(ISO_WITH_OFFSET);
}

/** `YYYY-MM-DD` `days` after `date`, by the calendar (DST never shifts it). */
export function addDays(date: string, days: number): string {
  return dayjs.utc(date).add(days, 'day').format('YYYY-MM-DD');
}

/** Today's date in `zone`. */
export function todayInZone(zone: string, now: Date = new Date()): string {
  return dateInZone(now, zone);
}

/** The Monday (`YYYY-MM-DD`) of the week `date` falls in. */
export function mondayOf(date: string): string {
  const day = dayjs.utc(date);
  return day.subtract((day.day() + 6) % 7, 'day').format('YYYY-MM-DD');
}

/** Minutes since midnight of the instant in `zone`. */
export function minutesIntoDay(iso: string, zone: string): number {
  const local = dayjs(iso).tz(zone);
  return local.hour() * 60 + local.minute();
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${zone}|${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(undefined, { ...options, timeZone: zone });
    formatters.set(key, format);
  }
  return format;
}

/** An instant as people in `zone` read it: `24 Nov 2026, 09:30`. */
export function formatInZone(
  iso: string | null | undefined,
  zone: string,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' },
  fallback = '—',
): string {
  if (!iso) return fallback;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? fallback : formatter(zone, options).format(date);
}

/** A calendar day (`YYYY-MM-DD`) as text, e.g. `Mon 24 Nov`. */
export function formatDay(
  date: string,
  options: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short' },
): string {
  // Noon UTC of that day, formatted in UTC: the same calendar day whatever the viewer's zone.
  return formatter('UTC', options).format(new Date(`${date}T12:00:00Z`));
}
