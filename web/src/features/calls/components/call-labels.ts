import { CallDirection, CallStatus, VoicePurpose, type CallView } from '@navaia/shared';
import { CALL_OUTCOME_LABELS, CALL_STATUS_LABELS } from '../../../lib/status-labels';

export const CALL_PURPOSE_LABELS: Record<VoicePurpose, string> = {
  [VoicePurpose.Support]: 'Support',
  [VoicePurpose.Sales]: 'Sales',
};

export const CALL_DIRECTION_LABELS: Record<CallDirection, string> = {
  [CallDirection.Outbound]: 'Outbound',
  [CallDirection.Inbound]: 'Inbound',
};

export const CALL_PROVIDER_LABELS: Record<CallView['provider'], string> = {
  twilio: 'Twilio',
  elevenlabs: 'ElevenLabs',
  simulator: 'Simulator',
};

export const CALL_STATUS_OPTIONS = Object.values(CallStatus).map((value) => ({
  value,
  label: CALL_STATUS_LABELS[value],
}));

export const CALL_DIRECTION_OPTIONS = Object.values(CallDirection).map((value) => ({
  value,
  label: CALL_DIRECTION_LABELS[value],
}));

/** The outcome, unless the status already says it (a busy call is "Busy" either way). */
export function outcomeNote(call: Pick<CallView, 'status' | 'outcome'>): string | null {
  if (!call.outcome) return null;
  const outcome = CALL_OUTCOME_LABELS[call.outcome];
  return outcome === CALL_STATUS_LABELS[call.status] ? null : outcome;
}
