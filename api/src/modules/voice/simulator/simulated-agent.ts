import * as chrono from 'chrono-node';
import type { TranscriptTurnView } from '@navaia/shared';

/** Where a simulated conversation stands; kept in Redis between messages. */
export interface SimulatedConversation {
  conversationId: string;
  sessionId: string;
  tenantId: string;
  purpose: 'support' | 'sales';
  timezone: string;
  startedAt: number;
  dynamicVariables: Record<string, string | number | boolean>;
  transcript: TranscriptTurnView[];
  intent?: 'support' | 'booking' | 'other';
  issue?: string;
  priority?: 'low' | 'normal' | 'high' | 'urgent';
  service?: string;
  /** ISO instant of the proposed booking. */
  proposedAt?: string;
  confirmed?: boolean;
  optOut?: boolean;
  stage: 'intent' | 'issue' | 'service' | 'time' | 'confirm' | 'ended';
}

const BOOKING =
  /\b(book|booking|appointment|schedule|reserve|reservation|slot|haircut|consultation|session|visit)\b/i;
// Stems: "fail" matches failing and failed, "crash" crashes, and so on.
const SUPPORT =
  /\b(problem|issue|broken|not working|doesn'?t work|does not work|error|crash|complain|refund|wrong|fail|help with|drop|missed|stopped|outage)/i;
const YES =
  /\b(yes|yeah|yep|correct|sure|right|perfect|ok|okay|that works|sounds good|please do)\b/i;
const NO = /\b(no|nope|not quite|wrong|change|different|actually)\b/i;
const GOODBYE = /\b(bye|goodbye|that'?s all|nothing else|no thanks|hang up)\b/i;
const OPT_OUT = /\b(don'?t call me|stop calling|remove me|do not call)\b/i;
const URGENT = /\b(urgent|emergency|asap|right away|immediately|critical)\b/i;
const SERVICE =
  /\b(?:book|booking|reserve|schedule|for)\s+(?:a|an|the|my)?\s*([a-z][a-z -]{2,40}?)(?:\s+(?:on|at|for|tomorrow|today|next)\b|[.,!?]|$)/i;

function localTime(iso: string, timezone: string): string {
  return new Intl.DateTimeFormat('en-US', {
    timeZone: timezone,
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  }).format(new Date(iso));
}

/** Minutes east of UTC of `timezone` at `at`. */
function offsetMinutes(timezone: string, at: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: timezone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return Math.round((asUtc - at.getTime()) / 60_000);
}

/** A date and time named in `text`, in the tenant's zone, in the future; null without a time. */
export function resolveTime(text: string, now: Date, timezone: string): string | null {
  const [result] = chrono.parse(
    text,
    { instant: now, timezone: offsetMinutes(timezone, now) },
    { forwardDate: true },
  );
  if (!result || !result.start.isCertain('hour')) return null;
  return result.start.date().toISOString();
}

function say(
  state: SimulatedConversation,
  now: number,
  ...messages: string[]
): TranscriptTurnView[] {
  const seconds = Math.max(0, Math.round((now - state.startedAt) / 1000));
  return messages.map((message) => ({ role: 'agent' as const, message, timeInCallSecs: seconds }));
}

/** The opening line. */
export function greet(state: SimulatedConversation): TranscriptTurnView[] {
  const name = state.dynamicVariables.customer_name;
  const hello =
    typeof name === 'string' && name
      ? `Hi ${name}, thanks for calling.`
      : 'Hi, thanks for calling.';
  return say(state, state.startedAt, `${hello} How can I help you today?`);
}

/**
 * The simulated agent: works out whether the caller needs support or a booking, asks for
 * what is missing (the issue; the service, day and time), confirms, and ends. Pure: the
 * caller stores the returned state.
 */
export function respond(
  state: SimulatedConversation,
  text: string,
  now = Date.now(),
): { state: SimulatedConversation; turns: TranscriptTurnView[] } {
  const next: SimulatedConversation = { ...state };
  const user: TranscriptTurnView = {
    role: 'user',
    message: text,
    timeInCallSecs: Math.max(0, Math.round((now - state.startedAt) / 1000)),
  };
  const reply = (...messages: string[]) => ({
    state: next,
    turns: [user, ...say(next, now, ...messages)],
  });
  if (OPT_OUT.test(text)) next.optOut = true;
  if (URGENT.test(text)) next.priority = 'urgent';

  if (GOODBYE.test(text) && next.stage !== 'confirm') {
    next.stage = 'ended';
    next.intent ??= 'other';
    return reply(
      next.optOut
        ? 'Understood, we will not call you again. Goodbye.'
        : 'Thanks for calling. Goodbye!',
    );
  }

  if (next.stage === 'intent') {
    if (BOOKING.test(text) || (state.purpose === 'sales' && !SUPPORT.test(text))) {
      next.intent = 'booking';
      const service = SERVICE.exec(text)?.[1]?.trim();
      if (service && !/appointment|booking/i.test(service)) next.service = service;
      const at = resolveTime(text, new Date(now), state.timezone);
      if (at) next.proposedAt = at;
    } else if (SUPPORT.test(text)) {
      next.intent = 'support';
      if (text.split(/\s+/).length >= 5) next.issue = text;
    } else {
      return reply('Do you need help with a problem, or would you like to book an appointment?');
    }
  } else if (next.stage === 'issue') {
    next.issue = text;
  } else if (next.stage === 'service') {
    next.service = text.replace(/^(a|an|the)\s+/i, '').replace(/[.!?]$/, '');
    const at = resolveTime(text, new Date(now), state.timezone);
    if (at) next.proposedAt = at;
  } else if (next.stage === 'time') {
    const at = resolveTime(text, new Date(now), state.timezone);
    if (!at)
      return reply('Sorry, which day and time would suit you? For example, "tomorrow at 10 am".');
    next.proposedAt = at;
  } else if (next.stage === 'confirm') {
    if (YES.test(text) && !NO.test(text.replace(/\bno problem\b/i, ''))) {
      next.confirmed = true;
      next.stage = 'ended';
      return reply(
        next.intent === 'booking'
          ? `You're booked for ${next.service} on ${localTime(next.proposedAt!, state.timezone)}. See you then, goodbye!`
          : 'I have logged it for our team; someone will get back to you. Goodbye!',
      );
    }
    const at = resolveTime(text, new Date(now), state.timezone);
    if (next.intent === 'booking' && at) next.proposedAt = at;
    else if (next.intent === 'booking') {
      next.stage = 'time';
      return reply('No problem. Which day and time would suit you better?');
    } else {
      next.issue = `${next.issue ?? ''} ${text}`.trim();
    }
  }

  if (next.intent === 'support') {
    if (!next.issue) {
      next.stage = 'issue';
      return reply('I am sorry to hear that. Could you describe the problem in a few words?');
    }
    next.priority ??= 'normal';
    next.stage = 'confirm';
    return reply(`Let me make sure I have it: "${next.issue}". Shall I log this for our team?`);
  }
  if (!next.service) {
    next.stage = 'service';
    return reply('Happy to book that for you. Which service would you like?');
  }
  if (!next.proposedAt) {
    next.stage = 'time';
    return reply(`Great, ${next.service}. Which day and time would suit you?`);
  }
  next.stage = 'confirm';
  return reply(
    `So that's ${next.service} on ${localTime(next.proposedAt, state.timezone)}. Shall I book it?`,
  );
}
