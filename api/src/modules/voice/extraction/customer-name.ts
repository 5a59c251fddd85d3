import type { Turn } from './conversation';

/**
 * The caller's name when they gave it: "my name is …", "this is … speaking", or the answer to
 * the agent asking for it. Speech-to-text capitalises names, which is what tells a name from
 * "this is urgent".
 */

const NAME =
  "([A-Z][a-zA-Z'’-]+(?:\\s+(?:van|von|de|da|del|der|le|la|di|O'|Mc)?\\s*[A-Z][a-zA-Z'’-]+){0,2})";
const STATED = [
  new RegExp(`\\bmy name(?:'s| is)\\s+${NAME}`),
  new RegExp(
    `\\b(?:[Tt]his is|[Ii]t's|[Ii]t is)\\s+${NAME}(?=\\s+(?:speaking|calling|here)\\b|\\s*[,.!]|$)`,
  ),
  new RegExp(`\\b(?:I'm|I am)\\s+${NAME}(?=\\s*[,.!]|\\s+(?:speaking|calling|here)\\b|$)`),
  new RegExp(`\\b(?:[Cc]all me|[Nn]ame'?s)\\s+${NAME}`),
];
const ASKS_NAME =
  /\b(?:your (?:full )?name|who (?:am i|i'm|i am) speaking (?:to|with)|name (?:for|on|under) (?:the|this) (?:booking|appointment|reservation|ticket)|name,? please|can i (?:get|have|take) a name|what(?:'s| is) the name)\b/i;
/** Capitalised words that are not names. */
const NOT_NAMES = new Set(
  (
    'Yes Yeah Yep Sure Okay Ok Hi Hello Hey Um Uh Sorry Thanks Thank Please Well So Oh No Fine Good Great ' +
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday Today Tomorrow Just Calling Here The A An It ' +
    'I Actually Also And But Not Really Very Quite Afraid Looking Trying Having Still Only Back Happy Glad'
  ).split(' '),
);

function clean(candidate: string | undefined): string | undefined {
  if (!candidate) return undefined;
  const words = candidate.trim().split(/\s+/);
  while (words.length && NOT_NAMES.has(words[words.length - 1])) words.pop();
  if (!words.length || NOT_NAMES.has(words[0])) return undefined;
  return words.join(' ');
}

function statedName(text: string): string | undefined {
  for (const pattern of STATED) {
    const name = clean(pattern.exec(text)?.[1]);
    if (name) return name;
  }
  return undefined;
}

/** "Sure, it's Maria Lopez." → "Maria Lopez" */
function answeredName(text: string): string | undefined {
  const stripped = text.replace(
    /^(?:(?:yes|yeah|sure|of course|ok|okay|um|uh|it's|it is|that's|that is|that'd be|that would be|my name is|this is|i'm|i am|name's)[,.\s]+)+/i,
    '',
  );
  const match = new RegExp(`^${NAME}\\s*[.!]?$`).exec(stripped.trim());
  return clean(match?.[1]);
}

export function extractCustomerName(turns: Turn[]): string | undefined {
  for (let i = 0; i < turns.length; i++) {
    const turn = turns[i];
    if (turn.role !== 'user') continue;
    const previous = turns[i - 1];
    const name =
      statedName(turn.text) ??
      (previous?.role === 'agent' && ASKS_NAME.test(previous.text)
        ? answeredName(turn.text)
        : undefined);
    if (name) return name;
  }
  return undefined;
}
