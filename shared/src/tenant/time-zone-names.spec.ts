import { zonePlace, zonePlaces } from './time-zone-names';

describe('time zone names people read', () => {
  it('names a zone by its place', () => {
    expect(zonePlace('America/Los_Angeles')).toBe('Los Angeles');
    expect(zonePlace('America/Argentina/Buenos_Aires')).toBe('Buenos Aires');
    expect(zonePlace('UTC')).toBe('UTC');
  });

  it('names several zones as alternatives', () => {
    expect(zonePlaces(['Europe/London'])).toBe('London');
    expect(zonePlaces(['America/Denver', 'America/Phoenix'])).toBe('Denver or Phoenix');
    expect(zonePlaces(['Europe/London', 'Europe/Guernsey', 'Europe/Isle_of_Man'])).toBe(
      'London, Guernsey or Isle of Man',
    );
  });
});
