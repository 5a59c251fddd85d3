import { CallOutcome, CallStatus, VoiceOutcome } from '@navaia/shared';
import { describe, expect, it } from 'vitest';
import { makeCallDetail, makeVoiceSessionView } from '../components/call-test-data';
import { callPollInterval, LIVE_CALL_POLL_MS, RESULT_POLL_MS, RESULT_WAIT_MS } from './get-call';

const endedAt = '2026-01-05T10:00:47.000Z';
const now = Date.parse(endedAt) + 5_000;

describe('call polling', () => {
  it('asks every second while the call is under way', () => {
    for (const status of [CallStatus.Queued, CallStatus.Ringing, CallStatus.InProgress]) {
      expect(callPollInterval(makeCallDetail({ status }), now)).toBe(LIVE_CALL_POLL_MS);
    }
  });

  it('stops once a call that nobody picked up has ended', () => {
    const busy = makeCallDetail({ status: CallStatus.Busy, outcome: CallOutcome.Busy, endedAt });
    expect(callPollInterval(busy, now)).toBe(false);
  });

  it('waits a while after an answered call for its transcript and result, then gives up', () => {
    const answered = makeCallDetail({
      status: CallStatus.Completed,
      outcome: CallOutcome.Answered,
      endedAt,
      voiceSession: makeVoiceSessionView(),
    });
    expect(callPollInterval(answered, now)).toBe(RESULT_POLL_MS);
    expect(callPollInterval(answered, Date.parse(endedAt) + RESULT_WAIT_MS + 1)).toBe(false);

    const processed = {
      ...answered,
      voiceSession: makeVoiceSessionView({ outcome: VoiceOutcome.TicketCreated }),
    };
    expect(callPollInterval(processed, now)).toBe(false);
  });
});
