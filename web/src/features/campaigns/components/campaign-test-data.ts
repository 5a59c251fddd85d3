import {
  CampaignStatus,
  RecipientStatus,
  VoicePurpose,
  type CampaignStats,
  type CampaignView,
  type RecipientView,
} from '@navaia/shared';

let sequence = 0;

export function makeCampaign(overrides: Partial<CampaignView> = {}): CampaignView {
  const n = ++sequence;
  return {
    id: `0190a0b2-0000-7000-8000-${String(n).padStart(12, '0')}`,
    name: `Campaign ${n}`,
    description: null,
    purpose: VoicePurpose.Sales,
    firstMessage: 'Hello {{customer_name}}',
    scheduledAt: null,
    callingWindow: null,
    maxConcurrentCalls: 5,
    maxAttempts: 3,
    retryDelayMinutes: 60,
    variables: {},
    status: CampaignStatus.Draft,
    pausedReason: null,
    startedAt: null,
    completedAt: null,
    createdAt: '2026-01-05T10:00:00.000Z',
    progress: { total: 0, done: 0 },
    ...overrides,
  };
}

export function makeStats(overrides: Partial<CampaignStats> = {}): CampaignStats {
  return {
    total: 10,
    byStatus: {
      [RecipientStatus.Pending]: 4,
      [RecipientStatus.Queued]: 1,
      [RecipientStatus.Calling]: 1,
      [RecipientStatus.Completed]: 2,
      [RecipientStatus.NoAnswer]: 1,
      [RecipientStatus.Busy]: 0,
      [RecipientStatus.Failed]: 0,
      [RecipientStatus.Skipped]: 1,
      [RecipientStatus.Canceled]: 0,
    },
    callsPlaced: 7,
    answered: 3,
    voicemail: 1,
    ticketsCreated: 2,
    bookingsCreated: 1,
    revenue: [
      { currency: 'USD', amountCents: 12_500 },
      { currency: 'EUR', amountCents: 4_000 },
    ],
    ...overrides,
  };
}

export function makeRecipient(overrides: Partial<RecipientView> = {}): RecipientView {
  const n = ++sequence;
  return {
    customerId: `customer-${n}`,
    customer: { id: `customer-${n}`, displayName: `Customer ${n}` },
    status: RecipientStatus.Pending,
    attempts: 0,
    nextAttemptAt: null,
    lastCallId: null,
    lastOutcome: null,
    ticketId: null,
    bookingId: null,
    timezone: 'Europe/Berlin',
    timezones: ['Europe/Berlin'],
    variables: {},
    updatedAt: '2026-01-05T10:00:00.000Z',
    ...overrides,
  };
}
