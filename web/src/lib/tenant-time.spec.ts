import { describe, expect, it } from 'vitest';
import { fromMinorUnits, formatMoney, minorUnitDigits, toMinorUnits } from './money';
import {
  addDays,
  dateInZone,
  isoToWallClock,
  mondayOf,
  startOfDayInZone,
  wallClockToIso,
} from './tenant-time';

describe('tenant time', () => {
  it("reads a picked wall-clock time in the tenant's zone, with that moment's offset", () => {
    expect(wallClockToIso('2026-11-24 09:30:00', 'Europe/Berlin')).toBe(
      '2026-11-24T09:30:00+01:00',
    );
    expect(wallClockToIso('2026-07-01 09:30:00', 'Europe/Berlin')).toBe(
      '2026-07-01T09:30:00+02:00',
    );
    expect(wallClockToIso('2026-03-10 18:00:00', 'Asia/Kolkata')).toBe('2026-03-10T18:00:00+05:30');
    expect(wallClockToIso('2026-01-01 00:00:00', 'UTC')).toBe('2026-01-01T00:00:00+00:00');
  });

  it('shows a stored instant as the wall-clock time of the tenant', () => {
    expect(isoToWallClock('2026-11-24T08:30:00.000Z', 'Europe/Berlin')).toBe('2026-11-24 09:30:00');
    expect(dateInZone('2026-11-24T23:30:00.000Z', 'Europe/Berlin')).toBe('2026-11-25');
  });

  it('finds Mondays and midnights by the calendar, across DST changes', () => {
    expect(mondayOf('2026-11-29')).toBe('2026-11-23');
    expect(mondayOf('2026-11-23')).toBe('2026-11-23');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    // The week of the spring change in Berlin is 167 hours long.
    const start = startOfDayInZone('2026-03-23', 'Europe/Berlin');
    const end = startOfDayInZone(addDays('2026-03-23', 7), 'Europe/Berlin');
    expect(start).toBe('2026-03-23T00:00:00+01:00');
    expect(end).toBe('2026-03-30T00:00:00+02:00');
    expect((Date.parse(end) - Date.parse(start)) / 3_600_000).toBe(167);
  });
});

describe('money', () => {
  it('converts major units to the integer minor units of each currency', () => {
    expect(toMinorUnits(12.5, 'USD')).toBe(1250);
    expect(toMinorUnits(0.1 + 0.2, 'USD')).toBe(30);
    expect(toMinorUnits(1500, 'JPY')).toBe(1500);
    expect(minorUnitDigits('KWD')).toBe(3);
    expect(fromMinorUnits(1250, 'USD')).toBe(12.5);
  });

  it('formats amounts in their own currency', () => {
    expect(formatMoney(125000, 'USD')).toBe('$1,250.00');
    expect(formatMoney(1500, 'JPY')).toBe('¥1,500');
  });
});
