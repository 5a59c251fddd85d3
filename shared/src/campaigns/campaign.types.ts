import type { CallingWindow } from '../tenant/tenant.types';
import type { VoicePurpose } from '../voice/voice.dto';
import type { CampaignStatus, RecipientStatus } from './campaign-status';

export interface CampaignView {
  id: string;
  name: string;
  description: string | null;
  purpose: VoicePurpose;
  firstMessage: string | null;
  scheduledAt: string | null;
  /** Null: the tenant's window applies. */
  callingWindow: CallingWindow | null;
  maxConcurrentCalls: number;
  maxAttempts: number;
  retryDelayMinutes: number;
  variables: Record<string, string>;
  status: CampaignStatus;
  /** Why the campaign paused by itself (the failure-rate breaker), or null. */
  pausedReason: string | null;
  startedAt: string | null;
  completedAt: string | null;
  createdAt: string;
  /** Recipients in all, and those whose outcome is final. */
  progress: { total: number; done: number };
}

export interface RecipientView {
  customerId: string;
  customer: { id: string; displayName: string } | null;
  status: RecipientStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastCallId: string | null;
  lastOutcome: string | null;
  /** What the last call's conversation produced, if anything. */
  ticketId: string | null;
  bookingId: string | null;
  /** The likeliest of `timezones`. */
  timezone: string;
  /**
   * Every zone the customer may be in (several when their number's area spans a zone
   * border); they are called only when the calling window holds in all of them.
   */
  timezones: string[];
  variables: Record<string, string>;
  updatedAt: string;
}

export interface AddRecipientsResult {
  added: number;
  skipped: {
    doNotCall: number;
    duplicate: number;
    alreadyInCampaign: number;
    /** Ids that name no customer of the tenant (deleted, mistyped or another tenant's). */
    unknown: number;
    total: number;
  };
}

export interface CampaignStats {
  total: number;
  byStatus: Record<RecipientStatus, number>;
  callsPlaced: number;
  answered: number;
  voicemail: number;
  ticketsCreated: number;
  bookingsCreated: number;
  /** Sum of amountCents of confirmed and completed bookings, per currency, largest first. */
  revenue: { currency: string; amountCents: number }[];
}

/** What became of each row of a CSV import. */
export interface ImportRecipientsResult {
  rows: number;
  createdCustomers: number;
  updatedCustomers: number;
  added: number;
  skipped: number;
  rejected: { row: number; phone: string | null; reason: string }[];
}

/** What creating a campaign answers: the campaign, and what became of the audience it was given. */
export interface CampaignLaunchView extends CampaignView {
  /** The report for `customerIds` or a `filter`; null otherwise. */
  recipients: AddRecipientsResult | null;
  /** The per-row report for a `csv`; null otherwise. */
  imported: ImportRecipientsResult | null;
}
