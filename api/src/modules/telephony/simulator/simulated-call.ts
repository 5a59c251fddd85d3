import { randomBytes } from 'node:crypto';
import type { VoicePurpose } from '@navaia/shared';
import { postCallPayload } from '../../voice/simulator/post-call-payload';
import { greet, respond, SimulatedConversation } from '../../voice/simulator/simulated-agent';

import type { SimulatedOutcome } from '../../../config/simulator-outcomes';

export const simulatedCallSid = () => `CA${randomBytes(16).toString('hex')}`;
export const simulatedConversationId = () => `conv_sim_${randomBytes(12).toString('hex')}`;

/** One status callback of the simulated call, `atMs` after dialing. */
export interface SimulatedStep {
  atMs: number;
  status: 'initiated' | 'ringing' | 'in-progress' | 'completed' | 'busy' | 'no-answer' | 'failed';
  answeredBy?: string;
  callDurationSecs?: number;
  sipResponseCode?: number;
}

export interface Pace {
  ringMs: number;
  talkMs: number;
}

/** The callbacks Twilio would send for a call with this outcome. */
export function simulatedSteps(outcome: SimulatedOutcome, pace: Pace): SimulatedStep[] {
  const ring = pace.ringMs;
  const steps: SimulatedStep[] = [{ atMs: 0, status: 'initiated' }];
  switch (outcome) {
    case 'failed':
      return [...steps, { atMs: Math.round(ring / 4), status: 'failed', sipResponseCode: 404 }];
    case 'busy':
      return [...steps, { atMs: Math.round(ring / 2), status: 'busy', sipResponseCode: 486 }];
    case 'no_answer':
      return [
        ...steps,
        { atMs: Math.round(ring / 4), status: 'ringing' },
        { atMs: ring * 3, status: 'no-answer', sipResponseCode: 487 },
      ];
    default: {
      const answeredBy = outcome === 'voicemail' ? 'machine_end_beep' : 'human';
      const talk = outcome === 'voicemail' ? Math.round(pace.talkMs / 2) : pace.talkMs;
      return [
        ...steps,
        { atMs: Math.round(ring / 4), status: 'ringing' },
        { atMs: ring, status: 'in-progress', answeredBy },
        {
          atMs: ring + talk,
          status: 'completed',
          answeredBy,
          callDurationSecs: Math.max(1, Math.round(talk / 1000)),
          sipResponseCode: 200,
        },
      ];
    }
  }
}

/** What the simulated customer says, by call purpose; one is picked per call. */
const SCRIPTS: Record<VoicePurpose, string[][]> = {
  support: [
    ['Hi, my internet connection keeps dropping every evening since Monday.', 'Yes, please.'],
    ['Hello, I was charged twice for my last order and I need a refund.', 'Yes, that is right.'],
    ['The app shows an error every time I try to log in, it is urgent.', 'Yes please do.'],
  ],
  sales: [
    ['Yes, I would like to book a consultation tomorrow at 10 am.', 'Yes, perfect.'],
    ['I want to book a haircut next Friday at 3 pm.', 'Yes, that works.'],
    ['Not interested right now, thanks. Goodbye.'],
  ],
};

const VOICEMAIL_MESSAGE = (name: string) =>
  `Hi ${name || 'there'}, this is a call from your service team. We will try you again later, or call us back at your convenience. Goodbye.`;

/**
 * The post_call_transcription webhook of a simulated phone call: the customer's script
 * played against the simulated agent (or a voicemail message), in ElevenLabs' wire format,
 * with the dynamic variables of the call and Twilio's call SID as a phone call carries them.
 */
export function simulatedPostCall(input: {
  purpose: VoicePurpose;
  tenantId: string;
  timezone: string;
  callSid: string;
  to: string;
  conversationId: string;
  dynamicVariables: Record<string, string | number | boolean>;
  startedAt: number;
  talkMs: number;
  voicemail: boolean;
  random?: number;
}): ReturnType<typeof postCallPayload> {
  let state: SimulatedConversation = {
    conversationId: input.conversationId,
    sessionId: String(input.dynamicVariables.voice_session_id ?? ''),
    tenantId: input.tenantId,
    purpose: input.purpose,
    timezone: input.timezone,
    startedAt: input.startedAt,
    dynamicVariables: input.dynamicVariables,
    transcript: [],
    stage: 'intent',
  };
  if (input.voicemail) {
    const name = String(input.dynamicVariables.customer_name ?? '');
    state = {
      ...state,
      stage: 'ended',
      intent: 'other',
      transcript: [{ role: 'agent', message: VOICEMAIL_MESSAGE(name), timeInCallSecs: 1 }],
    };
  } else {
    const scripts = SCRIPTS[input.purpose];
    const script = scripts[Math.floor((input.random ?? Math.random()) * scripts.length)];
    const step = Math.max(1, Math.floor(input.talkMs / (script.length + 1)));
    state.transcript = greet(state);
    for (const [i, line] of script.entries()) {
      if (state.stage === 'ended') break;
      const { state: next, turns } = respond(state, line, input.startedAt + step * (i + 1));
      state = { ...next, transcript: [...state.transcript, ...turns] };
    }
  }
  const payload = postCallPayload(state, input.startedAt + input.talkMs);
  const metadata = payload.data.metadata as Record<string, unknown>;
  metadata.phone_call = {
    direction: 'outbound',
    phone_number_id: 'simulated-number',
    agent_number: null,
    external_number: input.to,
    type: 'twilio',
    call_sid: input.callSid,
  };
  return payload;
}
