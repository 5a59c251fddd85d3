import type { SimulatedConversation } from './simulated-agent';

export const SIMULATOR_AGENT_IDS = {
  support: 'simulator-support-agent',
  sales: 'simulator-sales-agent',
} as const;

const collected = (id: string, value: unknown) => ({
  data_collection_id: id,
  value,
  rationale: 'Simulated agent',
});

/**
 * The `post_call_transcription` event ElevenLabs would send for this conversation, in its
 * wire format (snake_case, the fields of GET /v1/convai/conversations/{id}).
 */
export function postCallPayload(
  c: SimulatedConversation,
  endedAt: number,
): { type: string; event_timestamp: number; data: Record<string, unknown> } {
  const start = Math.floor(c.startedAt / 1000);
  const booking = c.intent === 'booking' && c.confirmed;
  const support = c.intent === 'support' && c.confirmed;
  const intent = booking
    ? 'booking'
    : support
      ? 'support'
      : c.intent === 'booking' || c.intent === 'support'
        ? c.intent
        : 'other';
  const results: Record<string, unknown> = {
    intent: collected('intent', intent),
    opt_out: collected('opt_out', c.optOut === true),
  };
  const name = c.dynamicVariables.customer_name;
  if (typeof name === 'string' && name) results.customer_name = collected('customer_name', name);
  if (c.intent === 'support' && c.issue) {
    results.issue_summary = collected('issue_summary', c.issue.slice(0, 200));
    results.issue_priority = collected('issue_priority', c.priority ?? 'normal');
  }
  if (c.intent === 'booking') {
    if (c.service) results.booking_service = collected('booking_service', c.service);
    if (c.proposedAt) results.booking_datetime = collected('booking_datetime', c.proposedAt);
  }
  const summary =
    intent === 'support'
      ? `The caller reported a problem: ${c.issue}. The agent logged it.`
      : intent === 'booking'
        ? `The caller booked ${c.service} for ${c.proposedAt}.`
        : 'The caller did not need a ticket or a booking.';
  const agentId = SIMULATOR_AGENT_IDS[c.purpose];
  return {
    type: 'post_call_transcription',
    event_timestamp: Math.floor(endedAt / 1000),
    data: {
      agent_id: agentId,
      agent_name: `Simulated ${c.purpose} agent`,
      conversation_id: c.conversationId,
      status: 'done',
      user_id: null,
      transcript: c.transcript.map((t) => ({
        role: t.role,
        message: t.message,
        time_in_call_secs: t.timeInCallSecs,
      })),
      metadata: {
        start_time_unix_secs: start,
        call_duration_secs: Math.max(1, Math.round((endedAt - c.startedAt) / 1000)),
        termination_reason: 'end_call tool was called.',
        main_language: 'en',
      },
      analysis: {
        call_successful: intent === 'other' ? 'unknown' : 'success',
        transcript_summary: summary,
        call_summary_title:
          intent === 'other'
            ? 'General enquiry'
            : intent === 'support'
              ? 'Support request'
              : 'Booking',
        data_collection_results: results,
        evaluation_criteria_results: {},
      },
      conversation_initiation_client_data: {
        conversation_config_override: {},
        dynamic_variables: {
          ...c.dynamicVariables,
          system__agent_id: agentId,
          system__conversation_id: c.conversationId,
        },
      },
      has_audio: false,
      has_user_audio: false,
      has_response_audio: false,
    },
  };
}
