import { VoiceOutcome, VoicePurpose, type VoiceSessionView } from '@navaia/shared';

export const VOICE_PURPOSE_LABELS: Record<VoicePurpose, string> = {
  [VoicePurpose.Support]: 'Support',
  [VoicePurpose.Sales]: 'Sales',
};

export const VOICE_OUTCOME_LABELS: Record<VoiceOutcome, string> = {
  [VoiceOutcome.TicketCreated]: 'Ticket created',
  [VoiceOutcome.BookingCreated]: 'Booking created',
  [VoiceOutcome.NoAction]: 'No action',
  [VoiceOutcome.Failed]: 'Failed',
};

export const VOICE_OUTCOME_COLORS: Record<VoiceOutcome, string> = {
  [VoiceOutcome.TicketCreated]: 'blue',
  [VoiceOutcome.BookingCreated]: 'green',
  [VoiceOutcome.NoAction]: 'gray',
  [VoiceOutcome.Failed]: 'red',
};

export const VOICE_CHANNEL_LABELS: Record<VoiceSessionView['channel'], string> = {
  browser: 'Browser',
  phone: 'Phone',
};

export const VOICE_PROVIDER_LABELS: Record<VoiceSessionView['provider'], string> = {
  elevenlabs: 'ElevenLabs',
  simulator: 'Simulator',
};

const options = <T extends string>(labels: Record<T, string>) =>
  (Object.keys(labels) as T[]).map((value) => ({ value, label: labels[value] }));

export const VOICE_PURPOSE_OPTIONS = options(VOICE_PURPOSE_LABELS);
export const VOICE_OUTCOME_OPTIONS = options(VOICE_OUTCOME_LABELS);

/** The agent's opening line, as the simulator says it (it is not returned by the API). */
export function simulatorGreeting(customerName: string | null | undefined): string {
  const hello = customerName
    ? `Hi ${customerName}, thanks for calling.`
    : 'Hi, thanks for calling.';
  return `${hello} How can I help you today?`;
}
