import type { ParsedResult } from 'chrono-node';
import { spokenDateParser } from './chrono-parser';
import { normaliseSpokenTimes } from './spoken-time';
import {
  toWallClock,
  zoneOffsetMinutes,
  type CalendarDate,
  type TimeOfDay,
} from '../../../common/time/zoned-time';

/** The call as a point of reference: its start and the tenant's zone. */
export interface ReferenceFrame {
  startedAt: Date;
  timeZone: string;
}

/**
 * How a stated date moves when the full date-time would lie before the call: a weekday to
 * the next week, "the 20th" to the next month, "March 3" to the next year, a bare time to the
 * next day. Dates fixed by the caller ("tomorrow", "2026-11-02") do not move.
 */
export type RollUnit = 'none' | 'day' | 'week' | 'month' | 'year';

export interface DateMention {
  /** Offset in the normalised text the mention was found in. */
  index: number;
  text: string;
  /** The date the speaker stated, or null when they only gave a time. */
  date: CalendarDate | null;
  /** chrono's full date, implied parts filled in (a bare time falls on today or tomorrow). */
  impliedDate: CalendarDate;
  roll: RollUnit;
  /** The time of day the speaker stated; "afternoon" alone is not a time. */
  time: TimeOfDay | null;
}

/** "for 45 minutes", "two days", "10 minutes late": lengths of time, not moments. */
const DURATION_ONLY =
  /^(?:for|about|around|over|under|like|roughly)\b|^(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|thirty|forty|forty-five|fifty|sixty|ninety|few|couple(?: of)?)\s+(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?)$/i;

function rollFor(result: ParsedResult, dated: boolean): RollUnit {
  const s = result.start;
  if (!dated) return 'day';
  const tags = [...result.tags()];
  if (tags.some((t) => t.startsWith('casualReference/') || t.startsWith('result/relative'))) {
    return 'none';
  }
  if (s.isCertain('weekday') && !s.isCertain('day')) return 'week';
  if (s.isCertain('day') && !s.isCertain('month')) return 'month';
  if (s.isCertain('month') && !s.isCertain('year')) return 'year';
  return 'none';
}

function toMention(result: ParsedResult, frame: ReferenceFrame): DateMention | null {
  const s = result.start;
  if (result.end) return null; // "from 9 to 5" is a window, not a start
  if (DURATION_ONLY.test(result.text.trim())) return null;
  if (result.tags().has('casualReference/now')) return null;

  const tags = [...result.tags()];
  const exact = s.isCertain('timezoneOffset') || tags.includes('result/relativeDateAndTime');
  if (exact) {
    // "in two hours", an ISO stamp with an offset: an instant; read it on the tenant's clock.
    if (tags.includes('result/relativeDateAndTime') && !/^(?:in|within)\b/i.test(result.text)) {
      return null;
    }
    const wall = toWallClock(result.date(), frame.timeZone);
    const date = { year: wall.year, month: wall.month, day: wall.day };
    return {
      index: result.index,
      text: result.text,
      date,
      impliedDate: date,
      roll: 'none',
      time: { hour: wall.hour, minute: wall.minute },
    };
  }

  const dated = s.isCertain('day') || s.isCertain('weekday');
  const timed = s.isCertain('hour');
  if (!dated && !timed) return null; // "in December", "this afternoon"
  const impliedDate = {
    year: s.get('year') ?? 0,
    month: s.get('month') ?? 0,
    day: s.get('day') ?? 0,
  };
  return {
    index: result.index,
    text: result.text,
    date: dated ? impliedDate : null,
    impliedDate,
    roll: rollFor(result, dated),
    time: timed ? { hour: s.get('hour') ?? 0, minute: s.get('minute') ?? 0 } : null,
  };
}

export interface ParsedText {
  /** The text the mention indexes refer to (spoken times rewritten as digits). */
  text: string;
  mentions: DateMention[];
}

/** Every date/time mention in one utterance, read on the tenant's clock at the call's start. */
export function findDateMentions(raw: string, frame: ReferenceFrame): ParsedText {
  const text = normaliseSpokenTimes(raw);
  if (Number.isNaN(frame.startedAt.getTime())) return { text, mentions: [] };
  const reference = {
    instant: frame.startedAt,
    timezone: zoneOffsetMinutes(frame.startedAt, frame.timeZone),
  };
  const results = spokenDateParser.parse(text, reference, { forwardDate: true });
  const mentions = results
    .map((r) => toMention(r, frame))
    .filter((m): m is DateMention => m !== null);
  return { text, mentions };
}
