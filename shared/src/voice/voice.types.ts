import type { VoiceOutcome, VoicePurpose } from './voice.dto';

export interface TranscriptTurnView {
  role: 'agent' | 'user';
  message: string;
  timeInCallSecs: number;
}

export interface VoiceSessionView {
  id: string;
  purpose: VoicePurpose;
  channel: 'browser' | 'phone';
  provider: 'elevenlabs' | 'simulator';
  status: 'created' | 'in_progress' | 'ended' | 'failed';
  customerId: string | null;
  customer: { id: string; displayName: string } | null;
  callId: string | null;
  conversationId: string | null;
  startedAt: string | null;
  endedAt: string | null;
  durationSec: number | null;
  transcript: TranscriptTurnView[];
  summary: string | null;
  analysis: Record<string, unknown> | null;
  outcome: VoiceOutcome | null;
  ticketId: string | null;
  bookingId: string | null;
  failureReason: string | null;
  createdAt: string;
}

/** How the browser connects to the agent. */
export type VoiceConnection =
  | { provider: 'elevenlabs'; signedUrl?: string; conversationToken?: string; agentId: string }
  | { provider: 'simulator'; conversationId: string };

export interface StartVoiceSessionResponse {
  session: VoiceSessionView;
  connection: VoiceConnection;
  /** Passed to the conversation; they come back in the post-call webhook. */
  dynamicVariables: Record<string, string | number | boolean>;
}

/** The simulated agent's answer to a text message. */
export interface SimulatorReply {
  turns: TranscriptTurnView[];
  /** True when the agent ended the conversation; the post-call webhook follows. */
  ended: boolean;
}
