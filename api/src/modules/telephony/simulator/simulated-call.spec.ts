import { VoicePurpose } from '@navaia/shared';
import { extractOutcome } from '../../voice/extraction';
import { parseOutcomeMix, pickOutcome } from '../../../config/simulator-outcomes';
import { simulatedPostCall, simulatedSteps } from './simulated-call';

describe('simulated phone calls', () => {
  it('parses an outcome mix and refuses nonsense', () => {
    expect(parseOutcomeMix('answered:70, busy:10')).toEqual({
      answered: 70,
      voicemail: 0,
      no_answer: 0,
      busy: 10,
      failed: 0,
    });
    expect(() => parseOutcomeMix('picked_up:1')).toThrow(/unknown outcome/);
    expect(() => parseOutcomeMix('answered:0')).toThrow(/zero/);
  });

  it('picks outcomes by weight', () => {
    const mix = parseOutcomeMix('answered:3,busy:1');
    expect(pickOutcome(mix, 0)).toBe('answered');
    expect(pickOutcome(mix, 0.74)).toBe('answered');
    expect(pickOutcome(mix, 0.76)).toBe('busy');
    expect(pickOutcome(mix, 0.999)).toBe('busy');
  });

  it('plays the callbacks Twilio sends, in order, per outcome', () => {
    const pace = { ringMs: 1000, talkMs: 5000 };
    expect(simulatedSteps('answered', pace).map((s) => s.status)).toEqual([
      'initiated',
      'ringing',
      'in-progress',
      'completed',
    ]);
    const voicemail = simulatedSteps('voicemail', pace);
    expect(voicemail.at(-1)).toMatchObject({ status: 'completed', answeredBy: 'machine_end_beep' });
    expect(simulatedSteps('no_answer', pace).at(-1)?.status).toBe('no-answer');
    expect(simulatedSteps('busy', pace).at(-1)?.status).toBe('busy');
    expect(simulatedSteps('failed', pace).at(-1)?.status).toBe('failed');
    for (const outcome of ['answered', 'voicemail', 'no_answer', 'busy', 'failed'] as const) {
      const times = simulatedSteps(outcome, pace).map((s) => s.atMs);
      expect([...times].sort((a, b) => a - b)).toEqual(times);
    }
  });

  it('an answered support call reads as a support request, a sales call as a booking', () => {
    const base = {
      tenantId: 't',
      timezone: 'Europe/Berlin',
      callSid: 'CA' + '0'.repeat(32),
      to: '+14155550123',
      conversationId: 'conv_sim_1',
      dynamicVariables: { voice_session_id: 's', call_id: 'c', customer_name: 'Maya' },
      startedAt: Date.parse('2026-11-20T09:00:00Z'),
      talkMs: 30_000,
      voicemail: false,
    };
    const support = simulatedPostCall({ ...base, purpose: VoicePurpose.Support, random: 0 });
    const sales = simulatedPostCall({ ...base, purpose: VoicePurpose.Sales, random: 0 });
    const read = (payload: typeof support) => {
      const data = payload.data as {
        transcript: { role: 'agent' | 'user'; message: string; time_in_call_secs: number }[];
        analysis: { data_collection_results: Record<string, { value: unknown }> };
        metadata: { phone_call: { call_sid: string } };
      };
      return {
        callSid: data.metadata.phone_call.call_sid,
        result: extractOutcome({
          transcript: data.transcript.map((t) => ({
            role: t.role,
            message: t.message,
            timeInCallSecs: t.time_in_call_secs,
          })),
          dataCollection: data.analysis.data_collection_results,
          summary: null,
          startedAt: new Date(base.startedAt),
          timezone: base.timezone,
        }),
      };
    };
    expect(read(support).callSid).toBe(base.callSid);
    expect(read(support).result.intent).toBe('support');
    const booking = read(sales).result;
    expect(booking.intent).toBe('booking');
    expect(booking.intent === 'booking' && booking.startsAt).toBeInstanceOf(Date);
    const voicemail = simulatedPostCall({ ...base, purpose: VoicePurpose.Sales, voicemail: true });
    expect(read(voicemail).result.intent).toBe('other');
  });
});
