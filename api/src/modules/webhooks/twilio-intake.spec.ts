import twilio from 'twilio';
import { parseTwilioForm } from './twilio-intake';

describe('Twilio request validation', () => {
  // Twilio's published example: https://www.twilio.com/docs/usage/security
  const url = 'https://mycompany.com/myapp.php?foo=1&bar=2';
  const params = {
    CallSid: 'CA1234567890ABCDE',
    Caller: '+14158675310',
    Digits: '1234',
    From: '+14158675310',
    To: '+18005551212',
  };

  it('accepts the published vector', () => {
    expect(twilio.validateRequest('12345', 'GvWf1cFY/Q7PnoempGyD5oXAezc=', url, params)).toBe(true);
  });

  it('refuses another token, another URL or changed parameters', () => {
    const signature = 'GvWf1cFY/Q7PnoempGyD5oXAezc=';
    expect(twilio.validateRequest('54321', signature, url, params)).toBe(false);
    expect(
      twilio.validateRequest('12345', signature, 'https://mycompany.com/myapp.php?foo=1', params),
    ).toBe(false);
    expect(twilio.validateRequest('12345', signature, url, { ...params, Digits: '9' })).toBe(false);
  });

  it('reads the form body as the validator expects, repeated keys as lists', () => {
    const form = Buffer.from(new URLSearchParams(params).toString() + '&Event=a&Event=b');
    const parsed = parseTwilioForm(form);
    expect(parsed).toEqual({ ...params, Event: ['a', 'b'] });
    const { Event: _event, ...signed } = parsed;
    expect(twilio.validateRequest('12345', 'GvWf1cFY/Q7PnoempGyD5oXAezc=', url, signed)).toBe(true);
  });
});
