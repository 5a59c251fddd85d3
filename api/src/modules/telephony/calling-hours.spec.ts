import { outsideCallingHours } from './calling-hours';

const window = { start: '08:00', end: '21:00', days: [1, 2, 3, 4, 5, 6, 7] };

describe('calling hours of an operator’s call', () => {
  it('lets a call through when the window holds in every zone of the customer', () => {
    const now = new Date('2026-07-15T16:00:00Z'); // 10:00 Denver, 09:00 Phoenix
    const customer = { id: 'c1', localZones: ['America/Denver', 'America/Phoenix'] };
    expect(outsideCallingHours(now, window, customer)).toBeNull();
  });

  it('refuses when one zone is outside, naming each local time and the next time all are inside', () => {
    const now = new Date('2026-07-15T14:30:00Z'); // Wednesday 08:30 Denver, 07:30 Phoenix
    const outside = outsideCallingHours(now, window, {
      id: 'c1',
      localZones: ['America/Denver', 'America/Phoenix'],
    });
    expect(outside).toEqual({
      message:
        'It is 08:30 in Denver and 07:30 in Phoenix, outside the calling hours (08:00–21:00). Calling is next allowed Wednesday 09:00 Denver time.',
      auditNote:
        'Placed outside calling hours by override: it was 08:30 in Denver and 07:30 in Phoenix (calling hours 08:00–21:00).',
      details: {
        customerId: 'c1',
        timezone: 'America/Denver',
        timezones: ['America/Denver', 'America/Phoenix'],
        localTime: '08:30',
        localTimeIso: '2026-07-15T08:30:00-06:00',
        callingWindow: window,
        nextAllowedAt: '2026-07-15T15:00:00.000Z',
        nextAllowedLocal: 'Wednesday 09:00',
      },
    });
  });

  it('names the window’s days when it is not every day, and says when no time suits all zones', () => {
    const weekdays = { start: '09:00', end: '09:30', days: [1, 2, 3, 4, 5] };
    const outside = outsideCallingHours(new Date('2026-07-15T12:00:00Z'), weekdays, {
      id: 'c1',
      localZones: ['America/Denver', 'America/Phoenix'],
    });
    expect(outside?.message).toBe(
      'It is 06:00 in Denver and 05:00 in Phoenix, outside the calling hours (09:00–09:30, Mon Tue Wed Thu Fri). No time in the coming week is inside the calling hours in all of the customer’s time zones.',
    );
    expect(outside?.details).toMatchObject({ nextAllowedAt: null, nextAllowedLocal: null });
  });
});
