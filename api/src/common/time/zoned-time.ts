/**
 * Wall-clock arithmetic in an IANA time zone. chrono-node only understands fixed offsets and
 * zone abbreviations, so DST-correct instants are computed here with Intl instead.
 */

/** A calendar date; month is 1–12. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export interface TimeOfDay {
  hour: number;
  minute: number;
}

export type WallClock = CalendarDate & TimeOfDay;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(timeZone: unknown): timeZone is string {
  if (typeof timeZone !== 'string' || timeZone.trim() === '') return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

function partsOf(instant: Date, timeZone: string): WallClock & { second: number } {
  const values: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') values[part.type] = Number(part.value);
  }
  return {
    year: values.year,
    month: values.month,
    day: values.day,
    // Some ICU versions still print midnight as 24 despite h23.
    hour: values.hour % 24,
    minute: values.minute,
    second: values.second,
  };
}

/** Minutes east of UTC that `timeZone` observes at `instant` (Berlin in winter: 60). */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const p = partsOf(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  const wholeSeconds = Math.floor(instant.getTime() / 1000) * 1000;
  return Math.round((asUtc - wholeSeconds) / 60_000);
}

export function toWallClock(instant: Date, timeZone: string): WallClock {
  const { year, month, day, hour, minute } = partsOf(instant, timeZone);
  return { year, month, day, hour, minute };
}

function sameWallClock(a: WallClock, b: WallClock): boolean {
  return (
    a.year === b.year &&
    a.month === b.month &&
    a.day === b.day &&
    a.hour === b.hour &&
    a.minute === b.minute
  );
}

/**
 * The instant a wall-clock reading denotes in `timeZone`. Ambiguous readings (the repeated
 * hour when clocks go back) take the earlier instant; readings that do not exist (the skipped
 * hour when clocks go forward) move forward by the gap, as a person's clock would.
 */
export function fromWallClock(wall: WallClock, timeZone: string): Date {
  const naive = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  const dayMs = 86_400_000;
  // Offsets a day either side bracket any single transition near this reading.
  const before = zoneOffsetMinutes(new Date(naive - dayMs), timeZone);
  const after = zoneOffsetMinutes(new Date(naive + dayMs), timeZone);
  const candidates = [naive - before * 60_000, naive - after * 60_000]
    .map((ms) => new Date(ms))
    .filter((d) => sameWallClock(toWallClock(d, timeZone), wall))
    .sort((a, b) => a.getTime() - b.getTime());
  if (candidates.length > 0) return candidates[0];
  return new Date(naive - before * 60_000);
}

/** Calendar arithmetic without time zones: Date.UTC normalises overflowing days. */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The same day-of-month in the next month that has it ("the 31st" skips short months). */
export function nextMonthWithDay(date: CalendarDate): CalendarDate {
  let { year, month } = date;
  for (let i = 0; i < 12; i++) {
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
    if (date.day <= daysInMonth(year, month)) return { year, month, day: date.day };
  }
  return date;
}

/** Day of week, 0 = Sunday. */
export function weekdayOf(date: CalendarDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return Date.UTC(a.year, a.month - 1, a.day) - Date.UTC(b.year, b.month - 1, b.day);
}
