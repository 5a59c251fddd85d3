import * as chrono from 'chrono-node';
import type {
  Parser,
  ParsingComponents,
  ParsingContext,
  ParsingResult,
  Refiner,
} from 'chrono-node';
import {
  daysInMonth,
  nextMonthWithDay,
  weekdayOf,
  type CalendarDate,
} from '../../../common/time/zoned-time';

/**
 * chrono-node's casual English parser with two additions callers need on the phone:
 * "the 20th" / "Tuesday the 24th" (chrono only reads a day-of-month next to a month name), and
 * bare hours read as business hours ("at 3" is 3 pm, not 3 am).
 */

const WEEKDAYS: Record<string, number> = {
  sunday: 0,
  sun: 0,
  monday: 1,
  mon: 1,
  tuesday: 2,
  tue: 2,
  tues: 2,
  wednesday: 3,
  wed: 3,
  thursday: 4,
  thu: 4,
  thur: 4,
  thurs: 4,
  friday: 5,
  fri: 5,
  saturday: 6,
  sat: 6,
};

const UNITS = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
];
const ORDINAL_WORDS: Record<string, number> = {
  ...Object.fromEntries(UNITS.map((w, i) => [w, i + 1])),
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
  seventeenth: 17,
  eighteenth: 18,
  nineteenth: 19,
  twentieth: 20,
  ...Object.fromEntries(UNITS.map((w, i) => [`twenty-${w}`, 21 + i])),
  ...Object.fromEntries(UNITS.map((w, i) => [`twenty ${w}`, 21 + i])),
  thirtieth: 30,
  'thirty-first': 31,
  'thirty first': 31,
};

const MONTHS =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';

const byLength = (words: string[]) => [...words].sort((a, b) => b.length - a.length).join('|');

const ORDINAL_DAY = new RegExp(
  `\\b(?:(${byLength(Object.keys(WEEKDAYS))})\\s*,?\\s+)?(?:(on)\\s+)?(?:(the)\\s+)?` +
    `(\\d{1,2}(?:st|nd|rd|th)|${byLength(Object.keys(ORDINAL_WORDS))})\\b` +
    `(?!\\s*(?:of\\s+)?(?:${MONTHS})\\b)`,
  'i',
);

function referenceDate(context: ParsingContext): CalendarDate {
  // Local fields of this Date are the reference's wall clock (chrono's own convention).
  const d = context.reference.getDateWithAdjustedTimezone();
  return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() };
}

/** The first date on or after `from` that has this day of month (and weekday, if stated). */
function upcomingDayOfMonth(from: CalendarDate, day: number, weekday?: number) {
  let candidate: CalendarDate = { year: from.year, month: from.month, day };
  if (day > daysInMonth(from.year, from.month) || day < from.day) {
    candidate = nextMonthWithDay({ ...candidate, day });
  }
  for (let i = 0; i < 24; i++) {
    if (weekday === undefined || weekdayOf(candidate) === weekday) return candidate;
    candidate = nextMonthWithDay(candidate);
  }
  return null;
}

const ordinalDayParser: Parser = {
  pattern: () => ORDINAL_DAY,
  extract: (context, match) => {
    const [, weekdayWord, on, the, ordinal] = match;
    const isWord = !/^\d/.test(ordinal);
    // "the third time" is not a date: spelled ordinals need "on" or a weekday in front.
    if (isWord ? !(weekdayWord || on) : !(weekdayWord || on || the)) return null;
    const day = isWord
      ? ORDINAL_WORDS[ordinal.toLowerCase().replace(/\s+/, ' ')]
      : Number.parseInt(ordinal, 10);
    if (!day || day < 1 || day > 31) return null;
    const weekday = weekdayWord ? WEEKDAYS[weekdayWord.toLowerCase()] : undefined;
    const date = upcomingDayOfMonth(referenceDate(context), day, weekday);
    if (!date) return null;
    const components = context.createParsingComponents({ day });
    components.imply('month', date.month);
    components.imply('year', date.year);
    if (weekday !== undefined) components.assign('weekday', weekday);
    components.addTag('navaia/dayOfMonth');
    return components;
  },
};

function toBusinessHours(result: ParsingResult, components: ParsingComponents | null | undefined) {
  if (!components || !components.isCertain('hour') || components.isCertain('meridiem')) return;
  // "07:30" and ISO stamps are 24-hour clocks; "this morning at 7" says am.
  if (/\b0\d[:.]\d/.test(result.text) || /T\d{2}:/.test(result.text)) return;
  if ([...result.tags()].some((t) => /morning|ISOFormat/.test(t))) return;
  const hour = components.get('hour');
  if (hour !== null && hour >= 1 && hour <= 7) {
    components.assign('hour', hour + 12);
    components.assign('meridiem', 1);
  }
}

const businessHoursRefiner: Refiner = {
  refine: (_context, results) => {
    for (const result of results) {
      toBusinessHours(result, result.start);
      toBusinessHours(result, result.end);
    }
    return results;
  },
};

function buildParser(): chrono.Chrono {
  const parser = chrono.casual.clone();
  parser.parsers.push(ordinalDayParser);
  // Before forwardDate runs, so "at 3" said at 10 am stays today at 3 pm instead of 3 am tomorrow.
  // If a chrono upgrade renames the refiner, it runs last and the resolver still rolls forward.
  const forward = parser.refiners.findIndex((r) => r.constructor.name === 'ForwardDateRefiner');
  parser.refiners.splice(forward >= 0 ? forward : parser.refiners.length, 0, businessHoursRefiner);
  return parser;
}

export const spokenDateParser = buildParser();
