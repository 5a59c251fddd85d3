import { randomUUID } from 'node:crypto';
import { signElevenLabs } from '../../src/modules/webhooks/elevenlabs-signature';

export interface PostCallOptions {
  conversationId?: string;
  dynamicVariables?: Record<string, string>;
  agentId?: string;
  dataCollection?: Record<string, unknown>;
  transcript?: { role: 'agent' | 'user'; message: string | null; time_in_call_secs: number }[];
  callerNumber?: string;
  startedAt?: number;
}

const collected = (values: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(values).map(([id, value]) => [
      id,
      { data_collection_id: id, value, rationale: 'test' },
    ]),
  );

/** A post_call_transcription event in ElevenLabs' wire format (see the provider docs). */
export function postCallEvent(options: PostCallOptions = {}) {
  const conversationId = options.conversationId ?? `conv_${randomUUID().replace(/-/g, '')}`;
  const start = options.startedAt ?? Math.floor(Date.now() / 1000) - 120;
  return {
    type: 'post_call_transcription',
    event_timestamp: start + 120,
    data: {
      agent_id: options.agentId ?? 'agent_test',
      agent_name: 'Support agent',
      conversation_id: conversationId,
      status: 'done',
      user_id: null,
      transcript: options.transcript ?? [
        { role: 'agent', message: 'Hi, thanks for calling. How can I help?', time_in_call_secs: 0 },
        {
          role: 'user',
          message: 'My router keeps dropping the connection every evening.',
          time_in_call_secs: 4,
        },
        { role: 'agent', message: null, time_in_call_secs: 9 },
        {
          role: 'agent',
          message: "I'm sorry about that. I've logged it for our technical team.",
          time_in_call_secs: 11,
        },
      ],
      metadata: {
        start_time_unix_secs: start,
        call_duration_secs: 118,
        cost: 412,
        termination_reason: 'end_call tool was called.',
        ...(options.callerNumber
          ? {
              phone_call: {
                type: 'twilio',
                direction: 'inbound',
                phone_number_id: 'phnum_test',
                agent_number: '+14155550100',
                external_number: options.callerNumber,
                stream_sid: 'MZ0',
                call_sid: `CA${randomUUID().replace(/-/g, '')}`,
              },
            }
          : {}),
      },
      analysis: {
        call_successful: 'success',
        transcript_summary:
          'The caller reported that their router drops the connection every evening.',
        data_collection_results: collected(
          options.dataCollection ?? {
            intent: 'support',
            issue_summary: 'Router drops the connection every evening',
            issue_priority: 'high',
            opt_out: false,
          },
        ),
        evaluation_criteria_results: {},
      },
      conversation_initiation_client_data: {
        conversation_config_override: {},
        dynamic_variables: { ...options.dynamicVariables, system__conversation_id: conversationId },
      },
      has_audio: true,
      unknown_future_field: { tolerated: true },
    },
  };
}

export function signed(event: object, secret: string, timestamp?: number) {
  const body = JSON.stringify(event);
  return { body, signature: signElevenLabs(body, secret, timestamp) };
}
