import { ACKNOWLEDGEMENT, sentences, type Turn } from './conversation';
import { statesProblem } from './intent';

/**
 * A ticket's subject and description from what the caller said, never from the agent's
 * greeting: the subject is the caller's first sentence that states the problem, the
 * description everything relevant they said from then on.
 */

export const SUBJECT_MAX = 120;
const DESCRIPTION_MAX = 4000;

const FILLER =
  /^(?:(?:hi|hello|hey|yes|yeah|yep|um+|uh+|erm|oh|so|well|okay|ok|right|good (?:morning|afternoon|evening)|thanks|thank you|sorry|hi there|hello there)\b[,.!]?\s*)+/i;
const PREAMBLE =
  /^(?:(?:i'm|i am|i was|i'm just) (?:calling|ringing|phoning)(?: you)? (?:because|about|since|as|to (?:report|say|tell you|let you know|complain)(?: that| about)?)|i (?:just )?(?:wanted|want|need|would like|'d like) to (?:report|let you know|tell you|say|complain about|complain that|complain)(?: that)?|the (?:thing|problem|issue) is(?: that)?|basically)\s*/i;

/** "My name is Peter and …", "This is Sarah Connor." — who called is not what happened. */
const NAME_INTRO =
  /^(?:[Mm]y name(?:'s| is)|[Tt]his is|[Ii]t's)\s+[A-Z][^\s,.]*(?:\s+[A-Z][^\s,.]*){0,2}\s*(?:,|\.|\band\b|\bhere\b|\bspeaking\b)\s*/;

/** At most SUBJECT_MAX characters, cut at a word, with an ellipsis when cut. */
export function truncate(text: string, max = SUBJECT_MAX): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, '')}…`;
}

export function subjectLine(raw: string): string {
  let text = raw.trim();
  for (let i = 0; i < 3; i++) {
    text = text.replace(FILLER, '').replace(NAME_INTRO, '').replace(PREAMBLE, '');
  }
  text = text.replace(/[\s.!?,;:]+$/, '');
  if (!text) return '';
  return truncate(text.charAt(0).toUpperCase() + text.slice(1));
}

function firstProblemTurn(turns: Turn[]): number {
  return turns.findIndex((t) => t.role === 'user' && statesProblem(t.text));
}

/** The caller's first sentence stating the problem, with its lead-in if it is very short. */
export function subjectFromTranscript(turns: Turn[]): string | null {
  const index = firstProblemTurn(turns);
  if (index < 0) return firstStatement(turns);
  const said = sentences(turns[index].text);
  const at = said.findIndex((s) => statesProblem(s));
  if (at < 0) return subjectLine(turns[index].text) || null;
  // "I don't need an appointment, my app keeps crashing": start where the problem does.
  const parts = said[at].split(/,\s+/);
  const from = parts.findIndex((p) => statesProblem(p));
  const focused = from > 0 ? parts.slice(from).join(', ') : said[at];
  let line = subjectLine(focused.length >= 15 ? focused : said[at]);
  // "It's broken." needs the sentence before it to say what "it" is.
  if (line.length < 25 && at > 0) line = subjectLine(`${said[at - 1]} ${said[at]}`);
  return line || null;
}

/** Without a recognisable problem, the caller's first real statement beats a generic line. */
function firstStatement(turns: Turn[]): string | null {
  for (const turn of turns) {
    if (turn.role !== 'user' || ACKNOWLEDGEMENT.test(turn.text)) continue;
    const line = subjectLine(turn.text);
    if (line.split(' ').length >= 4) return line;
  }
  return null;
}

export function descriptionFromTranscript(turns: Turn[]): string | null {
  const first = firstProblemTurn(turns);
  const from = first >= 0 ? first : turns.findIndex((t) => t.role === 'user');
  if (from < 0) return null;
  const said = turns
    .slice(from)
    .filter((t) => t.role === 'user' && !ACKNOWLEDGEMENT.test(t.text))
    .map((t) => t.text);
  const text = said.join('\n').trim();
  return text ? truncate(text, DESCRIPTION_MAX) : null;
}
