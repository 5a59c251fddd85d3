import { CallStatus } from '@navaia/shared';

/** Twilio's call statuses (hyphenated) as ours; `queued` adds nothing to a queued call. */
export function twilioCallStatus(status: string | undefined): CallStatus | null {
  switch (status) {
    case 'initiated':
      return CallStatus.Initiated;
    case 'ringing':
      return CallStatus.Ringing;
    case 'in-progress':
    case 'answered':
      return CallStatus.InProgress;
    case 'completed':
      return CallStatus.Completed;
    case 'busy':
      return CallStatus.Busy;
    case 'no-answer':
      return CallStatus.NoAnswer;
    case 'failed':
      return CallStatus.Failed;
    case 'canceled':
      return CallStatus.Canceled;
    default:
      return null;
  }
}
