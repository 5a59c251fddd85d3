import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { isCallingWindow, UpdateTenantDto } from './tenant.dto';

function problems(input: object): string[] {
  const dto = plainToInstance(UpdateTenantDto, input);
  return validateSync(dto, { whitelist: true, forbidNonWhitelisted: true }).flatMap((e) => [
    e.property,
    ...(e.children ?? []).map((c) => `${e.property}.${c.property}`),
  ]);
}

describe('tenant settings validation', () => {
  it('accepts a complete, valid update', () => {
    expect(
      problems({
        name: 'Acme',
        timezone: 'Europe/Berlin',
        defaultCountry: 'DE',
        callingWindow: { start: '09:00', end: '18:30', days: [1, 2, 3, 4, 5] },
        limits: { callsPerSecond: 2, maxConcurrentCalls: 10, dailyCallCap: 500 },
        voice: { agents: { support: 'agent_1' }, phoneNumberId: 'phnum_1' },
        telephony: { fromNumber: '+14155550100' },
      }),
    ).toEqual([]);
  });

  it('rejects an unknown time zone and country', () => {
    expect(problems({ timezone: 'Mars/Olympus', defaultCountry: 'XX' })).toEqual([
      'timezone',
      'defaultCountry',
    ]);
  });

  it('rejects a malformed calling window', () => {
    expect(problems({ callingWindow: { start: '25:00', end: '18:00', days: [0, 8] } })).toEqual([
      'callingWindow',
      'callingWindow.start',
      'callingWindow.days',
    ]);
  });

  it('rejects an array, even an empty one, where a settings object is expected', () => {
    expect(problems({ callingWindow: [] })).toEqual(['callingWindow']);
    expect(problems({ limits: [], voice: [], telephony: [] })).toEqual([
      'limits',
      'voice',
      'telephony',
    ]);
    expect(problems({ voice: { agents: [] } })).toEqual(['voice', 'voice.agents']);
    expect(problems({ callingWindow: [{ start: '09:00', end: '17:00', days: [1] }] })).toEqual([
      'callingWindow',
    ]);
  });

  it('tells a stored calling window from a broken one', () => {
    expect(isCallingWindow({ start: '09:00', end: '17:00', days: [1, 2] })).toBe(true);
    for (const broken of [[], {}, null, 'x', { start: '09:00', end: '17:00', days: [] }])
      expect(isCallingWindow(broken)).toBe(false);
  });

  it('rejects fields that are not settings, such as id', () => {
    expect(problems({ id: 'x' })).toEqual(['id']);
  });
});
