import {
  CallDirection,
  CallStatus,
  VoicePurpose,
  type CallDetailView,
  type CallView,
  type VoiceSessionView,
} from '@navaia/shared';

let sequence = 0;

/** A call as the API shows it; ids are UUIDs because the API's routes require them. */
export function makeCall(overrides: Partial<CallView> = {}): CallView {
  const n = ++sequence;
  return {
    id: `0190a0b2-0000-7000-9000-${String(n).padStart(12, '0')}`,
    status: CallStatus.Queued,
    direction: CallDirection.Outbound,
    purpose: VoicePurpose.Support,
    provider: 'simulator',
    customerId: 'customer-ada',
    customer: { id: 'customer-ada', displayName: 'Ada Lovelace' },
    campaignId: null,
    from: '+14155550100',
    to: '+14155550123',
    providerCallSid: null,
    conversationId: null,
    voiceSessionId: null,
    queuedAt: '2026-01-05T10:00:00.000Z',
    startedAt: null,
    answeredAt: null,
    endedAt: null,
    durationSec: null,
    answeredBy: null,
    outcome: null,
    failureReason: null,
    ticketId: null,
    bookingId: null,
    ...overrides,
  };
}

export function makeCallDetail(overrides: Partial<CallDetailView> = {}): CallDetailView {
  const { voiceSession = null, events = [], recordingUrl = null, ...call } = overrides;
  return { ...makeCall(call), voiceSession, events, recordingUrl };
}

/** The conversation of a call, as the call detail embeds it. */
export function makeVoiceSessionView(overrides: Partial<VoiceSessionView> = {}): VoiceSessionView {
  return {
    id: '0190a0b2-0000-7000-8000-000000000001',
    purpose: VoicePurpose.Support,
    channel: 'phone',
    provider: 'simulator',
    status: 'ended',
    customerId: 'customer-ada',
    customer: { id: 'customer-ada', displayName: 'Ada Lovelace' },
    callId: null,
    conversationId: 'conv_sim_1',
    startedAt: '2026-01-05T10:00:05.000Z',
    endedAt: '2026-01-05T10:00:47.000Z',
    durationSec: 42,
    transcript: [],
    summary: null,
    analysis: null,
    outcome: null,
    ticketId: null,
    bookingId: null,
    failureReason: null,
    createdAt: '2026-01-05T10:00:05.000Z',
    ...overrides,
  };
}
