import { TicketPriority } from '@navaia/shared';
import { clauses } from './conversation';

/**
 * How urgent the caller made it sound. Urgent: emergencies, outages, money being lost,
 * "right away". High: a fault that has lasted days or keeps coming back. Low: "no rush".
 * Low is read first because "not urgent" contains "urgent".
 */

const LOW =
  /\b(?:no rush|no hurry|not (?:an emergency|urgent|a big deal|important|in a hurry|pressing|critical)|isn't urgent|is not urgent|nothing urgent|whenever|when(?:ever)? you (?:get|have) (?:a )?(?:chance|moment|minute|time)|low priority|minor|small thing|no big deal|just (?:a|one) small|at your convenience|in your own time)\b/gi;
const URGENT =
  /\b(?:urgent(?:ly)?|emergency|asap|a\.s\.a\.p|as soon as possible|right away|straight away|immediately|outage|(?:completely|totally|entirely) down|losing (?:money|business|customers|sales|revenue|orders)|los(?:t|ing) (?:a lot of )?money|(?:whole|entire) (?:office|team|company|business|building|shop|store|street)|can't (?:work|run (?:my|the) business|take (?:orders|payments|bookings)|trade)|gas leak|smell(?:s)? (?:of )?gas|flood(?:ed|ing)?|on fire|smoke|sparks|dangerous|unsafe|safety)\b/gi;
const HIGH =
  /\b(?:for (?:two|three|four|five|several|a few|a couple of|many|\d+) (?:days|weeks)|for (?:a|over a|more than a|almost a) (?:day|week)|since (?:yesterday|last (?:week|night|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|monday|tuesday|wednesday|thursday|friday|saturday|sunday|the weekend)|all (?:day|week)|(?:second|third|fourth|fifth) time|again and again|keeps happening|happened again|still (?:not|isn't|hasn't|doesn't|broken)|(?:very|really|extremely|so) (?:frustrat|annoy|upset|angry)\w*|fed up|not working at all|(?:completely|totally) (?:broken|dead|stopped)|important|(?:very|really) bad|leak(?:s|ing)?|water damage|(?:today|tonight) if (?:possible|you can)|(?:can|could) (?:someone|somebody|you|a technician|an engineer) (?:come|be here|get here) (?:today|tonight|this (?:morning|afternoon|evening))|as quickly as)\b/gi;

const RANK: Record<TicketPriority, number> = {
  [TicketPriority.Low]: 0,
  [TicketPriority.Normal]: 1,
  [TicketPriority.High]: 2,
  [TicketPriority.Urgent]: 3,
};

/**
 * Only a negation right before the cue counts ("not an emergency"); "no internet for two days"
 * must not read as negated, so the general negation check is too broad here.
 */
const NEGATED =
  /\b(?:not|never|no|isn't|wasn't|n't)\s+(?:(?:a|an|really|very|that|so|too|exactly)\s+)?$/i;

function affirmed(clause: string, pattern: RegExp): boolean {
  for (const match of clause.matchAll(pattern)) {
    if (!NEGATED.test(clause.slice(0, match.index ?? 0))) return true;
  }
  return false;
}

export function priorityFromWords(userText: string): TicketPriority {
  let level: TicketPriority | null = null;
  let sawLow = false;
  const raise = (p: TicketPriority) => {
    if (level === null || RANK[p] > RANK[level]) level = p;
  };
  for (const clause of clauses(userText)) {
    if (affirmed(clause, LOW)) sawLow = true;
    // Take the low phrases out so "not urgent" does not also count as "urgent".
    const rest = clause.replace(LOW, ' ');
    if (affirmed(rest, URGENT)) raise(TicketPriority.Urgent);
    else if (affirmed(rest, HIGH)) raise(TicketPriority.High);
  }
  return level ?? (sawLow ? TicketPriority.Low : TicketPriority.Normal);
}
