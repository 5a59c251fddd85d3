import { TicketPriority } from '@navaia/shared';
import { parseLengthPhrase } from './duration';
import type { Intent } from './types';

/**
 * The agent's data-collection results, read defensively: the values are whatever an LLM wrote
 * into a JSON field, so nulls, empty strings, placeholders and wrong types are all expected.
 * Anything unusable is left out, never thrown over.
 */
export interface CollectedFields {
  intent?: Intent;
  customerName?: string;
  issueSummary?: string;
  issuePriority?: TicketPriority;
  bookingService?: string;
  /** Raw: an ISO stamp, natural language or epoch seconds/milliseconds; resolved later. */
  bookingDatetime?: string | number;
  bookingDurationMinutes?: number;
  bookingNotes?: string;
  optOut?: boolean;
}

const PLACEHOLDERS =
  /^(?:null|none|nil|n\/?a|na|unknown|undefined|not (?:provided|given|mentioned|stated|specified|applicable|available)|no|-+|\?+|tbd|\.+)$/i;

/** Entries should be `{ value }`, but a bare value is read too. */
function valueOf(entry: unknown): unknown {
  if (entry && typeof entry === 'object' && !Array.isArray(entry)) {
    return 'value' in entry ? (entry as { value: unknown }).value : undefined;
  }
  return entry;
}

export function readText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.replace(/\s+/g, ' ').trim();
  return text && !PLACEHOLDERS.test(text) ? text : undefined;
}

/** Lower-case letters only, so "Booking.", " SUPPORT " and "Low" all read. */
const keyword = (value: unknown) =>
  typeof value === 'string' ? value.toLowerCase().replace(/[^a-z]/g, '') : undefined;

export function readIntent(value: unknown): Intent | undefined {
  const word = keyword(value);
  return word === 'booking' || word === 'support' || word === 'other' ? word : undefined;
}

const PRIORITY_WORDS: Record<string, TicketPriority> = {
  low: TicketPriority.Low,
  normal: TicketPriority.Normal,
  medium: TicketPriority.Normal,
  high: TicketPriority.High,
  urgent: TicketPriority.Urgent,
  critical: TicketPriority.Urgent,
  emergency: TicketPriority.Urgent,
};

export function readPriority(value: unknown): TicketPriority | undefined {
  const word = keyword(value);
  return word ? PRIORITY_WORDS[word] : undefined;
}

export function readBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 1 || value === 0) return value === 1;
  const word = keyword(value);
  if (word === 'true' || word === 'yes' || word === 'y') return true;
  if (word === 'false' || word === 'no' || word === 'n') return false;
  return undefined;
}

/** Minutes from a number, "45", "45 min" or "1.5 hours"; 1 minute to a day. */
export function readMinutes(value: unknown): number | undefined {
  let minutes: number | null = null;
  if (typeof value === 'number') minutes = value;
  else if (typeof value === 'string') {
    const text = value.trim();
    minutes = /^\d+(?:\.\d+)?$/.test(text) ? Number(text) : parseLengthPhrase(text);
  }
  if (minutes === null || !Number.isFinite(minutes)) return undefined;
  const rounded = Math.round(minutes);
  return rounded >= 1 && rounded <= 24 * 60 ? rounded : undefined;
}

export function readDatetime(value: unknown): string | number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? value : undefined;
  return readText(value);
}

export function readDataCollection(results: unknown): CollectedFields {
  if (!results || typeof results !== 'object' || Array.isArray(results)) return {};
  const field = (id: string) => valueOf((results as Record<string, unknown>)[id]);
  const fields: CollectedFields = {
    intent: readIntent(field('intent')),
    customerName: readText(field('customer_name')),
    issueSummary: readText(field('issue_summary')),
    issuePriority: readPriority(field('issue_priority')),
    bookingService: readText(field('booking_service')),
    bookingDatetime: readDatetime(field('booking_datetime')),
    bookingDurationMinutes: readMinutes(field('booking_duration_minutes')),
    bookingNotes: readText(field('booking_notes')),
    optOut: readBoolean(field('opt_out')),
  };
  // Leave absent keys out so callers can spread or check with `in`.
  return Object.fromEntries(
    Object.entries(fields).filter(([, v]) => v !== undefined),
  ) as CollectedFields;
}
