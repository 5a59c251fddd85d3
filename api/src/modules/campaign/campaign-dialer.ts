import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  CallingWindow,
  callOutcome,
  CallOutcome,
  CallStatus,
  CampaignStatus,
  DEFAULT_CALLING_WINDOW,
  isCallingWindow,
  isFinalCallStatus,
  RecipientStatus,
  toE164,
} from '@navaia/shared';
import { TenantDb } from '../../common/database/tenant-db';
import { TenantJobRunner } from '../../common/queue/tenant-job';
import { TenantContext } from '../../common/tenancy/tenant-context';
import { nextCallableInAll } from '../../common/time/calling-window';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { CustomerService } from '../customer/customer.service';
import { WebhookPublisher } from '../outgoing-webhooks/webhook-publisher';
import { CallHooks } from '../telephony/call-hooks';
import { NO_FINAL_STATUS } from '../telephony/call-reconciler';
import type { Call } from '../telephony/call.entity';
import { CallService } from '../telephony/call.service';
import { TenantService } from '../tenant/tenant.service';
import { fairShares } from './fair-share';
import { Campaign, CampaignRecipient } from './campaign.entity';
import { CampaignService } from './campaign.service';
import { retryPlan } from './retry-policy';

/** The failure-rate breaker looks at this many of a campaign's latest finished calls… */
const BREAKER_WINDOW = 20;
/** …and pauses the campaign when at least this share of them failed. */
const BREAKER_FAILURE_SHARE = 0.5;
/** The dialer's tick: the slots that do not divide evenly move on each one. */
const TICK_MS = 1_000;
/** Campaign calls waiting for a dialing turn are kept to this much of the tenant's pace. */
const PACE_AHEAD_MS = 1_500;

/**
 * The window a campaign calls in, or null when the stored one is broken: input is validated,
 * but a window stored before a rule existed would otherwise fail every tick.
 */
function callingWindowOf(
  campaign: Campaign,
  tenant: { callingWindow: CallingWindow | null },
): CallingWindow | null {
  const window = campaign.callingWindow ?? tenant.callingWindow ?? DEFAULT_CALLING_WINDOW;
  return isCallingWindow(window) ? window : null;
}

/**
 * Feeds a running campaign's due recipients into telephony's dialing and follows their calls.
 * A feed takes at most the campaign's free fair share of the tenant's capacity (see
 * `freeShare`), only recipients inside their calling window,
 * rechecking do-not-call; telephony then paces the dials under the tenant's limits. Rows are
 * taken with SKIP LOCKED and moved in the same transaction as their call and its outbox entry,
 * so a crash at any point neither repeats nor loses a recipient.
 */
@Injectable()
export class CampaignDialer implements OnModuleInit {
  private readonly logger = new Logger(CampaignDialer.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly db: TenantDb,
    private readonly context: TenantContext,
    private readonly tenantJobs: TenantJobRunner,
    private readonly campaigns: CampaignService,
    private readonly calls: CallService,
    private readonly customers: CustomerService,
    private readonly tenants: TenantService,
    private readonly hooks: CallHooks,
    private readonly webhooks: WebhookPublisher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.hooks.register({
      mayDial: (call) => this.mayDial(call),
      callChanged: (call, previous) => this.callChanged(call, previous),
    });
  }

  /** One pass over every campaign that may dial; returns how many calls it queued. */
  async tickAll(): Promise<number> {
    const due: { id: string; tenant_id: string }[] = await this.dataSource.query(
      'SELECT * FROM campaigns_to_dial()',
    );
    let queued = 0;
    for (const campaign of due) {
      queued += await this.tenantJobs
        .runFor(campaign.tenant_id, `campaign-${campaign.id}`, () => this.feed(campaign.id))
        .catch((error: Error) => {
          this.logger.error(`Campaign ${campaign.id} feed failed: ${error.message}`);
          return 0;
        });
    }
    return queued;
  }

  /** Inside the campaign's tenant: queue calls for its due recipients. */
  async feed(campaignId: string, now = new Date()): Promise<number> {
    const [campaign] = await this.db
      .repo(Campaign)
      .createQueryBuilder('c')
      .setLock('pessimistic_write', undefined, ['c'])
      .setOnLocked('skip_locked')
      .where('c.id = :campaignId', { campaignId })
      .getMany();
    if (!campaign) return 0;
    if (
      campaign.status === CampaignStatus.Scheduled &&
      campaign.scheduledAt &&
      campaign.scheduledAt <= now
    ) {
      campaign.status = CampaignStatus.Running;
      await this.db
        .repo(Campaign)
        .update({ id: campaign.id }, { status: CampaignStatus.Running, startedAt: now });
    }
    if (campaign.status !== CampaignStatus.Running) return 0;

    const tenant = await this.tenants.current();
    const window = callingWindowOf(campaign, tenant);
    if (!window) {
      await this.pause(campaign, 'the calling window is not valid; set its start, end and days');
      return 0;
    }
    const share = await this.freeShare(campaign.id, tenant.limits, now);
    if (share.idle) await this.completeIfDone(campaign);
    let capacity = share.free;
    if (capacity <= 0) return 0;
    const { left } = await this.calls.dailyAllowance();
    capacity = Math.min(capacity, left);
    if (capacity <= 0) return 0;

    const due = await this.db
      .repo(CampaignRecipient)
      .createQueryBuilder('r')
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .where(`r.campaign_id = :id AND r.status = 'pending' AND r.next_attempt_at <= :now`, {
        id: campaign.id,
        now,
      })
      .orderBy('r.next_attempt_at')
      .addOrderBy('r.id')
      // Some will be outside their window: look a little further than the capacity.
      .limit(capacity * 4)
      .getMany();
    if (due.length === 0) {
      await this.completeIfDone(campaign);
      return 0;
    }
    const customers = await this.customers.byIds(due.map((r) => r.customerId));
    const toCall: {
      recipient: CampaignRecipient;
      customer: NonNullable<ReturnType<typeof customers.get>>;
    }[] = [];
    for (const recipient of due) {
      const customer = customers.get(recipient.customerId);
      if (!customer || customer.doNotCall) {
        await this.settle(
          recipient,
          RecipientStatus.Skipped,
          customer ? 'do_not_call' : 'customer_deleted',
        );
        continue;
      }
      if (toE164(customer.phone, 'US') !== customer.phone) {
        await this.settle(recipient, RecipientStatus.Skipped, 'invalid_phone');
        continue;
      }
      const opens = nextCallableInAll(now, window, recipient.timezones);
      if (!opens) {
        // The window never holds in all of the customer's zones at once.
        await this.settle(recipient, RecipientStatus.Skipped, 'no_common_calling_hours');
        continue;
      }
      if (opens > now) {
        await this.db
          .repo(CampaignRecipient)
          .update({ id: recipient.id }, { nextAttemptAt: opens });
        continue;
      }
      if (toCall.length < capacity) toCall.push({ recipient, customer });
    }
    if (toCall.length === 0) return 0;
    const placed = await this.calls.placeForCampaign(
      campaign.id,
      campaign.purpose,
      toCall.map(({ customer, recipient }) => ({
        customer,
        variables: fillTemplates(campaign, recipient, customer.firstName ?? ''),
      })),
    );
    for (const [index, call] of placed.entries()) {
      const { recipient } = toCall[index];
      await this.db.repo(CampaignRecipient).update(
        { id: recipient.id },
        {
          status: RecipientStatus.Queued,
          attempts: recipient.attempts + 1,
          lastCallId: call.id,
          nextAttemptAt: null,
        },
      );
    }
    return placed.length;
  }

  /**
   * What this campaign may queue now. Concurrency: its fair share of the tenant's campaign
   * capacity (the tenant's maximum minus the slot kept for operators' own calls) among the
   * tenant's running campaigns, less its calls queued or in progress, and never more than
   * the capacity left (shares move between ticks while earlier calls still go on). Pace:
   * calls waiting for their dialing turn are kept to what the tenant's calls per second dial
   * within `PACE_AHEAD_MS`, shared the same way, so an operator's call queued meanwhile waits
   * behind that much at most rather than behind a whole campaign.
   */
  private async freeShare(
    campaignId: string,
    limits: { maxConcurrentCalls: number; callsPerSecond: number },
    now: Date,
  ): Promise<{ free: number; idle: boolean }> {
    const running: { id: string; max: number; queued: number; active: number; due: number }[] =
      await this.db.manager.query(
        `SELECT c.id, c.max_concurrent_calls AS max, a.queued, a.active, d.due
           FROM campaigns c
          CROSS JOIN LATERAL (
                SELECT count(*) FILTER (WHERE r.status = 'queued')::int AS queued,
                       count(*)::int AS active
                  FROM campaign_recipients r
                 WHERE r.campaign_id = c.id AND r.status IN ('queued', 'calling')) a
          CROSS JOIN LATERAL (
                SELECT count(*)::int AS due FROM (
                  SELECT 1 FROM campaign_recipients r
                   WHERE r.campaign_id = c.id AND r.status = 'pending' AND r.next_attempt_at <= $2
                   LIMIT c.max_concurrent_calls) due) d
          WHERE c.tenant_id = $1 AND c.status = 'running'
          ORDER BY c.id`,
        [this.context.tenantId, now],
      );
    const index = running.findIndex((c) => c.id === campaignId);
    if (index < 0) return { free: 0, idle: false };
    const rotation = Math.floor(now.getTime() / TICK_MS);
    const sum = (values: number[]) => values.reduce((total, n) => total + n, 0);

    const capacity = Math.max(1, limits.maxConcurrentCalls - 1);
    // A campaign can use what it holds plus what is due, up to its own concurrency.
    const caps = running.map((c) => Math.min(c.max, c.active + c.due));
    const shares = fairShares(capacity, caps, rotation);
    const left = capacity - sum(running.map((c) => c.active));
    const free = running.map((c, i) => Math.max(0, Math.min(shares[i] - c.active, left)));

    const ahead = Math.max(1, Math.ceil((limits.callsPerSecond * PACE_AHEAD_MS) / 1000));
    const waiting = sum(running.map((c) => c.queued));
    const paced = fairShares(ahead - waiting, free, rotation);
    return {
      free: Math.min(free[index], paced[index]),
      // Nothing queued, in progress or due: perhaps every outcome is final.
      idle: caps[index] === 0,
    };
  }

  /** A campaign's call may dial only while the campaign runs. */
  private async mayDial(call: Call): Promise<boolean> {
    const campaign = await this.db.repo(Campaign).findOneBy({ id: call.campaignId! });
    return campaign?.status === CampaignStatus.Running;
  }

  /** Follows a campaign call: calling, then its outcome and the retry it earns. */
  private async callChanged(call: Call, previous: CallStatus): Promise<void> {
    if (!isFinalCallStatus(call.status)) {
      // Only leaving the queue changes the recipient; ringing and answered say nothing new.
      if (previous === CallStatus.Queued)
        await this.db.manager.query(
          `UPDATE campaign_recipients SET status = 'calling', updated_at = now()
            WHERE last_call_id = $1 AND status = 'queued'`,
          [call.id],
        );
      return;
    }
    const recipient = await this.db
      .repo(CampaignRecipient)
      .createQueryBuilder('r')
      .setLock('pessimistic_write')
      // By the call alone (one recipient per call): its own index, whatever the campaign's size.
      .where('r.last_call_id = :callId', { callId: call.id })
      .getOne();
    if (!recipient) return;
    if (recipient.status !== RecipientStatus.Queued && recipient.status !== RecipientStatus.Calling)
      return;
    const campaign = await this.db.repo(Campaign).findOneByOrFail({ id: call.campaignId! });
    const outcome = callOutcome(call.status, call.answeredBy)!;
    if (outcome === CallOutcome.Canceled) {
      // Withdrawn before dialing (a pause): the attempt does not count.
      const back =
        campaign.status === CampaignStatus.Cancelled
          ? RecipientStatus.Canceled
          : RecipientStatus.Pending;
      await this.db.repo(CampaignRecipient).update(
        { id: recipient.id },
        {
          status: back,
          attempts: Math.max(0, recipient.attempts - 1),
          nextAttemptAt: back === RecipientStatus.Pending ? new Date() : null,
        },
      );
      return;
    }
    if (call.failureReason === NO_FINAL_STATUS) {
      // Dialled, but nobody can tell what happened (the process died with the call): the
      // customer may have been called, so the recipient is not called again.
      await this.settle(recipient, RecipientStatus.Failed, 'unknown');
      await this.completeIfDone(campaign);
      return;
    }
    const tenant = await this.tenants.current();
    const plan = retryPlan(outcome, recipient.attempts, campaign);
    if (plan.retryInMs !== null) {
      const window = callingWindowOf(campaign, tenant);
      const retryAt = new Date(Date.now() + plan.retryInMs);
      // A broken window pauses the campaign at its next feed; no common hours (the window was
      // narrowed since): the next tick settles it.
      const at = (window && nextCallableInAll(retryAt, window, recipient.timezones)) ?? retryAt;
      await this.db
        .repo(CampaignRecipient)
        .update(
          { id: recipient.id },
          { status: RecipientStatus.Pending, lastOutcome: outcome, nextAttemptAt: at },
        );
    } else {
      await this.settle(recipient, plan.finalStatus, outcome);
    }
    // Only a failure can raise the failure rate.
    if (outcome === CallOutcome.Failed) await this.tripBreaker(campaign);
    // Completion is the next tick's: it finds nothing due and nothing in progress. Asking
    // here too would cost every call a read of the campaign's recipients.
  }

  private async settle(recipient: CampaignRecipient, status: RecipientStatus, outcome: string) {
    await this.db
      .repo(CampaignRecipient)
      .update({ id: recipient.id }, { status, lastOutcome: outcome, nextAttemptAt: null });
  }

  /** Pauses a campaign whose latest calls mostly failed, and says why. */
  private async tripBreaker(campaign: Campaign): Promise<void> {
    if (campaign.status !== CampaignStatus.Running) return;
    const [row]: { finished: number; failed: number }[] = await this.db.manager.query(
      `SELECT count(*)::int AS finished, count(*) FILTER (WHERE status = 'failed')::int AS failed
         FROM (SELECT status FROM calls
                WHERE tenant_id = $1 AND campaign_id = $2
                  AND status IN ('completed', 'busy', 'no_answer', 'failed')
                -- Latest dialled first (ids are time-ordered): an index walk that stops early.
                ORDER BY id DESC LIMIT $3) latest`,
      [this.context.tenantId, campaign.id, BREAKER_WINDOW],
    );
    if (row.finished >= BREAKER_WINDOW / 2 && row.failed / row.finished >= BREAKER_FAILURE_SHARE) {
      await this.pause(campaign, `${row.failed} of the last ${row.finished} calls failed`);
    }
  }

  private async pause(campaign: Campaign, why: string): Promise<void> {
    const reason = `Paused automatically: ${why}`;
    await this.db
      .repo(Campaign)
      .update({ id: campaign.id }, { status: CampaignStatus.Paused, pausedReason: reason });
    campaign.status = CampaignStatus.Paused;
    this.logger.warn(`Campaign ${campaign.id}: ${reason}`);
  }

  /**
   * Completed once every recipient's outcome is final and every answered call's conversation
   * is processed (its session has an outcome), so the campaign's stats, its event stream and
   * `campaign.completed` name every ticket and booking it produced. A conversation that has
   * not come when the call reconciler's silence rule would give up on a call (`silentCallMs`
   * after the call's end, long past the voice reconciler's fetches) is no longer waited for.
   */
  private async completeIfDone(campaign: Campaign): Promise<void> {
    if (campaign.status !== CampaignStatus.Running) return;
    const [{ open }]: { open: boolean }[] = await this.db.manager.query(
      // Each probe is answered by its own partial index (due, active, sessions without outcome).
      `SELECT EXISTS (SELECT 1 FROM campaign_recipients WHERE campaign_id = $1 AND status = 'pending')
           OR EXISTS (SELECT 1 FROM campaign_recipients
                       WHERE campaign_id = $1 AND status IN ('queued', 'calling'))
           OR EXISTS (SELECT 1 FROM voice_sessions s JOIN calls c ON c.id = s.call_id
                       WHERE s.tenant_id = $2 AND s.outcome IS NULL
                         -- The sessions index's range: the voice reconciler's window too.
                         AND s.created_at > now() - interval '2 days'
                         AND c.tenant_id = $2 AND c.campaign_id = $1 AND c.status = 'completed'
                         AND coalesce(c.ended_at, c.updated_at)
                             > now() - make_interval(secs => $3)) AS open`,
      [campaign.id, this.context.tenantId, this.config.callReconciler.silentCallMs / 1000],
    );
    if (open) return;
    await this.db
      .repo(Campaign)
      .update({ id: campaign.id }, { status: CampaignStatus.Completed, completedAt: new Date() });
    campaign.status = CampaignStatus.Completed;
    await this.webhooks.publish('campaign.completed', async () => ({
      ...(await this.campaigns.view(campaign.id)),
      stats: await this.campaigns.stats(campaign.id),
    }));
  }
}

/** The campaign's variable templates for one recipient: `{{name}}` placeholders filled. */
function fillTemplates(
  campaign: Campaign,
  recipient: CampaignRecipient,
  firstName: string,
): Record<string, string> {
  const values: Record<string, string> = {
    ...recipient.variables,
    first_name: firstName,
    campaign_name: campaign.name,
  };
  const fill = (text: string) =>
    text.replace(/\{\{\s*([a-z][a-z0-9_]*)\s*\}\}/gi, (_, key: string) => values[key] ?? '');
  const filled: Record<string, string> = { ...recipient.variables, campaign_id: campaign.id };
  for (const [key, template] of Object.entries(campaign.variables)) filled[key] = fill(template);
  if (campaign.firstMessage) filled.first_message = fill(campaign.firstMessage);
  return filled;
}
