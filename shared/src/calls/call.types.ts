import type { VoiceSessionView } from '../voice/voice.types';
import type { VoicePurpose } from '../voice/voice.dto';
import type { CallDirection, CallOutcome, CallRejection, CallStatus } from './call-status';

export interface CallView {
  id: string;
  status: CallStatus;
  direction: CallDirection;
  purpose: VoicePurpose;
  provider: 'twilio' | 'elevenlabs' | 'simulator';
  customerId: string | null;
  customer: { id: string; displayName: string } | null;
  campaignId: string | null;
  from: string | null;
  to: string;
  providerCallSid: string | null;
  conversationId: string | null;
  voiceSessionId: string | null;
  queuedAt: string;
  startedAt: string | null;
  answeredAt: string | null;
  endedAt: string | null;
  durationSec: number | null;
  answeredBy: string | null;
  outcome: CallOutcome | null;
  failureReason: string | null;
  ticketId: string | null;
  bookingId: string | null;
}

/** One step of a call's timeline, as the dialer or a provider reported it. */
export interface CallEventView {
  id: string;
  status: CallStatus | null;
  source: 'api' | 'dialer' | 'twilio' | 'elevenlabs' | 'simulator' | 'reconciler';
  detail: string | null;
  sequenceNumber: number | null;
  applied: boolean;
  occurredAt: string;
}

export interface CallDetailView extends CallView {
  voiceSession: VoiceSessionView | null;
  events: CallEventView[];
  /** Where the recording can be fetched, when the provider sent one. */
  recordingUrl: string | null;
}

export interface BulkCallResult {
  accepted: CallView[];
  rejected: { customerId: string; reason: CallRejection; message: string }[];
}
