import { statesAffirmatively, type Turn } from './conversation';

/** The caller asked not to be called again (sets the customer's doNotCall). */
const OPT_OUT = [
  /\b(?:don't|do not|never|stop|quit)\s+(?:ever\s+)?(?:call|calling|ring|ringing|phone|phoning|contact|contacting|bother|bothering)\s+(?:me|us|this number|my number)\b(?!\s+back\b)/i,
  /\b(?:remove|take|delete)\s+(?:me|us|my (?:number|details|name)|this number)\s+(?:off|from|out of)\s+(?:of\s+)?(?:your|the|this|all)?\s*(?:\w+\s+)?(?:list|lists|database|system|records)\b/i,
  /\b(?:unsubscribe|opt out|opt me out|do[- ]not[- ]call list|no more (?:calls|phone calls)|stop (?:calling|ringing|phoning)|never call (?:me|us|here) again)\b/i,
];

export function detectOptOut(turns: Turn[]): boolean {
  const user = turns
    .filter((t) => t.role === 'user')
    .map((t) => t.text)
    .join('\n');
  return OPT_OUT.some((p) => statesAffirmatively(user, p));
}
