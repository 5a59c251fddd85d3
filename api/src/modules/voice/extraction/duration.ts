/**
 * Appointment lengths as people say them: "45 minutes", "an hour and a half", "a 90-minute
 * massage". Lengths that are not the appointment's ("in 10 minutes", "waited 40 minutes",
 * "10 minutes late") are skipped.
 */

const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  'forty-five': 45,
  'forty five': 45,
  fifty: 50,
  sixty: 60,
  ninety: 90,
};

const NUMBER = `(\\d+(?:\\.\\d+)?|${Object.keys(NUMBER_WORDS)
  .sort((a, b) => b.length - a.length)
  .join('|')})`;

const LENGTH = new RegExp(
  `\\b(?:(half an? hour|an? hour and a half|one and a half hours?)|${NUMBER}[ -](?:(minutes?|mins?)|(hours?|hrs?))(?: and a half)?)\\b`,
  'gi',
);

/** Before or after a length: it is a wait or a delay, not the appointment. */
const NOT_THE_APPOINTMENT_BEFORE =
  /\b(?:in|within|waited|waiting|wait|ago|late by|after|over|every|took|takes them|spent)\s+(?:about\s+|around\s+|like\s+|for\s+)?$/i;
const NOT_THE_APPOINTMENT_AFTER = /^\s*(?:ago|late|early|away|from now|before|wait|later)\b/i;

function toNumber(token: string): number {
  return NUMBER_WORDS[token.toLowerCase()] ?? Number(token);
}

/** Minutes in one phrase ("an hour" → 60), or null when there is none. */
export function parseLengthPhrase(text: string): number | null {
  const all = findLengths(text);
  return all.length ? all[all.length - 1] : null;
}

/** Every appointment length stated in `text`, in order. */
export function findLengths(text: string): number[] {
  const found: number[] = [];
  for (const match of text.matchAll(LENGTH)) {
    const index = match.index ?? 0;
    const before = text.slice(Math.max(0, index - 30), index);
    const after = text.slice(index + match[0].length);
    if (NOT_THE_APPOINTMENT_BEFORE.test(before) || NOT_THE_APPOINTMENT_AFTER.test(after)) continue;
    const [whole, fixed, amount, minutes, hours] = match;
    let value: number;
    if (fixed) value = /half an? hour/i.test(fixed) ? 30 : 90;
    else if (minutes) {
      // "just a minute" is a pause, not an appointment.
      if (/^an?$/i.test(amount)) continue;
      value = toNumber(amount);
    } else if (hours) value = toNumber(amount) * 60 + (/and a half$/i.test(whole) ? 30 : 0);
    else continue;
    if (Number.isFinite(value) && value > 0 && value <= 24 * 60) found.push(Math.round(value));
  }
  return found;
}
