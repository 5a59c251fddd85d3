import { displayName, UNKNOWN_CALLER } from './display-name';
import { toE164 } from './phone';

describe('display name', () => {
  it('uses the name first', () => {
    expect(displayName({ firstName: 'Ada', lastName: 'Lovelace', phone: '+14155550123' })).toBe(
      'Ada Lovelace',
    );
    expect(displayName({ lastName: ' Lovelace ', phone: '+14155550123' })).toBe('Lovelace');
  });

  it('falls back to the formatted phone number, then the email', () => {
    expect(displayName({ phone: '+14155550123', email: 'a@b.co' })).toBe('+1 415 555 0123');
    expect(displayName({ firstName: ' ', phone: '', email: 'a@b.co' })).toBe('a@b.co');
  });

  it('says "Unknown caller" when nothing identifies the customer, never an id', () => {
    expect(displayName({})).toBe(UNKNOWN_CALLER);
  });
});

describe('phone normalisation', () => {
  it('reads national numbers with the default country and keeps E.164', () => {
    expect(toE164('(415) 555-0123', 'US')).toBe('+14155550123');
    expect(toE164('030 1234567', 'DE')).toBe('+49301234567');
    expect(toE164('+44 20 7946 0958', 'US')).toBe('+442079460958');
  });

  it('rejects what is not a valid number', () => {
    expect(toE164('12', 'US')).toBeNull();
    expect(toE164('not a phone', 'US')).toBeNull();
  });
});
