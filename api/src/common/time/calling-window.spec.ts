import { nextCallableAt, nextCallableInAll } from './calling-window';
import { customerZones } from './customer-zones';

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

describe('calling windows across several candidate zones', () => {
  // 480 (Arizona) maps to America/Denver and America/Phoenix: one hour apart in summer
  // (Phoenix keeps standard time), the same in winter.
  const arizona = ['America/Denver', 'America/Phoenix'];

  it('calls only when the window holds in every zone', () => {
    const morning = at('2026-07-15T14:30:00Z'); // 08:30 Denver, 07:30 Phoenix
    expect(nextCallableAt(morning, window, 'America/Denver')).toEqual(morning);
    expect(nextCallableInAll(morning, window, arizona)).toEqual(at('2026-07-15T15:00:00Z'));
    const evening = at('2026-07-16T02:30:00Z'); // 20:30 Denver, 19:30 Phoenix
    expect(nextCallableInAll(evening, window, arizona)).toEqual(evening);
    const late = at('2026-07-16T03:10:00Z'); // 21:10 Denver, 20:10 Phoenix
    expect(nextCallableInAll(late, window, arizona)).toEqual(at('2026-07-16T15:00:00Z'));
    // In winter both read the same clock.
    const winter = at('2026-01-15T15:00:00Z'); // 08:00 in both
    expect(nextCallableInAll(winter, window, arizona)).toEqual(winter);
  });

  it('intersects overnight windows too', () => {
    const night = { start: '22:00', end: '02:00', days: [1, 2, 3, 4, 5, 6, 7] };
    // 22:30 Denver is 21:30 Phoenix: wait for 22:00 Phoenix (05:00Z).
    expect(nextCallableInAll(at('2026-07-16T04:30:00Z'), night, arizona)).toEqual(
      at('2026-07-16T05:00:00Z'),
    );
    // 01:30 Denver, 00:30 Phoenix: both inside.
    const smallHours = at('2026-07-16T07:30:00Z');
    expect(nextCallableInAll(smallHours, night, arizona)).toEqual(smallHours);
  });

  it('gives no time when the windows never overlap in the coming week', () => {
    const halfHour = { start: '09:00', end: '09:30', days: [1, 2, 3, 4, 5, 6, 7] };
    expect(nextCallableInAll(at('2026-07-15T12:00:00Z'), halfHour, arizona)).toBeNull();
    expect(nextCallableInAll(at('2026-01-15T12:00:00Z'), halfHour, arizona)).toEqual(
      at('2026-01-15T16:00:00Z'),
    );
  });

  it('with one zone is the single-zone rule', () => {
    const now = at('2026-11-18T05:30:00Z');
    expect(nextCallableInAll(now, window, ['Europe/Berlin'])).toEqual(
      nextCallableAt(now, window, 'Europe/Berlin'),
    );
  });
});

describe('a customer’s candidate time zones', () => {
  it('is the customer’s own zone when stored, whatever the phone says', () => {
    expect(customerZones({ timezone: 'Asia/Tokyo', phone: '+14155550123' }, 'UTC')).toEqual([
      'Asia/Tokyo',
    ]);
  });

  it('comes from the number’s area where the data knows it', () => {
    // San Francisco, not New York, whatever the tenant's zone.
    expect(customerZones({ timezone: null, phone: '+14155550123' }, 'America/New_York')).toEqual([
      'America/Los_Angeles',
    ]);
    expect(customerZones({ timezone: null, phone: '+13125550100' }, 'Europe/Berlin')).toEqual([
      'America/Chicago',
    ]);
    expect(customerZones({ timezone: null, phone: '+442071234567' }, 'UTC')).toEqual([
      'Europe/London',
    ]);
    expect(customerZones({ timezone: null, phone: '+493012345678' }, 'UTC')).toEqual([
      'Europe/Berlin',
    ]);
  });

  it('lists every zone of an area that spans several, the country’s main one first', () => {
    expect(customerZones({ timezone: null, phone: '+14805550100' }, 'UTC')).toEqual([
      'America/Denver',
      'America/Phoenix',
    ]);
    // The tenant's own zone first when it is one of them.
    expect(customerZones({ timezone: null, phone: '+14805550100' }, 'America/Phoenix')).toEqual([
      'America/Phoenix',
      'America/Denver',
    ]);
    const ukMobile = customerZones({ timezone: null, phone: '+447700900123' }, 'UTC');
    expect(ukMobile[0]).toBe('Europe/London');
    expect([...ukMobile].sort()).toEqual([
      'Europe/Guernsey',
      'Europe/Isle_of_Man',
      'Europe/London',
    ]);
  });

  it('falls back to the tenant’s zone, or the country’s main one, when the number has no area', () => {
    // Toll-free numbers belong to no region of the country.
    expect(customerZones({ timezone: null, phone: '+18005550100' }, 'America/Chicago')).toEqual([
      'America/Chicago',
    ]);
    expect(customerZones({ timezone: null, phone: '+18005550100' }, 'Europe/Berlin')).toEqual([
      'America/New_York',
    ]);
    expect(customerZones({ timezone: null, phone: '+999' }, 'Europe/Paris')).toEqual([
      'Europe/Paris',
    ]);
  });
});
