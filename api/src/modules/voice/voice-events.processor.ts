import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnModuleInit } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { QueueName, VoiceEventJob } from '../../common/queue/queue-names';
import { QueueRecovery } from '../../common/queue/queue-recovery';
import { TenantJobRunner } from '../../common/queue/tenant-job';
import { WebhookEvent } from '../webhooks/webhook-event.entity';
import { WebhookInboxService } from '../webhooks/webhook-inbox.service';
import { PostCallService } from './post-call.service';
import { VoiceReconciler } from './voice-reconciler';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function callSidOf(data: Record<string, unknown>): string | undefined {
  const metadata = (data.metadata ?? {}) as {
    phone_call?: { call_sid?: unknown } | null;
    body?: { CallSid?: unknown; call_sid?: unknown } | null;
  };
  const sid = metadata.phone_call?.call_sid ?? metadata.body?.CallSid ?? metadata.body?.call_sid;
  return typeof sid === 'string' && sid ? sid : undefined;
}

/**
 * Applies ElevenLabs events from the inbox: finds the tenant (the session id we passed in,
 * the conversation id, then the agent id), then processes the event in that tenant.
 */
@Processor(QueueName.VoiceEvents, { concurrency: 4 })
export class VoiceEventsProcessor extends WorkerHost implements OnModuleInit {
  private readonly logger = new Logger(VoiceEventsProcessor.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly inbox: WebhookInboxService,
    private readonly tenantJobs: TenantJobRunner,
    private readonly postCall: PostCallService,
    private readonly reconciler: VoiceReconciler,
    private readonly recovery: QueueRecovery,
    @InjectQueue(QueueName.VoiceEvents) private readonly queue: Queue,
  ) {
    super();
  }

  onModuleInit(): void {
    this.recovery.register(
      'voice-reconcile schedule',
      () =>
        this.queue.upsertJobScheduler(
          'voice-reconcile',
          { every: 5 * 60_000 },
          { name: VoiceEventJob.Reconcile },
        ),
      { everyStart: true },
    );
  }

  async process(job: Job<{ eventId?: string }>): Promise<unknown> {
    if (job.name === VoiceEventJob.Reconcile)
      return { reconciled: await this.reconciler.reconcileAll() };
    const event = job.data.eventId ? await this.inbox.get(job.data.eventId) : undefined;
    if (!event || event.status === 'processed') return { skipped: true };
    const tenantId = event.tenantId ?? (await this.resolveTenant(event));
    if (!tenantId) {
      await this.inbox.markUnmatched(
        event.id,
        'No tenant matched the session, conversation or agent of this event',
      );
      this.logger.warn(
        { eventId: event.id, type: event.type },
        'Unmatched voice event kept in the inbox',
      );
      return { unmatched: true };
    }
    const label = `voice-event-${event.id}`;
    if (await this.agentOfAnotherTenant(event, tenantId)) {
      const reason = 'The agent of this event belongs to another organisation than its session';
      this.logger.warn({ eventId: event.id, type: event.type }, reason);
      if (!event.tenantId) await this.inbox.markUnmatched(event.id, reason);
      else
        await this.tenantJobs.runFor(tenantId, label, () =>
          this.inbox.markFailed(event.id, reason),
        );
      return { unmatched: true };
    }
    if (!event.tenantId) await this.inbox.assign(event.id, tenantId);
    return this.tenantJobs.runFor(tenantId, label, async () => {
      if (!(await this.inbox.lockUnprocessed(event.id))) return { skipped: true };
      const sessionId = await this.apply(event);
      await this.inbox.markProcessed(event.id, sessionId);
      return { sessionId };
    });
  }

  @OnWorkerEvent('failed')
  async onFailed(job: Job<{ eventId?: string }>, error: Error): Promise<void> {
    if (!job.data.eventId || job.attemptsMade < (job.opts.attempts ?? 1)) return;
    const event = await this.inbox.get(job.data.eventId);
    if (!event?.tenantId) return;
    await this.tenantJobs.runFor(event.tenantId, `voice-event-${event.id}`, () =>
      this.inbox.markFailed(event.id, error.message),
    );
  }

  private async apply(event: WebhookEvent): Promise<string | null> {
    const data = (event.payload as { data?: Record<string, unknown> }).data ?? {};
    switch (event.type) {
      case 'post_call_transcription':
        return (await this.postCall.apply(data as never)).id;
      case 'call_initiation_failure':
        return this.postCall.initiationFailed(data as never);
      case 'post_call_audio':
        return this.postCall.attachAudio(data as never);
      default:
        // Kept in the inbox as received; nothing in Navaia acts on other event types.
        return null;
    }
  }

  /**
   * An event found by the session, conversation or call it names must come from an agent of
   * that tenant (or one no tenant has configured, such as the simulator's): a signed event of
   * one tenant's agent could otherwise name another tenant's session.
   */
  private async agentOfAnotherTenant(event: WebhookEvent, tenantId: string): Promise<boolean> {
    const agent = ((event.payload as { data?: { agent_id?: unknown } }).data ?? {}).agent_id;
    if (typeof agent !== 'string' || !agent) return false;
    const [row]: { tenant: string | null }[] = await this.dataSource.query(
      'SELECT agent_tenant($1) AS tenant',
      [agent],
    );
    return !!row?.tenant && row.tenant !== tenantId;
  }

  private async resolveTenant(event: WebhookEvent): Promise<string | undefined> {
    const data = (event.payload as { data?: Record<string, unknown> }).data ?? {};
    const variables =
      ((
        data.conversation_initiation_client_data as
          { dynamic_variables?: Record<string, unknown> } | undefined
      )?.dynamic_variables as Record<string, unknown> | undefined) ?? {};
    const lookups: [string, unknown][] = [
      [
        'voice_session_tenant',
        UUID.test(String(variables.voice_session_id ?? ''))
          ? variables.voice_session_id
          : undefined,
      ],
      ['conversation_tenant', data.conversation_id],
      // Phone calls: Twilio's call SID, in the phone metadata or the failure's Twilio body.
      ['call_sid_tenant', callSidOf(data)],
      ['agent_tenant', data.agent_id],
    ];
    for (const [fn, value] of lookups) {
      if (typeof value !== 'string' || !value) continue;
      const [row]: { tenant: string | null }[] = await this.dataSource.query(
        `SELECT ${fn}($1) AS tenant`,
        [value],
      );
      if (row?.tenant) return row.tenant;
    }
    return undefined;
  }
}
