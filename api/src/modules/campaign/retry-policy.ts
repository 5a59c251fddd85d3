import { CallOutcome, RecipientStatus } from '@navaia/shared';

/**
 * How each outcome is retried: a busy line is tried again sooner, a voicemail later (the
 * customer is probably away), a carrier failure at most once more (the number may be dead).
 * Delays grow exponentially from the campaign's retryDelayMinutes, with ±20 % jitter so
 * recipients who failed together do not all come back at the same minute.
 */
const POLICIES: Partial<
  Record<CallOutcome, { factor: number; maxAttempts?: number; finalStatus: RecipientStatus }>
> = {
  [CallOutcome.NoAnswer]: { factor: 1, finalStatus: RecipientStatus.NoAnswer },
  [CallOutcome.Busy]: { factor: 0.5, finalStatus: RecipientStatus.Busy },
  [CallOutcome.Voicemail]: { factor: 2, finalStatus: RecipientStatus.NoAnswer },
  [CallOutcome.Failed]: { factor: 1, maxAttempts: 2, finalStatus: RecipientStatus.Failed },
};

export interface RetryPlan {
  /** Wait before the next attempt; null when there is none. */
  retryInMs: number | null;
  /** The recipient's status when there is no next attempt. */
  finalStatus: RecipientStatus;
}

export function retryPlan(
  outcome: CallOutcome,
  attemptsMade: number,
  campaign: { maxAttempts: number; retryDelayMinutes: number },
  random = Math.random(),
): RetryPlan {
  if (outcome === CallOutcome.Answered)
    return { retryInMs: null, finalStatus: RecipientStatus.Completed };
  const policy = POLICIES[outcome];
  if (!policy) return { retryInMs: null, finalStatus: RecipientStatus.Failed };
  const limit = Math.min(campaign.maxAttempts, policy.maxAttempts ?? Infinity);
  if (attemptsMade >= limit) return { retryInMs: null, finalStatus: policy.finalStatus };
  const base = campaign.retryDelayMinutes * 60_000 * policy.factor * 2 ** (attemptsMade - 1);
  const jitter = 0.8 + random * 0.4;
  return { retryInMs: Math.round(base * jitter), finalStatus: policy.finalStatus };
}
