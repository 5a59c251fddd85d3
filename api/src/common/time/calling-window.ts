import type { CallingWindow } from '@navaia/shared';
import { addDays, fromWallClock, toWallClock, weekdayOf } from './zoned-time';

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
};

/** ISO weekday (1 = Monday … 7 = Sunday) of a calendar date. */
const isoWeekday = (date: { year: number; month: number; day: number }) =>
  weekdayOf(date) === 0 ? 7 : weekdayOf(date);

/**
 * The first instant at or after `from` inside the calling window, in the recipient's own
 * time zone. Windows are wall-clock times, so a window that opens at 08:00 opens at 08:00
 * local on both sides of a DST change; a window whose end is before its start runs overnight
 * (its days are the days it opens). Returns `from` when it is inside.
 */
export function nextCallableAt(from: Date, window: CallingWindow, timeZone: string): Date {
  const start = minutesOf(window.start);
  const end = minutesOf(window.end);
  const overnight = end <= start;
  const days = new Set(window.days);
  const wall = toWallClock(from, timeZone);
  const today = { year: wall.year, month: wall.month, day: wall.day };
  const now = wall.hour * 60 + wall.minute;
  if (days.has(isoWeekday(today))) {
    if (!overnight && now >= start && now < end) return from;
    if (overnight && now >= start) return from;
  }
  // The early-morning tail of an overnight window opened yesterday.
  if (overnight && now < end && days.has(isoWeekday(addDays(today, -1)))) return from;
  for (let offset = 0; offset <= 7; offset++) {
    const date = addDays(today, offset);
    if (!days.has(isoWeekday(date))) continue;
    const opens = fromWallClock(
      { ...date, hour: Math.floor(start / 60), minute: start % 60 },
      timeZone,
    );
    if (opens.getTime() > from.getTime()) return opens;
  }
  // Unreachable with at least one day; a window without days never opens.
  return new Date(from.getTime() + 7 * 86_400_000);
}

const WEEK_MS = 7 * 86_400_000;

/**
 * The first instant at or after `from` inside the window in every one of `zones` (a number
 * whose area spans a zone border may be in any of them), or null when there is none within
 * a week (a window too short for the zones' difference). Each round moves to the latest of
 * the zones' next openings: nothing before it is inside all of them.
 */
export function nextCallableInAll(
  from: Date,
  window: CallingWindow,
  zones: readonly string[],
): Date | null {
  let at = from;
  while (at.getTime() - from.getTime() <= WEEK_MS) {
    const latest = Math.max(...zones.map((zone) => nextCallableAt(at, window, zone).getTime()));
    if (latest === at.getTime()) return at;
    at = new Date(latest);
  }
  return null;
}
