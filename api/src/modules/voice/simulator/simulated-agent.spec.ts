import { greet, respond, SimulatedConversation } from './simulated-agent';
import { postCallPayload } from './post-call-payload';

const start = Date.UTC(2026, 10, 20, 9, 0, 0); // Friday 20 November 2026, 09:00 UTC

function conversation(overrides: Partial<SimulatedConversation> = {}): SimulatedConversation {
  const c: SimulatedConversation = {
    conversationId: 'sim_1',
    sessionId: '01a1fd00-0000-7000-8000-000000000001',
    tenantId: '01a1fd00-0000-7000-8000-000000000002',
    purpose: 'support',
    timezone: 'Europe/Berlin',
    startedAt: start,
    dynamicVariables: {
      voice_session_id: '01a1fd00-0000-7000-8000-000000000001',
      customer_name: 'Ada',
    },
    transcript: [],
    stage: 'intent',
    ...overrides,
  };
  c.transcript = greet(c);
  return c;
}

function talk(c: SimulatedConversation, ...lines: string[]): SimulatedConversation {
  let state = c;
  lines.forEach((line, i) => {
    const next = respond(state, line, start + (i + 1) * 10_000);
    state = { ...next.state, transcript: [...state.transcript, ...next.turns] };
  });
  return state;
}

describe('simulated agent', () => {
  it('greets the caller by name', () => {
    expect(conversation().transcript[0].message).toBe(
      'Hi Ada, thanks for calling. How can I help you today?',
    );
  });

  it('logs a support request after asking for the problem and confirming', () => {
    const c = talk(conversation(), 'I have a problem', 'The invoice shows the wrong amount', 'yes');
    expect(c).toMatchObject({
      intent: 'support',
      issue: 'The invoice shows the wrong amount',
      confirmed: true,
      stage: 'ended',
    });
  });

  it('marks urgent problems as urgent', () => {
    const c = talk(
      conversation(),
      'Urgent: our whole office internet is broken since this morning',
      'yes',
    );
    expect(c.priority).toBe('urgent');
  });

  it('asks for the service and the time, resolves the time in the tenant zone, and books on confirmation', () => {
    const c = talk(
      conversation({ purpose: 'sales' }),
      'I want to book an appointment',
      'A haircut',
      'tomorrow at 9:30',
      'yes please',
    );
    expect(c).toMatchObject({
      intent: 'booking',
      service: 'haircut',
      confirmed: true,
      stage: 'ended',
    });
    // 09:30 in Berlin (UTC+1 in November) on Saturday 21 November.
    expect(c.proposedAt).toBe('2026-11-21T08:30:00.000Z');
  });

  it('changes the time when the caller does not confirm the first one', () => {
    const c = talk(
      conversation(),
      'Can I book a consultation tomorrow at 10am?',
      'No, make it Monday at 2 pm instead',
      'yes',
    );
    expect(c.proposedAt).toBe('2026-11-23T13:00:00.000Z');
    expect(c.confirmed).toBe(true);
  });

  it('asks again when no time can be understood', () => {
    const next = respond(talk(conversation(), 'book a massage'), 'whenever really', start + 30_000);
    expect(next.turns[1].message).toMatch(/which day and time/i);
  });

  it('notes an opt-out and ends on goodbye', () => {
    const c = talk(conversation(), 'Please stop calling me, goodbye');
    expect(c).toMatchObject({ optOut: true, stage: 'ended', intent: 'other' });
  });

  it('produces the post-call event ElevenLabs would send, with the session’s variables', () => {
    const c = talk(conversation(), 'I want to book a haircut tomorrow at 9:30', 'yes');
    const event = postCallPayload(c, start + 60_000);
    expect(event.type).toBe('post_call_transcription');
    expect(event.data).toMatchObject({
      conversation_id: 'sim_1',
      status: 'done',
      metadata: { start_time_unix_secs: start / 1000, call_duration_secs: 60 },
      conversation_initiation_client_data: { dynamic_variables: { voice_session_id: c.sessionId } },
    });
    const results = (
      event.data.analysis as { data_collection_results: Record<string, { value: unknown }> }
    ).data_collection_results;
    expect(results.intent.value).toBe('booking');
    expect(results.booking_datetime.value).toBe('2026-11-21T08:30:00.000Z');
  });
});
