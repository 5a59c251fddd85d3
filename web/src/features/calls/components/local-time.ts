import { zonePlaces } from '@navaia/shared';

/**
 * What the customer's clock reads now, in each zone they may be in: `04:03 in London`;
 * zones that read the same time are named together (`04:03 in London, Guernsey or Isle of Man`).
 */
export function customerLocalTime(zones: readonly string[], now = new Date()): string {
  const byClock = new Map<string, string[]>();
  for (const zone of zones) {
    const time = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(now);
    byClock.set(time, [...(byClock.get(time) ?? []), zone]);
  }
  return [...byClock].map(([time, same]) => `${time} in ${zonePlaces(same)}`).join(' and ');
}
