import type { Turn } from './conversation';

/**
 * What is being booked. Known services are looked up by name (longest first, so "beard trim"
 * wins over "trim"); otherwise "<something> appointment" names it; otherwise it is just an
 * appointment.
 */

/** Canonical name → how callers say it. */
const SERVICES: Array<[string, string]> = [
  ['haircut', "hair ?cut|cut and (?:blow[- ]?dry|style)|men's cut|women's cut"],
  ['beard trim', 'beard trim'],
  ['trim', 'trim'],
  ['blow dry', 'blow[- ]?dry'],
  ['hair colouring', 'hair colou?r(?:ing)?|colou?r(?:ing)? appointment|highlights|balayage'],
  ['manicure', 'manicure'],
  ['pedicure', 'pedicure'],
  ['deep tissue massage', 'deep tissue massage'],
  ['sports massage', 'sports massage'],
  ['massage', 'massage'],
  ['facial', 'facial'],
  ['waxing', 'waxing|wax'],
  ['initial consultation', 'initial consultation|first consultation'],
  ['free consultation', 'free consultation'],
  ['consultation', 'consultation|consult'],
  ['dental cleaning', 'dental cleaning|teeth cleaning|cleaning of my teeth|hygienist'],
  ['cleaning', 'cleaning'],
  ['check-up', 'check[- ]?up'],
  ['eye exam', 'eye (?:exam|test)|eye examination'],
  ['hearing test', 'hearing test'],
  ['physiotherapy session', 'physio(?:therapy)?(?: session)?'],
  ['vaccination', 'vaccination|vaccine|flu (?:jab|shot)'],
  ['blood test', 'blood test'],
  ['oil change', 'oil change'],
  ['tyre change', 'tyre change|tire change|tyres|tires'],
  ['car service', 'car service|annual service|full service'],
  ['mot', 'mot(?: test)?'],
  ['boiler service', 'boiler service'],
  ['installation', 'installation|install'],
  ['repair', 'repair'],
  ['property viewing', 'property viewing|viewing'],
  ['test drive', 'test drive'],
  ['demo', 'demo|demonstration|product demo'],
  ['driving lesson', 'driving lesson'],
  ['lesson', 'lesson'],
  ['fitting', 'fitting'],
  ['tour', 'tour'],
  ['tasting', 'tasting'],
  ['grooming', '(?:dog |pet )?grooming'],
];

/**
 * Services whose name is usually narrowed by the word before it: "swimming lesson",
 * "wine tasting", "suit fitting". That word is kept when it is a plain noun.
 */
const NARROWED_BY_PREVIOUS_WORD = new Set([
  'lesson',
  'tasting',
  'fitting',
  'tour',
  'repair',
  'installation',
]);

const SERVICE_MATCHERS = SERVICES.map(([name, pattern]) => ({
  name,
  pattern: new RegExp(
    `${NARROWED_BY_PREVIOUS_WORD.has(name) ? '(?:\\b([a-z]+) )?' : ''}\\b(?:${pattern})s?\\b`,
    'i',
  ),
}));

/** Alternation of every service phrase, for cues like "I need a haircut". */
export const SERVICE_WORDS = SERVICES.map(([, pattern]) => pattern).join('|');

const TABLE = /\btable for (\d+|two|three|four|five|six|seven|eight|nine|ten)\b/i;
const COUNTS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
];
/** "table for four" and "table for 4" are the same booking. */
const partySize = (word: string) => {
  const n = COUNTS.indexOf(word.toLowerCase());
  return n >= 0 ? String(n) : word;
};
/** "dentist appointment", "appointment for a root canal" when no known service is named. */
const NAMED_BEFORE = /\b([a-z][a-z-]+) (?:appointment|session)\b/i;
const NAMED_AFTER =
  /\b(?:appointment|session) for (?:an? |my |the |his |her )?([a-z][a-z-]+(?: [a-z][a-z-]+)?)\b/i;
/** Words that stand next to "appointment" without naming a service. */
const NOT_A_SERVICE = new RegExp(
  '^(?:an?|the|my|your|our|his|her|their|this|that|new|next|another|same|existing|current|old|' +
    'earlier|later|first|other|to|for|of|on|in|at|i|me|you|it|us|them|' +
    'book|booked|make|made|schedule|scheduled|cancel|cancelled|canceled|reschedule|rescheduled|' +
    'move|moved|change|changed|confirm|confirmed|miss|missed|' +
    'today|tomorrow|tonight|morning|afternoon|evening|week|' +
    'monday|tuesday|wednesday|thursday|friday|saturday|sunday|' +
    "(?:today|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday)'s)$",
  'i',
);

/** Adjectives and fillers that do not narrow a service ("a quick lesson"). */
const GENERIC_WORDS =
  /^(?:quick|short|long|full|private|group|free|trial|single|double|one|two|another|some|any|book|get|have|want|need|like|do|a|an|the)$/i;

export function findService(text: string): string | null {
  const table = TABLE.exec(text);
  let best: { name: string; index: number } | null = table
    ? { name: `table for ${partySize(table[1])}`, index: table.index }
    : null;
  for (const { name, pattern } of SERVICE_MATCHERS) {
    const match = pattern.exec(text);
    if (!match || (best && match.index >= best.index)) continue;
    const narrowing = match[1]?.toLowerCase();
    const keep = narrowing && !NOT_A_SERVICE.test(narrowing) && !GENERIC_WORDS.test(narrowing);
    best = { name: keep ? `${narrowing} ${name}` : name, index: match.index };
  }
  return best?.name ?? null;
}

function namedAppointment(text: string): string | null {
  const before = NAMED_BEFORE.exec(text)?.[1];
  if (before && !NOT_A_SERVICE.test(before)) return `${before.toLowerCase()} appointment`;
  const after = NAMED_AFTER.exec(text)?.[1];
  const first = after?.split(' ')[0];
  if (after && first && !NOT_A_SERVICE.test(first)) return after.toLowerCase();
  return null;
}

/**
 * The service in the turn the caller confirmed, else the first one the caller named, else the
 * first one the agent named; "appointment" when nobody named one.
 */
export function extractService(turns: Turn[], confirmedTurn: number | null): string {
  const confirmed = confirmedTurn !== null ? turns[confirmedTurn] : undefined;
  const ordered = [
    ...(confirmed ? [confirmed] : []),
    ...turns.filter((t) => t.role === 'user'),
    ...turns.filter((t) => t.role === 'agent'),
  ];
  for (const turn of ordered) {
    const service = findService(turn.text);
    if (service) return service;
  }
  for (const turn of ordered) {
    const service = namedAppointment(turn.text);
    if (service) return service;
  }
  return 'appointment';
}
