/** A phone leg's life: queued → initiated → ringing → in_progress → one final status. */
export enum CallStatus {
  Queued = 'queued',
  Initiated = 'initiated',
  Ringing = 'ringing',
  InProgress = 'in_progress',
  Completed = 'completed',
  Busy = 'busy',
  NoAnswer = 'no_answer',
  Failed = 'failed',
  Canceled = 'canceled',
}

export enum CallDirection {
  Outbound = 'outbound',
  Inbound = 'inbound',
}

export const FINAL_CALL_STATUSES: readonly CallStatus[] = [
  CallStatus.Completed,
  CallStatus.Busy,
  CallStatus.NoAnswer,
  CallStatus.Failed,
  CallStatus.Canceled,
];

const RANK: Record<CallStatus, number> = {
  [CallStatus.Queued]: 0,
  [CallStatus.Initiated]: 1,
  [CallStatus.Ringing]: 2,
  [CallStatus.InProgress]: 3,
  [CallStatus.Completed]: 4,
  [CallStatus.Busy]: 4,
  [CallStatus.NoAnswer]: 4,
  [CallStatus.Failed]: 4,
  [CallStatus.Canceled]: 4,
};

export function isFinalCallStatus(status: CallStatus): boolean {
  return RANK[status] === 4;
}

/**
 * Whether a call in `current` should take `next`. Provider callbacks arrive out of order and
 * more than once, so statuses only move forward, and the first final status is the last word:
 * `completed` before `ringing` ends `completed`.
 */
export function advancesCall(current: CallStatus, next: CallStatus): boolean {
  if (isFinalCallStatus(current)) return false;
  return RANK[next] > RANK[current];
}

/** What became of an answered or unanswered call, for people and campaign retry rules. */
export enum CallOutcome {
  Answered = 'answered',
  Voicemail = 'voicemail',
  NoAnswer = 'no_answer',
  Busy = 'busy',
  Failed = 'failed',
  Canceled = 'canceled',
}

/** Twilio's answering-machine verdicts that mean a machine, not a person, picked up. */
export function isMachine(answeredBy: string | null | undefined): boolean {
  return !!answeredBy && /^(machine|fax)/.test(answeredBy);
}

export function callOutcome(status: CallStatus, answeredBy: string | null): CallOutcome | null {
  switch (status) {
    case CallStatus.Completed:
      return isMachine(answeredBy) ? CallOutcome.Voicemail : CallOutcome.Answered;
    case CallStatus.Busy:
      return CallOutcome.Busy;
    case CallStatus.NoAnswer:
      return CallOutcome.NoAnswer;
    case CallStatus.Failed:
      return CallOutcome.Failed;
    case CallStatus.Canceled:
      return CallOutcome.Canceled;
    default:
      return null;
  }
}

/** Why a customer could not be called; stable codes for integrators and the SPA. */
export enum CallRejection {
  NotFound = 'not_found',
  DoNotCall = 'do_not_call',
  InvalidPhone = 'invalid_phone',
  DailyCapReached = 'daily_cap_reached',
  Duplicate = 'duplicate',
  OutsideCallingWindow = 'outside_calling_window',
}
