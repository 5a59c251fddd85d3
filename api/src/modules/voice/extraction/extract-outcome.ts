import { readTurns, userText, type Turn } from './conversation';
import { extractCustomerName } from './customer-name';
import { readDataCollection, readText, type CollectedFields } from './data-collection';
import type { ReferenceFrame } from './date-mentions';
import {
  resolveAgreedTime,
  resolveStatedTime,
  slotToInstant,
  type ResolvedTime,
} from './date-resolver';
import { findLengths } from './duration';
import { decideIntent, readSignals } from './intent';
import { detectOptOut } from './opt-out';
import { priorityFromWords } from './priority';
import { extractService } from './service';
import {
  descriptionFromTranscript,
  subjectFromTranscript,
  subjectLine,
  truncate,
} from './ticket-text';
import type { Extraction, ExtractionInput, ExtractionSource } from './types';
import { isValidTimeZone } from '../../../common/time/zoned-time';

/**
 * Decides what a finished voice conversation becomes: a support ticket, a booking, or nothing.
 *
 * The agent's data collection is trusted whenever it names a valid intent; the transcript then
 * only fills what it left out. Without it (older agents, failed analysis) the transcript is
 * read on its own. Malformed input is tolerated field by field; this never throws on bad data.
 */
export function extractOutcome(input: ExtractionInput): Extraction {
  const frame = frameOf(input);
  const turns = readTurns(input?.transcript);
  const summary = readText(input?.summary);
  const collected = readDataCollection(input?.dataCollection);

  const signals = readSignals(turns, summary ?? '');
  const agreed = resolveAgreedTime(turns, frame, {
    existingAppointment: signals.cancellation || signals.reschedule,
  });
  const source: ExtractionSource = collected.intent ? 'data_collection' : 'transcript';
  const intent =
    collected.intent ??
    decideIntent(signals, {
      newTimeAgreed: agreed.startsAt !== null,
      callerConfirmedTime: agreed.confirmedTurn !== null && agreed.startsAt !== null,
    });

  const customerName = collected.customerName ?? extractCustomerName(turns);
  const common = {
    ...(customerName ? { customerName } : {}),
    optOut: collected.optOut ?? detectOptOut(turns),
    source,
  };

  if (intent === 'support') {
    return { intent, ...ticketFields(turns, collected, summary), ...common };
  }
  if (intent === 'booking') {
    return { intent, ...bookingFields(turns, collected, agreed, frame), ...common };
  }
  return { intent, ...common };
}

function frameOf(input: ExtractionInput | null | undefined): ReferenceFrame {
  const raw: unknown = input?.startedAt;
  const startedAt =
    raw instanceof Date
      ? raw
      : typeof raw === 'string' || typeof raw === 'number'
        ? new Date(raw)
        : new Date(NaN); // no reference: dates stay unresolved rather than guessed
  // An unknown zone is a configuration error elsewhere; UTC keeps the call processable.
  const timeZone = isValidTimeZone(input?.timezone) ? input.timezone : 'UTC';
  return { startedAt, timeZone };
}

function ticketFields(turns: Turn[], collected: CollectedFields, summary: string | undefined) {
  const summaryLine = summary ? subjectLine(summary.split(/(?<=[.!?])\s/)[0]) : '';
  const subject =
    (collected.issueSummary && subjectLine(collected.issueSummary)) ||
    subjectFromTranscript(turns) ||
    summaryLine ||
    'Support request from a voice call';
  const description =
    descriptionFromTranscript(turns) ?? summary ?? collected.issueSummary ?? subject;
  const priority = collected.issuePriority ?? priorityFromWords(userText(turns) || (summary ?? ''));
  return { subject: truncate(subject), description, priority };
}

/**
 * The start from data collection when it gives one; a date there without a time takes the
 * time agreed in the conversation; nothing usable there falls back to the conversation.
 */
function bookingStart(
  collected: CollectedFields,
  agreed: ResolvedTime,
  frame: ReferenceFrame,
): { startsAt: Date | null; requested: string | null } {
  const raw = collected.bookingDatetime;
  if (raw === undefined) return { startsAt: agreed.startsAt, requested: agreed.requested };
  if (typeof raw === 'number') {
    // Epoch seconds or milliseconds; a start before the call is not bookable.
    const instant = new Date(raw < 1e11 ? raw * 1000 : raw);
    const future = instant.getTime() > frame.startedAt.getTime();
    return future
      ? { startsAt: instant, requested: null }
      : { startsAt: agreed.startsAt, requested: agreed.requested };
  }
  const stated = resolveStatedTime(raw, frame);
  if (stated.startsAt) return { startsAt: stated.startsAt, requested: null };
  if (stated.slot.date && !stated.slot.dateImplied && agreed.slot.time) {
    const startsAt = slotToInstant({ ...stated.slot, time: agreed.slot.time }, frame);
    if (startsAt) return { startsAt, requested: null };
  }
  if (stated.slot.date || stated.slot.time) return { startsAt: null, requested: raw };
  return { startsAt: agreed.startsAt, requested: agreed.requested ?? raw };
}

function bookingFields(
  turns: Turn[],
  collected: CollectedFields,
  agreed: ResolvedTime,
  frame: ReferenceFrame,
) {
  const { startsAt, requested } = bookingStart(collected, agreed, frame);
  const lengths = turns.flatMap((t) => findLengths(t.text));
  const notes =
    collected.bookingNotes ??
    (startsAt === null && requested
      ? `Requested time: ${requested} (no exact time agreed)`
      : undefined);
  return {
    service: collected.bookingService ?? extractService(turns, agreed.confirmedTurn),
    startsAt,
    durationMinutes: collected.bookingDurationMinutes ?? lengths.at(-1) ?? null,
    ...(notes ? { notes } : {}),
  };
}
