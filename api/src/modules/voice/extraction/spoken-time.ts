/**
 * Speech-to-text writes times the way people say them ("half past four", "at eleven",
 * "10.30"); chrono-node only reads digits. This rewrites those forms into digits before
 * parsing. It changes lengths, so callers analyse the rewritten text, never the original.
 */

const HOUR_WORDS: Record<string, number> = {
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
  eleven: 11,
  twelve: 12,
};

const MINUTE_WORDS: Record<string, string> = {
  fifteen: '15',
  thirty: '30',
  'forty five': '45',
  'forty-five': '45',
};

const HOUR = `(\\d{1,2}|${Object.keys(HOUR_WORDS).join('|')})`;
const MINUTES = `(${Object.keys(MINUTE_WORDS).join('|')})`;
/** Words after a bare number that show it is not a clock time ("for 4 people", "2 days"). */
const NOT_A_TIME =
  "(?!\\s*(?::|\\.\\d|am\\b|pm\\b|a\\.m|p\\.m|o'clock|people|persons|guests|of\\b|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|times?|percent|%|st\\b|nd\\b|rd\\b|th\\b|\\d|point\\b|stage\\b|more\\b|thing|another\\b|last\\b|of them\\b))";

function hourValue(token: string): number | null {
  const lower = token.toLowerCase();
  const n = HOUR_WORDS[lower] ?? Number(lower);
  return Number.isInteger(n) && n >= 0 && n <= 23 ? n : null;
}

function rewrite(text: string, pattern: RegExp, build: (m: string[]) => string | null): string {
  return text.replace(pattern, (...args: unknown[]) => {
    const groups = args.slice(0, -2).map((g) => (typeof g === 'string' ? g : ''));
    return build(groups) ?? groups[0];
  });
}

export function normaliseSpokenTimes(input: string): string {
  let text = input.replace(/\b([ap])\.m\.?/gi, '$1m');

  text = rewrite(text, new RegExp(`\\bhalf past ${HOUR}\\b`, 'gi'), ([, h]) => {
    const hour = hourValue(h);
    return hour === null ? null : `${hour}:30`;
  });
  // British "half seven" is 7:30.
  text = rewrite(text, new RegExp(`\\bhalf ${HOUR}\\b`, 'gi'), ([, h]) => {
    const hour = hourValue(h);
    return hour === null ? null : `${hour}:30`;
  });
  text = rewrite(text, new RegExp(`\\b(?:a )?quarter past ${HOUR}\\b`, 'gi'), ([, h]) => {
    const hour = hourValue(h);
    return hour === null ? null : `${hour}:15`;
  });
  text = rewrite(text, new RegExp(`\\b(?:a )?quarter to ${HOUR}\\b`, 'gi'), ([, h]) => {
    const hour = hourValue(h);
    return hour === null ? null : `${hour === 1 ? 12 : hour - 1}:45`;
  });
  // "at three thirty", "ten thirty am", "10 30 am"
  text = rewrite(
    text,
    new RegExp(`\\b(at |by |around |about )?${HOUR} ${MINUTES}\\b( ?[ap]m\\b)?`, 'gi'),
    ([whole, lead, h, m, meridiem]) => {
      const hour = hourValue(h);
      if (hour === null || (!lead && !meridiem)) return whole;
      return `${lead}${hour}:${MINUTE_WORDS[m.toLowerCase()]}${meridiem}`;
    },
  );
  text = rewrite(text, /\b(at |by )?(\d{1,2}) (\d{2})( ?[ap]m)\b/gi, ([, lead, h, m, meridiem]) => {
    return `${lead}${h}:${m}${meridiem}`;
  });
  // "at 10.30", "10.30am"
  text = rewrite(
    text,
    /\b(at |by )?(\d{1,2})\.(\d{2})( ?[ap]m\b)?/gi,
    ([whole, lead, h, m, mer]) => {
      if (!lead && !mer) return whole;
      return `${lead}${h}:${m}${mer}`;
    },
  );
  // "eleven am", "three o'clock"
  text = rewrite(
    text,
    new RegExp(`\\b${HOUR}( ?[ap]m\\b| o'clock\\b)`, 'gi'),
    ([whole, h, suffix]) => {
      const hour = hourValue(h);
      return hour === null ? whole : `${hour}${suffix}`;
    },
  );
  // "3 o'clock in the afternoon" is split by chrono into two results; say it as "3 pm".
  text = text.replace(
    /\b(\d{1,2})(?::(\d{2}))? ?o'clock in the (afternoon|evening)\b/gi,
    (_m, h, m) => (m ? `${h}:${m} pm` : `${h} pm`),
  );
  text = text.replace(/\b(\d{1,2})(?::(\d{2}))? ?o'clock in the morning\b/gi, (_m, h, m) =>
    m ? `${h}:${m} am` : `${h} am`,
  );
  // A bare hour after words that introduce a time: "at eleven", "how about 4", "make it 3".
  // Spelled-out hours only after unambiguous leads: "there is one thing" is not 1 pm.
  const introduceTime = (leads: string, hour: string) =>
    rewrite(
      text,
      new RegExp(`\\b(${leads})\\s+${hour}\\b${NOT_A_TIME}`, 'gi'),
      ([whole, lead, h]) => {
        const value = hourValue(h);
        if (value === null || value === 0) return whole;
        return lead.toLowerCase() === 'at' ? `at ${value}` : `${lead} at ${value}`;
      },
    );
  text = introduceTime(
    "at|how about|what about|make it|let's do|let's say|let's go with|i'll take|can we do|could we do|can you do|could you do",
    HOUR,
  );
  text = introduceTime('around|about|by|maybe|say', '(\\d{1,2})');
  // "4 works", "11 please", "is 3 ok?": a bare hour that someone offers or accepts.
  text = rewrite(
    text,
    new RegExp(
      `(^|[,.!?] |\\b(?:yes|yeah|ok|okay|um|uh|great|perfect|then|is|does|would),? )${HOUR}(?= (?:works?|please|is fine|is good|is perfect|sounds good|would be (?:great|fine|perfect|good)|then|ok|okay|possible|available)\\b)`,
      'gi',
    ),
    ([whole, lead, h]) => {
      const hour = hourValue(h);
      return hour === null || hour === 0 ? whole : `${lead}at ${hour}`;
    },
  );
  return text;
}
