import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { TenantDb } from '../../common/database/tenant-db';
import { QueueName, TelephonyJob } from '../../common/queue/queue-names';
import { QueueRecovery } from '../../common/queue/queue-recovery';
import { TenantJobRunner } from '../../common/queue/tenant-job';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { WebhookInboxService } from '../webhooks/webhook-inbox.service';
import type { TwilioParams } from '../webhooks/twilio-intake';
import { Call } from './call.entity';
import { CallReconciler } from './call-reconciler';
import { CallService, providerSidMatches } from './call.service';
import { Dialer, DialJobData } from './dialer';
import { twilioCallStatus } from './twilio-status';

const single = (value: string | string[] | undefined) =>
  Array.isArray(value) ? value[value.length - 1] : value;

/** Worker side of telephony: dial jobs, Twilio status callbacks, the reconciler. */
@Processor(QueueName.Telephony, { concurrency: 16 })
export class TelephonyProcessor extends WorkerHost implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(TelephonyProcessor.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly db: TenantDb,
    private readonly tenantJobs: TenantJobRunner,
    private readonly inbox: WebhookInboxService,
    private readonly dialer: Dialer,
    private readonly calls: CallService,
    private readonly reconciler: CallReconciler,
    private readonly recovery: QueueRecovery,
    @InjectQueue(QueueName.Telephony) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  onModuleInit(): void {
    this.recovery.register(
      'call-reconcile schedule',
      () =>
        this.queue.upsertJobScheduler(
          'call-reconcile',
          { every: this.config.callReconciler.intervalMs },
          { name: TelephonyJob.Reconcile },
        ),
      { everyStart: true },
    );
    this.recovery.register('dial jobs', () => this.dialer.recover(this.queue), {
      afterOutage: true,
    });
  }

  /** Calls a stopped process left open are settled from the provider's word, not by silence. */
  onApplicationBootstrap(): void {
    this.reconciler
      .checkOpenCalls()
      .catch((error: Error) =>
        this.logger.warn(`Could not ask the provider about open calls: ${error.message}`),
      );
  }

  async process(job: Job, token?: string): Promise<unknown> {
    switch (job.name) {
      case TelephonyJob.Dial:
        return this.dialer.dial(job as Job<DialJobData>, token);
      case TelephonyJob.TwilioStatus:
        return this.applyTwilioStatus((job.data as { eventId: string }).eventId);
      case TelephonyJob.Reconcile:
        return { settled: await this.reconciler.reconcileAll() };
      default:
        throw new Error(`Unknown telephony job ${job.name}`);
    }
  }

  @OnWorkerEvent('failed')
  async onFailed(job: Job<{ eventId?: string }>, error: Error): Promise<void> {
    if (job.name !== TelephonyJob.TwilioStatus || job.attemptsMade < (job.opts.attempts ?? 1))
      return;
    const event = job.data.eventId ? await this.inbox.get(job.data.eventId) : undefined;
    if (!event?.tenantId) return;
    await this.tenantJobs.runFor(event.tenantId, `twilio-event-${event.id}`, () =>
      this.inbox.markFailed(event.id, error.message),
    );
  }

  private async applyTwilioStatus(eventId: string): Promise<unknown> {
    const event = await this.inbox.get(eventId);
    if (!event || event.status === 'processed') return { skipped: true };
    const { params, callId } = event.payload as { params: TwilioParams; callId: string | null };
    const sid = single(params.CallSid);
    const found = event.tenantId
      ? { tenantId: event.tenantId, byCallId: false }
      : await this.tenantOf(callId, sid);
    if (!found) {
      await this.inbox.markUnmatched(event.id, 'No call of any tenant has this id or call SID');
      this.logger.warn({ eventId }, 'Unmatched Twilio status callback kept in the inbox');
      return { unmatched: true };
    }
    const { tenantId } = found;
    const label = `twilio-event-${event.id}`;
    if (!event.tenantId) {
      // A signed callback names a call by our id and by Twilio's SID; once the call has a
      // SID they must agree, or the report could be another call's.
      const call = await this.tenantJobs.runFor(tenantId, label, () => this.callOf(callId, sid));
      if (call && !providerSidMatches(call, sid)) {
        await this.inbox.markUnmatched(event.id, 'The call SID of this callback is not the call’s');
        this.logger.warn({ eventId, callId }, 'Twilio status callback for another call’s SID');
        return { unmatched: true };
      }
      await this.inbox.assign(event.id, tenantId);
    }
    return this.tenantJobs.runFor(tenantId, label, async () => {
      if (!(await this.inbox.lockUnprocessed(event.id))) return { skipped: true };
      // Found by its id, the call is known to exist; otherwise look it up. A SID that came
      // meanwhile is checked again under the call's lock (applyStatus).
      const id = found.byCallId ? callId : (await this.callOf(callId, sid))?.id;
      if (!id) throw new Error(`Call ${callId ?? sid} is not in this tenant`);
      const twilioStatus = single(params.CallStatus);
      const sequence = Number(single(params.SequenceNumber));
      const duration = Number(single(params.CallDuration));
      const sip = single(params.SipResponseCode);
      const timestamp = single(params.Timestamp);
      const at = timestamp ? new Date(timestamp) : undefined;
      const { call, applied } = await this.calls.applyStatus(id, {
        status: twilioCallStatus(twilioStatus),
        source: 'twilio',
        at: at && !Number.isNaN(at.getTime()) ? at : undefined,
        sequenceNumber: Number.isInteger(sequence) ? sequence : null,
        providerCallSid: sid,
        answeredBy: single(params.AnsweredBy) ?? null,
        durationSec: Number.isFinite(duration) && duration >= 0 ? duration : null,
        detail: `Twilio: ${twilioStatus}${sip ? ` (SIP ${sip})` : ''}`,
        failureReason:
          twilioStatus === 'failed' || twilioStatus === 'busy' || twilioStatus === 'no-answer'
            ? `Twilio reported ${twilioStatus}${sip ? ` (SIP ${sip})` : ''}`
            : undefined,
      });
      await this.inbox.markProcessed(event.id, call.voiceSessionId);
      return { callId: call.id, applied };
    });
  }

  private async tenantOf(
    callId: string | null,
    sid: string | undefined,
  ): Promise<{ tenantId: string; byCallId: boolean } | null> {
    for (const [fn, value] of [
      ['call_tenant', callId],
      ['call_sid_tenant', sid],
    ] as const) {
      if (!value) continue;
      const [row]: { tenant: string | null }[] = await this.dataSource.query(
        `SELECT ${fn}($1) AS tenant`,
        [value],
      );
      if (row?.tenant) return { tenantId: row.tenant, byCallId: fn === 'call_tenant' };
    }
    return null;
  }

  private async callOf(callId: string | null, sid: string | undefined): Promise<Call | null> {
    const repo = this.db.repo(Call);
    return (
      (callId ? await repo.findOneBy({ id: callId }) : null) ??
      (sid ? await repo.findOneBy({ providerCallSid: sid }) : null)
    );
  }
}
