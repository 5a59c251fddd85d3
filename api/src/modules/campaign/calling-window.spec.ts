import { nextCallableAt } from './calling-window';
import * as recipientTimezone from './recipient-timezone';

const window = { start: '08:00', end: '21:00', days: [1, 2, 3, 4, 5, 6, 7] };
const at = (iso: string) => new Date(iso);

describe('calling windows in the recipient’s local time', () => {
  it('calls now inside the window', () => {
    const now = at('2026-11-18T10:30:00Z'); // 11:30 in Berlin
    expect(nextCallableAt(now, window, 'Europe/Berlin')).toEqual(now);
  });

  it('waits for the window to open, later the same day or the next', () => {
    // 06:30 in Berlin → 08:00 Berlin (07:00Z)
    expect(nextCallableAt(at('2026-11-18T05:30:00Z'), window, 'Europe/Berlin')).toEqual(
      at('2026-11-18T07:00:00Z'),
    );
    // 22:00 in Berlin → 08:00 the next day
    expect(nextCallableAt(at('2026-11-18T21:00:00Z'), window, 'Europe/Berlin')).toEqual(
      at('2026-11-19T07:00:00Z'),
    );
  });

  it('one instant is inside for one recipient and outside for another', () => {
    const now = at('2026-11-18T14:00:00Z'); // 15:00 Berlin, 09:00 New York, 23:00 Tokyo
    expect(nextCallableAt(now, window, 'Europe/Berlin')).toEqual(now);
    expect(nextCallableAt(now, window, 'America/New_York')).toEqual(now);
    expect(nextCallableAt(now, window, 'Asia/Tokyo')).toEqual(at('2026-11-18T23:00:00Z'));
  });

  it('keeps 08:00 local across DST changes', () => {
    // Europe: clocks go forward on 29 March 2026 (CET → CEST).
    expect(nextCallableAt(at('2026-03-28T21:00:00Z'), window, 'Europe/Berlin')).toEqual(
      at('2026-03-29T06:00:00Z'),
    );
    expect(nextCallableAt(at('2026-03-27T21:00:00Z'), window, 'Europe/Berlin')).toEqual(
      at('2026-03-28T07:00:00Z'),
    );
    // United States: clocks go back on 1 November 2026 (EDT → EST).
    expect(nextCallableAt(at('2026-11-01T03:00:00Z'), window, 'America/New_York')).toEqual(
      at('2026-11-01T13:00:00Z'),
    );
  });

  it('skips days outside the window', () => {
    const weekdays = { start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] };
    // Saturday 21 November 2026, noon in Berlin → Monday 09:00
    expect(nextCallableAt(at('2026-11-21T11:00:00Z'), weekdays, 'Europe/Berlin')).toEqual(
      at('2026-11-23T08:00:00Z'),
    );
    // Friday after hours → Monday
    expect(nextCallableAt(at('2026-11-20T17:30:00Z'), weekdays, 'Europe/Berlin')).toEqual(
      at('2026-11-23T08:00:00Z'),
    );
  });

  it('supports overnight windows', () => {
    const night = { start: '22:00', end: '02:00', days: [1, 2, 3, 4, 5, 6, 7] };
    const lateEvening = at('2026-11-18T22:30:00Z'); // 23:30 Berlin
    expect(nextCallableAt(lateEvening, night, 'Europe/Berlin')).toEqual(lateEvening);
    const smallHours = at('2026-11-19T00:30:00Z'); // 01:30 Berlin
    expect(nextCallableAt(smallHours, night, 'Europe/Berlin')).toEqual(smallHours);
    expect(nextCallableAt(at('2026-11-19T10:00:00Z'), night, 'Europe/Berlin')).toEqual(
      at('2026-11-19T21:00:00Z'),
    );
  });
});

describe('a recipient’s time zone', () => {
  const { recipientZone } = recipientTimezone;

  it('is the customer’s own, else the phone’s country, else the tenant’s', () => {
    expect(recipientZone({ timezone: 'Asia/Tokyo', phone: '+4930123456' }, 'UTC')).toBe(
      'Asia/Tokyo',
    );
    expect(recipientZone({ timezone: null, phone: '+493012345678' }, 'UTC')).toBe('Europe/Berlin');
    // Several zones: the tenant's when it is one of them, else the most populous.
    expect(recipientZone({ timezone: null, phone: '+14155550123' }, 'America/Los_Angeles')).toBe(
      'America/Los_Angeles',
    );
    expect(recipientZone({ timezone: null, phone: '+14155550123' }, 'Europe/Berlin')).toBe(
      'America/New_York',
    );
    expect(recipientZone({ timezone: null, phone: '+999' }, 'Europe/Paris')).toBe('Europe/Paris');
  });
});
