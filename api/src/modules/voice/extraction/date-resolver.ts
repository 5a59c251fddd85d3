import type { Turn } from './conversation';
import {
  findDateMentions,
  type DateMention,
  type ReferenceFrame,
  type RollUnit,
} from './date-mentions';
import {
  addDays,
  compareDates,
  fromWallClock,
  nextMonthWithDay,
  toWallClock,
  type CalendarDate,
  type TimeOfDay,
} from '../../../common/time/zoned-time';

/**
 * Works out the start a caller and the agent agreed on. Dates and times said in different
 * turns combine ("Tuesday?" … "at 3"), later statements replace earlier ones ("Monday —
 * actually, make it Tuesday"), a rejected proposal is forgotten, and once the caller said yes
 * to a date and time the agent read back, only an explicit change by the caller overrides it.
 */

/** What has been settled so far. */
export interface Slot {
  date: CalendarDate | null;
  /** The date came from a bare time ("at 3" → today or tomorrow), not from the speaker. */
  dateImplied: boolean;
  roll: RollUnit;
  time: TimeOfDay | null;
  datePhrase: string | null;
  timePhrase: string | null;
}

export interface ResolvedTime {
  /** A bookable start: a date and a time of day, not before the call. */
  startsAt: Date | null;
  slot: Slot;
  /** What the caller asked for in words when no bookable start came of it ("Friday afternoon"). */
  requested: string | null;
  /** The agent turn whose read-back the caller confirmed, if any. */
  confirmedTurn: number | null;
}

export interface ResolveOptions {
  /**
   * The caller is moving or cancelling an appointment they already have, so "my appointment on
   * Monday" and "from Monday" name the old slot, not the new one.
   */
  existingAppointment?: boolean;
}

const EMPTY_SLOT: Slot = {
  date: null,
  dateImplied: false,
  roll: 'none',
  time: null,
  datePhrase: null,
  timePhrase: null,
};

/** Words right before a mention that take it off the table. */
const RULED_OUT_BEFORE =
  /(?:\b(?:not|instead of|rather than|except|other than)\s+(?:on\s+|at\s+)?|\b(?:until|till|til|before|after|from|between|opens?|closes?)\s+(?:at\s+)?|\b(?:can't|cannot|can not|couldn't|won't be able to)\s+(?:do|make|come|manage)(?:\s+it)?(?:\s+(?:on|at|in))?\s*)$/i;
/** Words right after a mention that take it off the table ("Monday doesn't work"). */
const RULED_OUT_AFTER =
  /^\s*(?:(?:is|'s|are|would be|will be)\s+)?(?:(?:not|no longer) (?:possible|available|free|good|ideal)|no good|taken|gone|full|fully booked|unavailable|impossible|(?:is |was |has been |are )?(?:now )?cancell?ed|(?:doesn't|does not|won't|will not|wouldn't|would not|isn't going to|can't) (?:work|suit|do|be possible|fit))\b/i;
/** Words right before a mention that name the appointment the caller already has. */
const EXISTING_BEFORE =
  /(?:\b(?:my|your|the|our)\s+(?:current\s+|existing\s+|original\s+|old\s+|usual\s+)?(?:appointment|booking|reservation|slot)(?:\s+(?:is|was|'s))?(?:\s+(?:on|at|for))?|\bi\s+(?:have|had|'ve got|have got)\s+(?:an?\s+|my\s+)?(?:appointment|booking|reservation)(?:\s+(?:on|at|for))?|\bcancel(?:\s+(?:my|the|our))?(?:\s+(?:appointment|booking|reservation))?(?:\s+(?:on|at|for))?|\bcancell?ation(?:\s+(?:of|for|on))?|\bfrom)\s*$/i;
const EXISTING_AFTER = /^(?:'s)?\s*(?:appointment|booking|reservation)\b/i;

const COMPLETION =
  /\b(?:(?:i've|i have|i'll|i will|i've gone ahead and|i went ahead and)\s+(?:now\s+|just\s+)?(?:booked|scheduled|reserved|put you down|moved|rescheduled|changed|confirmed|book|schedule|reserve|move|change)|you(?:'re| are)\s+(?:all\s+)?(?:booked|scheduled|confirmed|set for|down for)|booked you in|(?:your|the)\s+(?:appointment|booking|reservation)\s+(?:is|has been)\s+(?:now\s+)?(?:confirmed|booked|set|scheduled|moved)|see you (?:on|then|tomorrow|next|at)|i have you (?:down|booked))\b/i;
const PROPOSAL =
  /\?\s*$|\b(?:so that's|that's|that would be|to confirm|confirming|shall i|should i|would you like|does that work|is that (?:right|correct|ok|okay)|correct|how about|what about|can you do|could you do|works for you)\b/i;
const AFFIRMATIVE =
  /^(?:yes|yeah|yep|yup|correct|that's (?:right|correct|perfect|great|fine|good)|right|perfect|great|sounds (?:good|great|perfect)|sure|ok|okay|absolutely|definitely|exactly|please do|that works|works for me|lovely|fine|brilliant|go ahead|book it|do it|deal|done|cool|go for it|let's do (?:it|that)|works)\b/i;
const REJECTION =
  /^(?:no|nope|nah|not really|unfortunately not|sorry,? (?:no|i can't)|that doesn't work|that won't work|i can't|i cannot)\b/i;
const CORRECTION =
  /\b(?:actually|instead|change (?:it|that)|make it|rather|move it|can we do|could we do|can we make|could we make|how about|what about|prefer|switch|on second thought|wait)\b/i;

function sentenceStart(text: string, index: number): number {
  const from = index - 1;
  const boundary = Math.max(
    text.lastIndexOf('.', from),
    text.lastIndexOf('!', from),
    text.lastIndexOf('?', from),
    text.lastIndexOf(';', from),
  );
  return boundary + 1;
}

function isEligible(
  text: string,
  m: DateMention,
  today: CalendarDate,
  options: ResolveOptions,
): boolean {
  // The rules look a few words either side; bounded slices keep long turns linear.
  const before = text.slice(Math.max(sentenceStart(text, m.index), m.index - 120), m.index);
  const after = text.slice(m.index + m.text.length, m.index + m.text.length + 120);
  if (RULED_OUT_BEFORE.test(before) || RULED_OUT_AFTER.test(after)) return false;
  if (options.existingAppointment && (EXISTING_BEFORE.test(before) || EXISTING_AFTER.test(after))) {
    return false;
  }
  // "yesterday at 3" is history, not a request.
  return !(m.date && m.roll === 'none' && compareDates(m.date, today) < 0);
}

function applyMention(slot: Slot, m: DateMention): Slot {
  const next = { ...slot };
  if (m.date) {
    next.date = m.date;
    next.dateImplied = false;
    next.roll = m.roll;
    next.datePhrase = m.text;
  }
  if (m.time) {
    next.time = m.time;
    next.timePhrase = m.text;
    if (!m.date && (slot.date === null || slot.dateImplied)) {
      next.date = m.impliedDate;
      next.dateImplied = true;
      next.roll = 'day';
      next.datePhrase = null;
    }
  }
  return next;
}

const isComplete = (slot: Slot) => slot.date !== null && slot.time !== null;

/** The instant of a settled slot, rolled forward if the caller's words allow it. */
export function slotToInstant(slot: Slot, frame: ReferenceFrame): Date | null {
  if (!slot.date || !slot.time || Number.isNaN(frame.startedAt.getTime())) return null;
  const time = slot.time;
  const at = (date: CalendarDate) => fromWallClock({ ...date, ...time }, frame.timeZone);
  let instant = at(slot.date);
  if (instant.getTime() > frame.startedAt.getTime()) return instant;
  const d = slot.date;
  const rolled: Record<RollUnit, CalendarDate | null> = {
    none: null,
    day: addDays(d, 1),
    week: addDays(d, 7),
    month: nextMonthWithDay(d),
    year: { ...d, year: d.year + 1 },
  };
  const next = rolled[slot.roll];
  if (!next) return null;
  instant = at(next);
  return instant.getTime() > frame.startedAt.getTime() ? instant : null;
}

function requestedWords(slot: Slot): string | null {
  const words = [slot.datePhrase, slot.timePhrase].filter((p): p is string => !!p);
  const unique = words.filter((w, i) => words.indexOf(w) === i);
  return unique.length ? unique.join(', ') : null;
}

function result(slot: Slot, frame: ReferenceFrame, confirmedTurn: number | null): ResolvedTime {
  const startsAt = slotToInstant(slot, frame);
  return { startsAt, slot, requested: startsAt ? null : requestedWords(slot), confirmedTurn };
}

function todayOf(frame: ReferenceFrame): CalendarDate {
  const wall = toWallClock(frame.startedAt, frame.timeZone);
  return { year: wall.year, month: wall.month, day: wall.day };
}

/** The start agreed in a conversation, or null when none with a time of day was agreed. */
export function resolveAgreedTime(
  turns: Turn[],
  frame: ReferenceFrame,
  options: ResolveOptions = {},
): ResolvedTime {
  if (Number.isNaN(frame.startedAt.getTime())) return result(EMPTY_SLOT, frame, null);
  const today = todayOf(frame);
  const mentions = turns.map((turn) => {
    const parsed = findDateMentions(turn.text, frame);
    return parsed.mentions.filter((m) => isEligible(parsed.text, m, today, options));
  });

  const after: Slot[] = [];
  let slot = EMPTY_SLOT;
  let lastConfirmed: number | null = null;
  turns.forEach((turn, i) => {
    const previous = i > 0 ? turns[i - 1] : null;
    if (
      turn.role === 'user' &&
      mentions[i].length === 0 &&
      REJECTION.test(turn.text) &&
      previous?.role === 'agent' &&
      mentions[i - 1].length > 0
    ) {
      slot = i >= 2 ? after[i - 2] : EMPTY_SLOT; // forget what the agent proposed
    }
    slot = mentions[i].reduce(applyMention, slot);
    after.push(slot);

    if (turn.role !== 'agent' || !isComplete(slot)) return;
    const reply = turns[i + 1];
    const affirmed =
      reply?.role === 'user' &&
      mentions[i + 1].length === 0 &&
      AFFIRMATIVE.test(reply.text) &&
      !/\bbut\b/i.test(reply.text);
    const rejected = reply?.role === 'user' && REJECTION.test(reply.text);
    const proposesTime = mentions[i].length > 0 || /\b(?:book|schedule|reserve)\b/i.test(turn.text);
    if (
      (COMPLETION.test(turn.text) && !rejected) ||
      (PROPOSAL.test(turn.text) && proposesTime && affirmed)
    ) {
      lastConfirmed = i;
    }
  });

  if (lastConfirmed === null) return result(slot, frame, null);
  // After the caller's yes, only the caller changing their mind moves the appointment.
  let confirmed = after[lastConfirmed];
  for (let j = lastConfirmed + 1; j < turns.length; j++) {
    if (turns[j].role === 'user' && CORRECTION.test(turns[j].text)) {
      confirmed = mentions[j].reduce(applyMention, confirmed);
    }
  }
  return result(confirmed, frame, lastConfirmed);
}

/** A single stated date-time, such as data collection's `booking_datetime`. */
export function resolveStatedTime(text: string, frame: ReferenceFrame): ResolvedTime {
  if (Number.isNaN(frame.startedAt.getTime())) return result(EMPTY_SLOT, frame, null);
  const today = todayOf(frame);
  const parsed = findDateMentions(text, frame);
  const slot = parsed.mentions
    .filter((m) => isEligible(parsed.text, m, today, {}))
    .reduce(applyMention, EMPTY_SLOT);
  return result(slot, frame, null);
}
