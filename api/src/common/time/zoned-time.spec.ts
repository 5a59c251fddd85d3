import { fromWallClock, isValidTimeZone, toWallClock, zoneOffsetMinutes } from './zoned-time';

describe('zoned time', () => {
  it('reads the offset a zone observes at an instant, DST included', () => {
    expect(zoneOffsetMinutes(new Date('2026-10-24T10:00:00Z'), 'Europe/Berlin')).toBe(120);
    expect(zoneOffsetMinutes(new Date('2026-10-25T10:00:00Z'), 'Europe/Berlin')).toBe(60);
    expect(zoneOffsetMinutes(new Date('2026-01-15T08:00:00Z'), 'Asia/Kolkata')).toBe(330);
    expect(zoneOffsetMinutes(new Date('2026-06-10T02:00:00Z'), 'America/Los_Angeles')).toBe(-420);
  });

  it('turns a wall-clock reading into the instant on either side of a DST change', () => {
    const wall = { year: 2026, month: 10, day: 25, hour: 9, minute: 30 };
    expect(fromWallClock(wall, 'Europe/Berlin').toISOString()).toBe('2026-10-25T08:30:00.000Z');
    expect(fromWallClock({ ...wall, day: 24 }, 'Europe/Berlin').toISOString()).toBe(
      '2026-10-24T07:30:00.000Z',
    );
  });

  it('takes the earlier instant for a time that happens twice when clocks go back', () => {
    const repeated = { year: 2026, month: 10, day: 25, hour: 2, minute: 30 };
    expect(fromWallClock(repeated, 'Europe/Berlin').toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('moves a time skipped when clocks go forward on by the gap', () => {
    const skipped = { year: 2026, month: 3, day: 29, hour: 2, minute: 30 };
    const instant = fromWallClock(skipped, 'Europe/Berlin');
    expect(instant.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(toWallClock(instant, 'Europe/Berlin')).toEqual({ ...skipped, hour: 3 });
  });

  it('round-trips wall clocks in a zone with a half-hour offset', () => {
    const wall = { year: 2026, month: 1, day: 22, hour: 11, minute: 15 };
    expect(toWallClock(fromWallClock(wall, 'Asia/Kolkata'), 'Asia/Kolkata')).toEqual(wall);
  });

  it('accepts IANA zone names and rejects anything else', () => {
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
    expect(isValidTimeZone(undefined)).toBe(false);
  });
});
