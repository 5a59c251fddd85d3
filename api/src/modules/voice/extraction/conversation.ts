import type { TranscriptTurn } from './types';

/** A transcript turn that carries words (tool-only turns have none). */
export interface Turn {
  role: 'agent' | 'user';
  text: string;
}

/**
 * About 20 minutes of uninterrupted speech. Longer turns are cut so that a pathological
 * transcript cannot make date parsing (superlinear in chrono-node) stall the worker.
 */
export const MAX_TURN_CHARS = 10_000;

/** Drops turns without text and tolerates malformed entries: a webhook body is untrusted. */
export function readTurns(transcript: unknown): Turn[] {
  if (!Array.isArray(transcript)) return [];
  const turns: Turn[] = [];
  for (const entry of transcript as unknown[]) {
    if (!entry || typeof entry !== 'object') continue;
    const { role, message } = entry as Partial<Record<keyof TranscriptTurn, unknown>>;
    if ((role !== 'agent' && role !== 'user') || typeof message !== 'string') continue;
    const text = message
      .slice(0, MAX_TURN_CHARS * 2)
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, MAX_TURN_CHARS);
    if (text) turns.push({ role, text });
  }
  return turns;
}

/** Sentences, for picking the one that states a problem. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Clauses bound the reach of a negation: "I don't need an appointment, my app crashes". */
export function clauses(text: string): string[] {
  return (
    text
      // Single \s, not \s+: a long run of spaces must not make the split quadratic.
      .split(/[,.;!?]+|\s(?:but|although|though|however)\s|\s-+\s|…/i)
      .map((s) => s.trim())
      .filter(Boolean)
  );
}

/** A negation within the three words before a match: "don't really want to book". */
const NEGATION_BEFORE =
  /\b(?:don't|dont|do not|didn't|did not|doesn't|does not|no need to|no need for|no|not|never|won't|will not|without|isn't|aren't|wasn't|nothing)\s+(?:\S+\s+){0,2}$/i;

export function isNegatedAt(clause: string, matchIndex: number): boolean {
  return NEGATION_BEFORE.test(clause.slice(0, matchIndex));
}

/** Whether any clause contains `pattern` outside a negation. */
export function statesAffirmatively(text: string, pattern: RegExp): boolean {
  const global = new RegExp(
    pattern.source,
    pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`,
  );
  for (const clause of clauses(text)) {
    for (const match of clause.matchAll(global)) {
      if (!isNegatedAt(clause, match.index ?? 0)) return true;
    }
  }
  return false;
}

export function countAffirmative(text: string, patterns: RegExp[]): number {
  return patterns.filter((p) => statesAffirmatively(text, p)).length;
}

export const userText = (turns: Turn[]) =>
  turns
    .filter((t) => t.role === 'user')
    .map((t) => t.text)
    .join('\n');

/** Short replies that carry no content of their own. */
export const ACKNOWLEDGEMENT =
  /^(?:yes|yeah|yep|yup|no|nope|ok|okay|sure|thanks|thank you|thanks a lot|great|perfect|fine|alright|all right|bye|goodbye|bye bye|that's all|that's it|correct|right|cheers|no thanks|no thank you|that's right|sounds good|lovely|brilliant)(?:[,.!\s]+(?:yes|thanks|thank you|bye|goodbye|that's all|that's it|great|perfect|please))*[.!]?$/i;
