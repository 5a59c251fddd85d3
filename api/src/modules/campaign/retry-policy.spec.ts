import { CallOutcome, RecipientStatus } from '@navaia/shared';
import { retryPlan } from './retry-policy';

const campaign = { maxAttempts: 4, retryDelayMinutes: 30 };
const MIN = 60_000;

describe('retries by outcome', () => {
  it('an answered call is done', () => {
    expect(retryPlan(CallOutcome.Answered, 1, campaign)).toEqual({
      retryInMs: null,
      finalStatus: RecipientStatus.Completed,
    });
  });

  it('backs off exponentially from the campaign delay, per outcome', () => {
    expect(retryPlan(CallOutcome.NoAnswer, 1, campaign, 0.5).retryInMs).toBe(30 * MIN);
    expect(retryPlan(CallOutcome.NoAnswer, 2, campaign, 0.5).retryInMs).toBe(60 * MIN);
    expect(retryPlan(CallOutcome.NoAnswer, 3, campaign, 0.5).retryInMs).toBe(120 * MIN);
    expect(retryPlan(CallOutcome.Busy, 1, campaign, 0.5).retryInMs).toBe(15 * MIN);
    expect(retryPlan(CallOutcome.Voicemail, 1, campaign, 0.5).retryInMs).toBe(60 * MIN);
  });

  it('jitters by ±20 %', () => {
    expect(retryPlan(CallOutcome.NoAnswer, 1, campaign, 0).retryInMs).toBe(24 * MIN);
    expect(retryPlan(CallOutcome.NoAnswer, 1, campaign, 1).retryInMs).toBe(36 * MIN);
  });

  it('stops at maxAttempts with the outcome’s final status; a carrier failure after two', () => {
    expect(retryPlan(CallOutcome.NoAnswer, 4, campaign)).toEqual({
      retryInMs: null,
      finalStatus: RecipientStatus.NoAnswer,
    });
    expect(retryPlan(CallOutcome.Busy, 4, campaign).finalStatus).toBe(RecipientStatus.Busy);
    expect(retryPlan(CallOutcome.Voicemail, 4, campaign).finalStatus).toBe(
      RecipientStatus.NoAnswer,
    );
    expect(retryPlan(CallOutcome.Failed, 1, campaign).retryInMs).not.toBeNull();
    expect(retryPlan(CallOutcome.Failed, 2, campaign)).toEqual({
      retryInMs: null,
      finalStatus: RecipientStatus.Failed,
    });
  });
});
