import { TicketPriority } from '@navaia/shared';
import { extractOutcome } from './extract-outcome';
import type { ExtractionInput } from './types';

const call = { startedAt: new Date('2026-10-24T10:00:00Z'), timezone: 'Europe/Berlin' };

describe('extractOutcome', () => {
  it('never throws on malformed input', () => {
    // Off-contract on purpose: webhook bodies are untrusted JSON.
    const garbage = [
      { transcript: null },
      { transcript: 'hello' },
      { transcript: [null, 1, { role: 'robot', message: 'hi' }, { role: 'user', message: 7 }] },
      { ...call, transcript: [], timezone: 'Not/AZone' },
      { transcript: [], startedAt: 'not a date', timezone: 'Europe/Berlin' },
      { transcript: [], dataCollection: { intent: { value: 'booking' }, booking_datetime: {} } },
    ] as unknown as ExtractionInput[];
    for (const input of garbage) expect(() => extractOutcome(input)).not.toThrow();
  });

  it('resolves no start without a valid call start, rather than guessing one', () => {
    const result = extractOutcome({
      transcript: [
        { role: 'user', message: 'Book me a haircut tomorrow at 10.', timeInCallSecs: 1 },
      ],
      startedAt: new Date(Number.NaN),
      timezone: 'Europe/Berlin',
    });
    expect(result).toMatchObject({ intent: 'booking', startsAt: null });
  });

  it('falls back to UTC for an unknown tenant zone', () => {
    const result = extractOutcome({
      ...call,
      timezone: 'Nowhere/Special',
      transcript: [
        { role: 'user', message: 'Book me a haircut tomorrow at 10.', timeInCallSecs: 1 },
      ],
    });
    expect(result).toMatchObject({ startsAt: new Date('2026-10-25T10:00:00Z') });
  });

  it('trusts data collection over the transcript when its intent is valid', () => {
    const result = extractOutcome({
      ...call,
      transcript: [{ role: 'user', message: 'I want to book a haircut.', timeInCallSecs: 1 }],
      dataCollection: {
        intent: { value: 'support' },
        issue_summary: { value: 'Wants a refund for last visit' },
        issue_priority: { value: 'low' },
        opt_out: { value: true },
      },
    });
    expect(result).toEqual({
      intent: 'support',
      subject: 'Wants a refund for last visit',
      description: 'I want to book a haircut.',
      priority: TicketPriority.Low,
      optOut: true,
      source: 'data_collection',
    });
  });

  it('keeps ticket subjects within 120 characters', () => {
    const long = `My printer ${'really '.repeat(40)}does not work.`;
    const result = extractOutcome({
      ...call,
      transcript: [{ role: 'user', message: long, timeInCallSecs: 1 }],
    });
    expect(result.intent).toBe('support');
    if (result.intent === 'support') {
      expect(result.subject.length).toBeLessThanOrEqual(120);
      expect(result.subject.endsWith('…')).toBe(true);
    }
  });

  it('notes what the caller asked for when no exact time was agreed', () => {
    const result = extractOutcome({
      ...call,
      transcript: [
        {
          role: 'user',
          message: 'Could I book a pedicure for Friday afternoon?',
          timeInCallSecs: 1,
        },
      ],
    });
    expect(result).toMatchObject({
      intent: 'booking',
      startsAt: null,
      notes: 'Requested time: Friday afternoon (no exact time agreed)',
    });
  });

  it('uses the summary to classify when the transcript has no caller text', () => {
    const result = extractOutcome({
      ...call,
      transcript: [{ role: 'agent', message: 'Hello?', timeInCallSecs: 0 }],
      summary: 'The caller reported that their router keeps dropping the connection.',
    });
    expect(result).toMatchObject({ intent: 'support', source: 'transcript' });
  });
});
