import { zonePlaces, type CallingWindow } from '@navaia/shared';
import { nextCallableInAll } from '../../common/time/calling-window';
import { toWallClock, zoneOffsetMinutes } from '../../common/time/zoned-time';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const pad = (n: number) => String(n).padStart(2, '0');

/** `04:03` in the zone. */
const clock = (at: Date, zone: string) => {
  const wall = toWallClock(at, zone);
  return `${pad(wall.hour)}:${pad(wall.minute)}`;
};

/** `Tuesday 08:00` in the zone. */
const dayAndClock = (at: Date, zone: string) => {
  const wall = toWallClock(at, zone);
  return `${WEEKDAYS[new Date(Date.UTC(wall.year, wall.month - 1, wall.day)).getUTCDay()]} ${clock(at, zone)}`;
};

/** ISO-8601 with the zone's offset: the instant as the customer's clock reads it. */
function isoInZone(at: Date, zone: string): string {
  const wall = toWallClock(at, zone);
  const offset = zoneOffsetMinutes(at, zone);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${wall.year}-${pad(wall.month)}-${pad(wall.day)}T${clock(at, zone)}:${pad(at.getUTCSeconds())}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

export interface OutsideCallingHours {
  /** For people: `It is 04:03 in London, outside the calling hours (08:00–21:00). …` */
  message: string;
  /** What the audit trail keeps of a call placed anyway. */
  auditNote: string;
  details: {
    customerId: string;
    /** The customer's likeliest zone, and every zone their calling hours are read in. */
    timezone: string;
    timezones: string[];
    /** The customer's clock now (`04:03`, and ISO-8601 with the zone's offset). */
    localTime: string;
    localTimeIso: string;
    callingWindow: CallingWindow;
    /** When the window next holds in every zone (ISO-8601 UTC), or null within a week. */
    nextAllowedAt: string | null;
    /** That instant on the customer's clock (`Tuesday 08:00`). */
    nextAllowedLocal: string | null;
  };
}

/**
 * Null when `now` is inside the calling window in every zone the customer may be in (the
 * campaign dialer's rule); otherwise what an operator is told: the customer's local time and
 * when calling is next allowed.
 */
export function outsideCallingHours(
  now: Date,
  window: CallingWindow,
  customer: { id: string; localZones: string[] },
): OutsideCallingHours | null {
  const zones = customer.localZones;
  const next = nextCallableInAll(now, window, zones);
  if (next?.getTime() === now.getTime()) return null;
  const [zone] = zones;
  // Zones that read the same clock are named together: `04:03 in London, Guernsey or Isle of Man`.
  const byClock = new Map<string, string[]>();
  for (const z of zones) byClock.set(clock(now, z), [...(byClock.get(clock(now, z)) ?? []), z]);
  const localTimes = [...byClock].map(([time, zs]) => `${time} in ${zonePlaces(zs)}`).join(' and ');
  const hours = `${window.start}–${window.end}${window.days.length < 7 ? `, ${window.days.map((d) => WEEKDAYS[d % 7].slice(0, 3)).join(' ')}` : ''}`;
  const when = next
    ? `Calling is next allowed ${dayAndClock(next, zone)} ${zonePlaces([zone])} time.`
    : 'No time in the coming week is inside the calling hours in all of the customer’s time zones.';
  return {
    message: `It is ${localTimes}, outside the calling hours (${hours}). ${when}`,
    auditNote: `Placed outside calling hours by override: it was ${localTimes} (calling hours ${hours}).`,
    details: {
      customerId: customer.id,
      timezone: zone,
      timezones: zones,
      localTime: clock(now, zone),
      localTimeIso: isoInZone(now, zone),
      callingWindow: window,
      nextAllowedAt: next?.toISOString() ?? null,
      nextAllowedLocal: next ? dayAndClock(next, zone) : null,
    },
  };
}
