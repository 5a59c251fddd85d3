import { TicketPriority } from '@navaia/shared';
import {
  readBoolean,
  readDataCollection,
  readIntent,
  readMinutes,
  readPriority,
  readText,
} from './data-collection';

describe('data collection parsing', () => {
  it('reads well-formed results', () => {
    expect(
      readDataCollection({
        intent: { value: 'booking', rationale: 'asked for a slot' },
        customer_name: { value: 'Ada Lovelace' },
        booking_service: { value: 'Haircut' },
        booking_datetime: { value: 'next Tuesday at 3 pm' },
        booking_duration_minutes: { value: 45 },
        booking_notes: { value: 'Prefers Anna' },
        opt_out: { value: false },
      }),
    ).toEqual({
      intent: 'booking',
      customerName: 'Ada Lovelace',
      bookingService: 'Haircut',
      bookingDatetime: 'next Tuesday at 3 pm',
      bookingDurationMinutes: 45,
      bookingNotes: 'Prefers Anna',
      optOut: false,
    });
  });

  it.each([null, undefined, 'support', 42, [], [{ value: 'support' }]])(
    'reads nothing from results that are not an object: %p',
    (results) => {
      expect(readDataCollection(results)).toEqual({});
    },
  );

  it('leaves out values that are null, empty, placeholders or the wrong type', () => {
    expect(
      readDataCollection({
        intent: { value: null },
        customer_name: { value: '   ' },
        issue_summary: { value: 'N/A' },
        issue_priority: { value: 3 },
        booking_service: { value: { name: 'haircut' } },
        booking_datetime: { value: '' },
        booking_duration_minutes: { value: 'ages' },
        opt_out: { value: 'maybe' },
        unknown_field: { value: 'ignored' },
        booking_notes: undefined,
      }),
    ).toEqual({});
  });

  it('reads a bare value where an entry object was expected', () => {
    expect(readDataCollection({ intent: 'support', opt_out: 'true' })).toEqual({
      intent: 'support',
      optOut: true,
    });
  });

  it('reads an entry without a value key as missing', () => {
    expect(readDataCollection({ intent: { rationale: 'no value' } })).toEqual({});
  });

  it('reads intents whatever their case and stray punctuation, and nothing else', () => {
    expect(readIntent(' Booking. ')).toBe('booking');
    expect(readIntent('SUPPORT')).toBe('support');
    expect(readIntent('appointment')).toBeUndefined();
    expect(readIntent(true)).toBeUndefined();
  });

  it('reads priorities with common synonyms', () => {
    expect(readPriority('HIGH')).toBe(TicketPriority.High);
    expect(readPriority('medium')).toBe(TicketPriority.Normal);
    expect(readPriority('critical')).toBe(TicketPriority.Urgent);
    expect(readPriority('p1')).toBeUndefined();
  });

  it('reads booleans given as booleans, strings or 0/1', () => {
    expect(readBoolean(true)).toBe(true);
    expect(readBoolean('TRUE')).toBe(true);
    expect(readBoolean('no')).toBe(false);
    expect(readBoolean(0)).toBe(false);
    expect(readBoolean(2)).toBeUndefined();
    expect(readBoolean(null)).toBeUndefined();
  });

  it('reads durations as numbers, numeric strings or phrases, within a day', () => {
    expect(readMinutes(45)).toBe(45);
    expect(readMinutes('45')).toBe(45);
    expect(readMinutes('45 minutes')).toBe(45);
    expect(readMinutes('1.5 hours')).toBe(90);
    expect(readMinutes('an hour')).toBe(60);
    expect(readMinutes(0)).toBeUndefined();
    expect(readMinutes(-30)).toBeUndefined();
    expect(readMinutes(Number.NaN)).toBeUndefined();
    expect(readMinutes(100000)).toBeUndefined();
  });

  it('trims and collapses text', () => {
    expect(readText('  Router   drops  ')).toBe('Router drops');
    expect(readText('unknown')).toBeUndefined();
  });
});
