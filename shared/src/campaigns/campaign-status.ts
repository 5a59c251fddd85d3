/** A campaign's life: draft → scheduled | running → paused ⇄ running → completed | cancelled. */
export enum CampaignStatus {
  Draft = 'draft',
  Scheduled = 'scheduled',
  Running = 'running',
  Paused = 'paused',
  Completed = 'completed',
  Cancelled = 'cancelled',
}

/** The moves the lifecycle actions make; `completed` is reached by the dialer alone. */
export const CAMPAIGN_TRANSITIONS: Readonly<Record<CampaignStatus, readonly CampaignStatus[]>> = {
  [CampaignStatus.Draft]: [
    CampaignStatus.Scheduled,
    CampaignStatus.Running,
    CampaignStatus.Cancelled,
  ],
  [CampaignStatus.Scheduled]: [
    CampaignStatus.Running,
    CampaignStatus.Paused,
    CampaignStatus.Cancelled,
  ],
  [CampaignStatus.Running]: [
    CampaignStatus.Paused,
    CampaignStatus.Completed,
    CampaignStatus.Cancelled,
  ],
  [CampaignStatus.Paused]: [CampaignStatus.Running, CampaignStatus.Cancelled],
  [CampaignStatus.Completed]: [],
  [CampaignStatus.Cancelled]: [],
};

/** Settings, audience and variables may change only while nothing is being dialled. */
export const EDITABLE_CAMPAIGN_STATUSES: readonly CampaignStatus[] = [
  CampaignStatus.Draft,
  CampaignStatus.Paused,
];

export enum RecipientStatus {
  /** Waiting for its (next) attempt: `nextAttemptAt`, inside its calling window. */
  Pending = 'pending',
  /** Its call is queued for dialling. */
  Queued = 'queued',
  /** Its call is ringing or in progress. */
  Calling = 'calling',
  Completed = 'completed',
  NoAnswer = 'no_answer',
  Busy = 'busy',
  Failed = 'failed',
  /** Not called: do-not-call or no diallable number when its turn came. */
  Skipped = 'skipped',
  Canceled = 'canceled',
}

export const FINAL_RECIPIENT_STATUSES: readonly RecipientStatus[] = [
  RecipientStatus.Completed,
  RecipientStatus.NoAnswer,
  RecipientStatus.Busy,
  RecipientStatus.Failed,
  RecipientStatus.Skipped,
  RecipientStatus.Canceled,
];
