import { Inject, Injectable, Logger } from '@nestjs/common';
import { DelayedError, Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { CallStatus } from '@navaia/shared';
import { isUniqueViolation } from '../../common/database/pg-errors';
import { TenantDb } from '../../common/database/tenant-db';
import { uuidv7 } from '../../common/database/uuid';
import { TelephonyJob } from '../../common/queue/queue-names';
import { TenantJobRunner } from '../../common/queue/tenant-job';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { CustomerService } from '../customer/customer.service';
import { TenantService } from '../tenant/tenant.service';
import { VoiceSessionService } from '../voice/voice-session.service';
import { Call, CallAttempt } from './call.entity';
import { CallHooks } from './call-hooks';
import { CallService } from './call.service';
import { DialLimiter, DialLimits } from './dial-limiter';
import {
  DialOutcomeUnknown,
  DialRefused,
  DialRequest,
  TELEPHONY_PROVIDER,
  TelephonyProvider,
} from './providers/telephony-provider';
import { TWILIO_STATUS_PATH, TWILIO_VOICE_PATH } from '../webhooks/webhook-routes';

export interface DialJobData {
  tenantId: string;
  callId: string;
  /** The dialing turn an earlier pass reserved under the calls-per-second pace. */
  reservedAt?: number;
}

type Plan = { skip: string } | { request: DialRequest };

const ALREADY_ATTEMPTED = 'already attempted';
/** Tenant limits are read at most this often per process; a settings change applies soon after. */
const LIMITS_TTL_MS = 5_000;
const RECOVER_BATCH = 500;

/**
 * Dials one queued call. In order: the tenant's limits must give it a turn (else the job
 * waits for it); the call must still be queued and never attempted; the customer must still
 * be callable; then a call-attempt row is committed, and only then is the provider asked. A
 * retried job finds the attempt and never asks again, whatever happened in between.
 */
@Injectable()
export class Dialer {
  private readonly logger = new Logger(Dialer.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly db: TenantDb,
    private readonly tenantJobs: TenantJobRunner,
    private readonly calls: CallService,
    private readonly customers: CustomerService,
    private readonly tenants: TenantService,
    private readonly sessions: VoiceSessionService,
    private readonly limiter: DialLimiter,
    private readonly hooks: CallHooks,
    @Inject(TELEPHONY_PROVIDER) private readonly provider: TelephonyProvider,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async dial(job: Job<DialJobData>, token?: string): Promise<Record<string, unknown>> {
    const { tenantId, callId } = job.data;
    const inTenant = <T>(work: () => Promise<T>) =>
      this.tenantJobs.runFor(tenantId, `dial-${callId}`, work);

    // The turn comes first and costs one Redis step: a batch of queued calls takes its turns
    // at once, and the database checks run only for the call whose turn it is.
    const limits = await this.limitsOf(tenantId);
    const permit = await this.limiter.acquire(tenantId, callId, limits, job.data.reservedAt);
    if (!permit.go) {
      await job.updateData({ ...job.data, reservedAt: permit.reservedAt });
      await job.moveToDelayed(Date.now() + permit.waitMs, token);
      throw new DelayedError();
    }

    // One transaction checks the call and commits its attempt row: the provider is asked
    // only after that commit.
    const plan = await inTenant(() => this.plan(callId));
    if ('skip' in plan) {
      // An attempted call keeps its slot until its end is known; any other never dials.
      if (plan.skip !== ALREADY_ATTEMPTED) await this.limiter.release(tenantId, callId);
      return { skipped: plan.skip };
    }

    let answer;
    try {
      answer = await this.provider.dial(plan.request);
    } catch (error) {
      return this.failed(job, callId, error);
    }
    // Past this point the call exists at the provider: a failure here retries the job, which
    // finds the attempt and does not dial again; the reconciler settles the rest.
    await inTenant(async () => {
      await this.db
        .repo(CallAttempt)
        .update(
          { callId },
          { state: 'sent', providerCallSid: answer.providerCallSid, answeredAt: new Date() },
        );
      await this.calls.applyStatus(callId, {
        status: CallStatus.Initiated,
        source: 'dialer',
        providerCallSid: answer.providerCallSid,
        conversationId: answer.conversationId,
        fromNumber: answer.from,
        detail: `Dialled through ${this.provider.kind}`,
      });
    });
    return { dialled: true, providerCallSid: answer.providerCallSid };
  }

  /**
   * After Redis lost its data: every call still waiting for its dial gets its job back (the
   * job id makes that a no-op where the job survived, and a job that runs twice finds the
   * call attempted), and calls already dialled take back their concurrency slots.
   */
  async recover(queue: Queue): Promise<number> {
    const tenants: { app_tenant_ids: string }[] =
      await this.dataSource.query('SELECT app_tenant_ids()');
    let requeued = 0;
    for (const { app_tenant_ids: tenantId } of tenants) {
      const open: { id: string; attempted: boolean }[] = await this.tenantJobs.runFor(
        tenantId,
        'dial-recovery',
        () =>
          this.db.manager.query(
            `SELECT c.id, a.call_id IS NOT NULL AS attempted
               FROM calls c LEFT JOIN call_attempts a ON a.call_id = c.id
              WHERE c.tenant_id = $1 AND c.status IN ('queued', 'initiated', 'ringing', 'in_progress')
              ORDER BY c.id`,
            [tenantId],
          ),
      );
      await this.limiter.hold(
        tenantId,
        open.filter((c) => c.attempted).map((c) => c.id),
      );
      const waiting = open.filter((c) => !c.attempted);
      for (let i = 0; i < waiting.length; i += RECOVER_BATCH) {
        await queue.addBulk(
          waiting.slice(i, i + RECOVER_BATCH).map((c) => ({
            name: TelephonyJob.Dial,
            data: { tenantId, callId: c.id } satisfies DialJobData,
            opts: { jobId: `dial-${c.id}` },
          })),
        );
      }
      requeued += waiting.length;
    }
    return requeued;
  }

  /**
   * Checks the call under its row lock and, when it is still to be dialled, writes its
   * attempt: a concurrent run of the same job waits for the lock, then finds the attempt.
   */
  private async plan(callId: string): Promise<Plan> {
    const call = await this.db
      .repo(Call)
      .createQueryBuilder('c')
      .setLock('pessimistic_write')
      .where('c.id = :callId', { callId })
      .getOne();
    if (!call) return { skip: 'call not found' };
    if (call.status !== CallStatus.Queued) return { skip: `call is ${call.status}` };
    if (await this.db.repo(CallAttempt).existsBy({ callId })) return { skip: ALREADY_ATTEMPTED };
    // A campaign that paused or ended since takes its queued calls back.
    if (!(await this.hooks.mayDial(call))) {
      await this.calls.applyStatus(callId, {
        status: CallStatus.Canceled,
        source: 'dialer',
        detail: 'Its campaign is no longer running',
        failureReason: 'Campaign not running',
      });
      return { skip: 'campaign not running' };
    }
    // Opt-outs since the call was queued win.
    const customer = call.customerId
      ? (await this.customers.byIds([call.customerId])).get(call.customerId)
      : undefined;
    if (!customer || customer.doNotCall) {
      await this.calls.applyStatus(callId, {
        status: CallStatus.Canceled,
        source: 'dialer',
        detail: customer ? 'The customer opted out before the call' : 'The customer was deleted',
        failureReason: customer ? 'Do not call' : 'Customer deleted',
      });
      return { skip: 'customer not callable' };
    }
    const tenant = await this.tenants.current();
    const session = call.voiceSessionId
      ? (await this.sessions.byIds([call.voiceSessionId])).get(call.voiceSessionId)
      : undefined;
    try {
      await this.db.repo(CallAttempt).insert({
        id: uuidv7(),
        tenantId: call.tenantId,
        callId,
        provider: this.provider.kind,
        state: 'sending',
        requestedAt: new Date(),
      });
    } catch (error) {
      if (isUniqueViolation(error)) return { skip: ALREADY_ATTEMPTED };
      throw error;
    }
    const base = this.config.publicBaseUrl;
    const query = `?callId=${call.id}`;
    return {
      request: {
        callId: call.id,
        tenantId: call.tenantId,
        purpose: call.purpose,
        to: call.toNumber,
        from: call.fromNumber,
        timezone: customer.timezone ?? tenant.timezone,
        agentId: tenant.voice.agents[call.purpose],
        agentPhoneNumberId: tenant.voice.phoneNumberId,
        dynamicVariables: { ...(session?.dynamicVariables ?? {}), call_id: call.id },
        statusCallbackUrl: `${base}${TWILIO_STATUS_PATH}${query}`,
        twimlUrl: `${base}${TWILIO_VOICE_PATH}${query}`,
      },
    };
  }

  private readonly limits = new Map<string, { limits: DialLimits; at: number }>();

  private async limitsOf(tenantId: string): Promise<DialLimits> {
    const cached = this.limits.get(tenantId);
    if (cached && Date.now() - cached.at < LIMITS_TTL_MS) return cached.limits;
    const { limits } = await this.tenantJobs.runFor(tenantId, 'dial-limits', () =>
      this.tenants.current(),
    );
    this.limits.set(tenantId, { limits, at: Date.now() });
    return limits;
  }

  private async failed(
    job: Job<DialJobData>,
    callId: string,
    error: unknown,
  ): Promise<Record<string, unknown>> {
    const { tenantId } = job.data;
    const inTenant = <T>(work: () => Promise<T>) =>
      this.tenantJobs.runFor(tenantId, `dial-${callId}`, work);
    if (error instanceof DialOutcomeUnknown) {
      // The provider may have placed the call: never ask again. Callbacks or the
      // reconciler settle it; the slot stays held until then.
      this.logger.warn(`Dial of call ${callId} has an unknown outcome: ${error.message}`);
      await inTenant(() =>
        this.calls.applyStatus(callId, {
          status: null,
          source: 'dialer',
          detail: `No answer from the provider (${error.message}); waiting for its callbacks`,
        }),
      );
      return { unknown: true };
    }
    const refused = error instanceof DialRefused ? error : new DialRefused(String(error), true);
    const lastTry = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    if (refused.retryable && !lastTry) {
      // Nothing was dialled: remove the attempt so the job's next try may dial.
      await inTenant(() => this.db.repo(CallAttempt).delete({ callId }));
      await this.limiter.release(tenantId, callId);
      throw refused;
    }
    await inTenant(async () => {
      await this.db
        .repo(CallAttempt)
        .update({ callId }, { state: 'refused', error: refused.reason, answeredAt: new Date() });
      await this.calls.applyStatus(callId, {
        status: CallStatus.Failed,
        source: 'dialer',
        detail: refused.reason,
        failureReason: refused.reason,
      });
    });
    await this.limiter.release(tenantId, callId);
    return { refused: refused.reason };
  }
}
