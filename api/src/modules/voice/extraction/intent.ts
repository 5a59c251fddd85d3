import { clauses, countAffirmative, statesAffirmatively, type Turn } from './conversation';
import { SERVICE_WORDS } from './service';
import type { Intent } from './types';

/**
 * Reads what a caller wanted from the words alone. Cues are counted per clause and ignored when
 * negated ("I don't need an appointment"); a few situations decide on their own, because the
 * words that usually mean booking mean something else in them.
 */

/** The caller wants an appointment. */
const BOOKING_CUES = [
  /\b(?:want|need|like|'d like|would like|wanna|trying|hoping|looking|able|can i|could i|may i|can we|could we|can you|could you|help me|i'd love)\s+(?:to\s+)?(?:book|schedule|reserve|make an? (?:appointment|booking|reservation)|set up an? (?:appointment|meeting|call|visit)|arrange an? (?:appointment|visit))\b/i,
  /\b(?:book|schedule|reserve)\s+(?:me|us|myself|an?|another|in|it|that|something|one|a table|for|on)\b/i,
  /\b(?:possible|able|okay|ok) to (?:book|schedule|reserve|come in)\b/i,
  /\b(?:make|get|need|want|like|'d like|book|schedule)\s+(?:an?|another)\s+(?:new\s+)?(?:appointment|booking|reservation|slot|session|table)\b/i,
  /\b(?:appointment|booking|reservation|slot|table)\s+for\s+(?:an?|my|me|us|two|three|four|five|six|\d+|tomorrow|next|this|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i,
  /\b(?:do you have|is there|are there|have you got|got)\s+(?:any(?:thing)?\s+)?(?:availability|openings?|slots?|free (?:slots?|time|spots?|appointments?)|space|room|appointments? (?:available|free|left)|anything (?:free|available|open))\b/i,
  /\b(?:do you have|have you got|is there)\s+(?:anything|something|a (?:slot|spot|space|time)|an? (?:opening|appointment))\b/i,
  /\b(?:are you free|when can i come|can i come (?:in|by|over|round)|i'd like to come in|fit me in|squeeze me in|put me down for|pencil me in)\b/i,
  new RegExp(
    `\\b(?:need|want|like|'d like|would like|get|book|have)\\s+(?:an?|to (?:get|have|book) an?|my)\\s+(?:[a-z-]+\\s+)?(?:${SERVICE_WORDS})\\b`,
    'i',
  ),
];

/** Something is wrong and the caller wants it sorted. */
const SUPPORT_CUES = [
  /\b(?:not working|doesn't work|does not work|don't work|isn't working|aren't working|stopped working|no longer works?|won't (?:start|turn on|load|connect|work|open|charge|boot)|can't (?:log ?in|sign in|connect|access|get in|open|use|hear|see|pay|download|install)|cannot (?:log ?in|sign in|connect|access|open|use))\b/i,
  /\b(?:cracked|shattered|dented|scratched|stuck|jammed|overheat(?:s|ing)?|dead|broken|broke|crash(?:es|ed|ing)?|keeps? (?:crashing|dropping|freezing|failing|disconnecting|cutting out|going off|beeping|leaking)|error|bug|glitch|outage|fault(?:y)?|defective|damaged|malfunction(?:ing)?|freez(?:es|ing)|frozen)\b/i,
  /\b(?:problem|issue|trouble)s?\b(?! (?:with (?:booking|the booking)))/i,
  /\bno (?:internet|signal|connection|power|electricity|water|hot water|heating|heat|dial tone|service|reception)\b/i,
  /\b(?:dropp(?:ing|ed|s)|lost|losing) (?:the |my )?(?:connection|calls?|signal|data)\b/i,
  /\b(?:site|website|server|system|network|internet|service|app|portal|line|wifi|wi-fi|router|email|phones?)(?:'s| is| was| went| has| has been|'s been| keeps going| keeps)?(?: been)? (?:down|offline)\b/i,
  /\bnever (?:comes?|arrives?|works?|turns? up|shows? up|gets? through|goes through)\b|\b(?:can't|cannot|unable to|trying to|tried to) (?:reset|change|recover|update) (?:my|the) (?:password|pin|login)\b/i,
  /\b(?:update|change|correct|amend|fix) (?:the |my |our )?(?:phone number|number|address|email(?: address)?|details|name|bank details|payment details|card details|account details|billing details)\b|\bout of date\b/i,
  /\b(?:(?:calling|ringing|phoning|call|ring) (?:about|regarding) (?:my|the|our|this) (?:bill|invoice|account|statement|payment|order|delivery|subscription|contract|refund|charges?))\b/i,
  /\b(?:gone up|went up|(?:nobody|no one|no-one) (?:told|warned|informed) (?:me|us)|without (?:telling|warning|informing) (?:me|us)|expired|deactivated|suspended|blocked|locked out|cut off|disconnected|(?:haven't|hasn't|have not|has not|didn't|did not|never) (?:received|got|been (?:refunded|credited|fixed|resolved|sorted|repaired))|but i (?:already )?(?:paid|cancelled|returned|sent))\b/i,
  /\b(?:slow|sluggish|laggy|lagging|unstable|intermittent|patchy|noisy|loud noise|rattl(?:es|ing)|squeak(?:s|ing|y)|mess|messy|dirty|filthy|stain(?:s|ed)?|mould|mold|pests?|smells? (?:bad|awful|terrible|funny|strange|weird))\b/i,
  /\b(?:fail(?:s|ed|ing|ure)?|emergency|smell(?:s)? (?:of )?(?:gas|burning|smoke)|water (?:is |keeps )?(?:pouring|coming|dripping|leaking))\b/i,
  /\b(?:leak(?:s|ing)?|flood(?:ed|ing)?|overcharged|charged (?:me )?twice|double[- ]charged|wrong (?:charge|amount|item|order|bill|invoice|address|name|size|colou?r|product|price|details)|refund|complain(?:t|ing)?|never (?:arrived|came|showed up|turned up)|hasn't arrived|didn't arrive|still waiting|not (?:happy|satisfied)|disappointed|rude|unacceptable|missing)\b/i,
];

/** A complaint about an appointment that went wrong: a ticket, whatever words about booking. */
const APPOINTMENT_COMPLAINT = [
  /\b(?:missed|no[- ]show|nobody (?:showed|came|turned up|was there)|no one (?:showed|came|turned up|was there)|didn't (?:show|turn up|come)|never (?:showed|turned up|came)|stood (?:me )?up|kept me waiting|waited (?:for )?(?:over |almost |nearly )?(?:an? |\d+ |two |three )?(?:hour|minutes)|you cancell?ed|(?:was|got|been) cancell?ed (?:on me|without)|cancell?ed (?:on me|without (?:telling|notice|warning|asking|letting)))\b/i,
];

const CANCELLATION = [
  /\b(?:cancel|call off)\s+(?:my|the|our|this|tomorrow's|it|that)\b/i,
  /\b(?:need|want|like|have|'d like|would like|got)\s+to\s+cancel\b/i,
  /\b(?:can't|cannot|won't be able to|unable to|not able to)\s+(?:make|come to|attend|keep)\s+(?:it|my|the|our)\b/i,
];

const RESCHEDULE = [
  /\b(?:reschedule|rebook|re-book|move (?:my|the|our|it|that)|change (?:my|the|our) (?:appointment|booking|reservation|time|date|slot)|(?:a )?different (?:day|time|date|slot)|push (?:it|my appointment|the appointment) (?:back|forward)|bring (?:it|my appointment) forward)\b/i,
];

/** The agent reminds the callee of an appointment that already exists. */
const REMINDER =
  /\b(?:reminder|remind(?:ing)? you|confirm(?:ing)? your (?:appointment|booking|reservation)|your (?:upcoming |existing )?(?:appointment|booking|reservation) (?:is |on |at |for |tomorrow|today|this|next))/i;

const WRONG_NUMBER =
  /\b(?:wrong number|dialled the wrong|dialed the wrong|misdialled|misdialed|wrong person)\b/i;

/** The agent says it booked something (a callback is not a booking). */
const AGENT_BOOKED =
  /\b(?:i've|i have|i'll|i will)\s+(?:now\s+|just\s+|gone ahead and\s+)?(?:booked|scheduled|reserved|put you down)(?!\s+(?:you\s+)?(?:an?\s+)?(?:call ?back|call|return call))|\byou(?:'re| are)\s+(?:all\s+)?(?:booked|scheduled)\b|\bbooked you in\b|\byour (?:appointment|booking|reservation) is (?:confirmed|booked|set)\b/i;
/** The agent says it logged a problem or handed it to someone. */
const AGENT_TICKET =
  /\b(?:ticket|(?:i've|i have|i'll|i will|i'm|i am)\s+(?:\w+\s+)?(?:logged|log|logging|raised|raise|raising|reported|report|reporting|escalated|escalate|escalating|filed|file|flagged|flag|opened a|passed (?:this|it|that) on|ask(?:ed)? (?:someone|somebody|billing|accounts|the team|our team|a manager|the manager|maintenance|an engineer|a technician)|booked a call ?back)|technical team|support team|service team|engineer will|technician will|someone will (?:call|get back|contact|look))\b/i;

export interface IntentSignals {
  booking: number;
  support: number;
  complaintAboutAppointment: boolean;
  cancellation: boolean;
  reschedule: boolean;
  wrongNumber: boolean;
  reminder: boolean;
  agentBooked: boolean;
  agentTicket: boolean;
}

export function readSignals(turns: Turn[], fallbackText = ''): IntentSignals {
  const userTurns = turns.filter((t) => t.role === 'user').map((t) => t.text);
  const user = userTurns.length > 0 ? userTurns.join('\n') : fallbackText;
  const agent = turns
    .filter((t) => t.role === 'agent')
    .map((t) => t.text)
    .join('\n');
  const any = (patterns: RegExp[]) => patterns.some((p) => statesAffirmatively(user, p));
  return {
    booking: countAffirmative(user, BOOKING_CUES),
    support: countAffirmative(user, SUPPORT_CUES),
    complaintAboutAppointment: any(APPOINTMENT_COMPLAINT),
    cancellation: any(CANCELLATION),
    reschedule: any(RESCHEDULE),
    wrongNumber: WRONG_NUMBER.test(user),
    reminder: REMINDER.test(agent),
    agentBooked: clauses(agent).some((c) => AGENT_BOOKED.test(c)),
    agentTicket: clauses(agent).some((c) => AGENT_TICKET.test(c)),
  };
}

/** Whether a clause states a problem (for picking the subject line). */
export function statesProblem(text: string): boolean {
  return [...SUPPORT_CUES, ...APPOINTMENT_COMPLAINT, ...CANCELLATION, ...RESCHEDULE].some((p) =>
    statesAffirmatively(text, p),
  );
}

/**
 * @param time.newTimeAgreed a future start with a time of day was agreed, not counting the
 *   appointment being moved or cancelled
 * @param time.callerConfirmedTime the caller said yes to a date and time the agent read back
 */
export function decideIntent(
  s: IntentSignals,
  time: { newTimeAgreed: boolean; callerConfirmedTime: boolean },
): Intent {
  const { newTimeAgreed, callerConfirmedTime } = time;
  if (s.wrongNumber && !s.agentBooked) return 'other';
  // "Nobody showed up for my appointment" is a complaint, not a request to book.
  if (s.complaintAboutAppointment) return 'support';
  // Moving an appointment to a new time is a booking; dropping it (or no new time) is for staff.
  if (s.cancellation || s.reschedule) return newTimeAgreed ? 'booking' : 'support';
  // What the agent says it did counts, but does not outvote what the caller said.
  const booking = s.booking + (s.agentBooked ? 2 : 0);
  const support = s.support + (s.agentTicket ? 2 : 0);
  if (booking > 0 && booking >= support) return 'booking';
  if (support > 0) return 'support';
  // No words either way, but the caller said yes to a date and time the agent read back —
  // unless that was a reminder of an appointment they already have.
  if (callerConfirmedTime && !s.reminder) return 'booking';
  return 'other';
}
