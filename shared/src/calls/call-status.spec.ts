import {
  advancesCall,
  callOutcome,
  CallOutcome,
  CallStatus,
  FINAL_CALL_STATUSES,
  isMachine,
} from './call-status';

describe('call status machine', () => {
  it('moves forward through the steps of a call', () => {
    expect(advancesCall(CallStatus.Queued, CallStatus.Initiated)).toBe(true);
    expect(advancesCall(CallStatus.Initiated, CallStatus.Ringing)).toBe(true);
    expect(advancesCall(CallStatus.Ringing, CallStatus.InProgress)).toBe(true);
    expect(advancesCall(CallStatus.InProgress, CallStatus.Completed)).toBe(true);
    // Steps may be skipped: a callback can be lost or late.
    expect(advancesCall(CallStatus.Queued, CallStatus.InProgress)).toBe(true);
  });

  it('never moves back, and a final status is the last word', () => {
    expect(advancesCall(CallStatus.InProgress, CallStatus.Ringing)).toBe(false);
    expect(advancesCall(CallStatus.Ringing, CallStatus.Ringing)).toBe(false);
    for (const final of FINAL_CALL_STATUSES) {
      for (const next of Object.values(CallStatus)) {
        expect(advancesCall(final, next)).toBe(false);
      }
    }
  });

  it('completed before ringing ends completed', () => {
    let status = CallStatus.Queued;
    for (const next of [CallStatus.Completed, CallStatus.Ringing, CallStatus.InProgress]) {
      if (advancesCall(status, next)) status = next;
    }
    expect(status).toBe(CallStatus.Completed);
  });

  it('derives the outcome; a machine pickup is voicemail', () => {
    expect(callOutcome(CallStatus.Completed, 'human')).toBe(CallOutcome.Answered);
    expect(callOutcome(CallStatus.Completed, null)).toBe(CallOutcome.Answered);
    expect(callOutcome(CallStatus.Completed, 'machine_end_beep')).toBe(CallOutcome.Voicemail);
    expect(callOutcome(CallStatus.Completed, 'fax')).toBe(CallOutcome.Voicemail);
    expect(callOutcome(CallStatus.NoAnswer, null)).toBe(CallOutcome.NoAnswer);
    expect(callOutcome(CallStatus.Ringing, null)).toBeNull();
    expect(isMachine('unknown')).toBe(false);
  });
});
