import {
  VoicePurpose,
  type StartVoiceSessionResponse,
  type VoiceSessionView,
} from '@navaia/shared';

let sequence = 0;

/** A voice session as the API shows it; ids are UUIDs because the API's routes require them. */
export function makeVoiceSession(overrides: Partial<VoiceSessionView> = {}): VoiceSessionView {
  const n = ++sequence;
  return {
    id: `0190a0b2-0000-7000-8000-${String(n).padStart(12, '0')}`,
    purpose: VoicePurpose.Support,
    channel: 'browser',
    provider: 'simulator',
    status: 'in_progress',
    customerId: null,
    customer: null,
    callId: null,
    conversationId: `sim_${n}`,
    startedAt: '2026-01-05T10:00:00.000Z',
    endedAt: null,
    durationSec: null,
    transcript: [],
    summary: null,
    analysis: null,
    outcome: null,
    ticketId: null,
    bookingId: null,
    failureReason: null,
    createdAt: '2026-01-05T10:00:00.000Z',
    ...overrides,
  };
}

export function makeSimulatorStart(session: VoiceSessionView): StartVoiceSessionResponse {
  return {
    session,
    connection: { provider: 'simulator', conversationId: session.conversationId ?? 'sim_1' },
    dynamicVariables: {
      voice_session_id: session.id,
      tenant_name: 'Acme Dental',
      customer_id: session.customer?.id ?? '',
      customer_name: session.customer?.displayName ?? '',
    },
  };
}
