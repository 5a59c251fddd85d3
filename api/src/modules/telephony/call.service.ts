import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import type Redis from 'ioredis';
import { In } from 'typeorm';
import {
  advancesCall,
  BulkCallDto,
  BulkCallResult,
  CallDetailView,
  CallDirection,
  CallListQueryDto,
  CallRejection,
  CallStatus,
  CallView,
  isFinalCallStatus,
  Page,
  toE164,
  VoicePurpose,
} from '@navaia/shared';
import { TenantDb } from '../../common/database/tenant-db';
import { uuidv7 } from '../../common/database/uuid';
import { AppException, CommonErrors } from '../../common/errors/app.exception';
import { keysetPage } from '../../common/pagination/keyset';
import { Outbox } from '../../common/queue/outbox';
import { QueueName, TelephonyJob } from '../../common/queue/queue-names';
import { REDIS } from '../../common/redis/redis.module';
import { TenantContext } from '../../common/tenancy/tenant-context';
import { customerZones } from '../../common/time/customer-zones';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { AuditService } from '../audit/audit.service';
import { Customer, customerRef } from '../customer/customer.entity';
import { CustomerService } from '../customer/customer.service';
import { WebhookPublisher } from '../outgoing-webhooks/webhook-publisher';
import { TenantService } from '../tenant/tenant.service';
import { InitiationFailure, VoiceCallHooks } from '../voice/voice-call-hooks';
import type { VoiceSession } from '../voice/voice-session.entity';
import { VoiceSessionService } from '../voice/voice-session.service';
import {
  Call,
  CallAttempt,
  CallEvent,
  CallEventSource,
  toCallEventView,
  toCallView,
} from './call.entity';
import { CallHooks } from './call-hooks';
import { outsideCallingHours, type OutsideCallingHours } from './calling-hours';
import { DialLimiter } from './dial-limiter';
import { TELEPHONY_PROVIDER, TelephonyProvider } from './providers/telephony-provider';
import { REJECTION_MESSAGES, TelephonyErrors } from './telephony.exception';
import { withTimeout } from '../../common/async/timeout';

/** A status report from any source, applied monotonically. */
export interface StatusUpdate {
  status: CallStatus | null;
  source: CallEventSource;
  at?: Date;
  sequenceNumber?: number | null;
  detail?: string | null;
  providerCallSid?: string | null;
  conversationId?: string | null;
  fromNumber?: string | null;
  answeredBy?: string | null;
  durationSec?: number | null;
  failureReason?: string | null;
}

const PING_TIMEOUT_MS = 1_000;

/**
 * A provider report for the call: the call has no SID yet (the dialer records the one the
 * provider answers with), or the report carries none or the same one.
 */
export const providerSidMatches = (call: Call, sid: string | null | undefined) =>
  !call.providerCallSid || !sid || call.providerCallSid === sid;

/**
 * Phone calls: placing them (checks, the call row, its voice session and the outbox entry
 * that queues the dial, all in the request's transaction), reading them, and applying the
 * status reports of the dialer and the providers.
 */
@Injectable()
export class CallService implements OnModuleInit {
  constructor(
    private readonly db: TenantDb,
    private readonly context: TenantContext,
    private readonly tenants: TenantService,
    private readonly customers: CustomerService,
    private readonly sessions: VoiceSessionService,
    private readonly hooks: VoiceCallHooks,
    private readonly outbox: Outbox,
    private readonly limiter: DialLimiter,
    private readonly audit: AuditService,
    private readonly webhooks: WebhookPublisher,
    private readonly callHooks: CallHooks,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(TELEPHONY_PROVIDER) private readonly provider: TelephonyProvider,
    @Inject(REDIS) private readonly redis: Redis,
    @InjectQueue(QueueName.Telephony) private readonly queue: Queue,
  ) {}

  onModuleInit(): void {
    this.hooks.register({
      sessionEnded: (session) => this.sessionEnded(session),
      initiationFailed: (failure) => this.initiationFailed(failure),
    });
  }

  /**
   * Calls one customer now (after the checks); 202 with the queued call. Outside the tenant's
   * calling hours in the customer's time zone(s) it is 422, unless `override`: then the call
   * is placed and audited as placed outside calling hours.
   */
  async place(customerId: string, purpose = VoicePurpose.Support, override = false) {
    await this.assertQueueAvailable();
    await this.lockCallCreation();
    const customer = await this.customers.get(customerId, 'customerId');
    const rejection = this.rejectionOf(customer);
    if (rejection === CallRejection.DoNotCall) throw TelephonyErrors.doNotCall();
    if (rejection === CallRejection.InvalidPhone) throw TelephonyErrors.invalidPhone();
    const outside = (await this.callingHours())(customer);
    if (outside && !override) throw TelephonyErrors.outsideCallingWindow(outside);
    const { cap, left, retryAfterSec } = await this.dailyAllowance();
    if (left < 1) throw TelephonyErrors.dailyCapReached(cap, retryAfterSec);
    const [call] = await this.createCalls([customer], purpose);
    if (outside) await this.auditOverride(call, outside);
    return this.view(call.id);
  }

  /** Up to 500 customers: each accepted or rejected with a reason, never the whole batch. */
  async bulk(dto: BulkCallDto): Promise<BulkCallResult> {
    await this.assertQueueAvailable();
    await this.takeBulkToken();
    await this.lockCallCreation();
    const found = await this.customers.byIds(dto.customerIds);
    let { left } = await this.dailyAllowance();
    const seen = new Set<string>();
    const accepted: Customer[] = [];
    const overridden = new Map<string, OutsideCallingHours>();
    const rejected: BulkCallResult['rejected'] = [];
    const reject = (customerId: string, reason: CallRejection, message?: string) =>
      rejected.push({ customerId, reason, message: message ?? REJECTION_MESSAGES[reason] });
    const outsideHours = await this.callingHours();
    for (const id of dto.customerIds) {
      const customer = found.get(id);
      const rejection = seen.has(id)
        ? CallRejection.Duplicate
        : customer
          ? this.rejectionOf(customer)
          : CallRejection.NotFound;
      seen.add(id);
      if (rejection || !customer) {
        reject(id, rejection ?? CallRejection.NotFound);
        continue;
      }
      const outside = outsideHours(customer);
      if (outside && !dto.override) reject(id, CallRejection.OutsideCallingWindow, outside.message);
      else if (left < 1) reject(id, CallRejection.DailyCapReached);
      else {
        accepted.push(customer);
        if (outside) overridden.set(customer.id, outside);
        left--;
      }
    }
    const calls = await this.createCalls(accepted, dto.purpose ?? VoicePurpose.Support);
    for (const call of calls) {
      const outside = overridden.get(call.customerId ?? '');
      if (outside) await this.auditOverride(call, outside);
    }
    return { accepted: await this.views(calls), rejected };
  }

  async list(query: CallListQueryDto, customerId?: string): Promise<Page<CallView>> {
    const qb = this.db
      .repo(Call)
      .createQueryBuilder('c')
      .where('c.tenant_id = :tenantId', { tenantId: this.context.tenantId });
    const customer = customerId ?? query.customerId;
    if (customer) qb.andWhere('c.customer_id = :customer', { customer });
    if (query.status?.length) qb.andWhere('c.status IN (:...status)', { status: query.status });
    if (query.direction) qb.andWhere('c.direction = :direction', { direction: query.direction });
    if (query.campaignId) qb.andWhere('c.campaign_id = :campaign', { campaign: query.campaignId });
    if (query.from) qb.andWhere('c.queued_at >= :from', { from: query.from });
    if (query.to) qb.andWhere('c.queued_at < :to', { to: query.to });
    const page = await keysetPage(qb, query, [
      { column: 'c.id', property: 'id', direction: 'DESC' },
    ]);
    return { data: await this.views(page.data), nextCursor: page.nextCursor };
  }

  /** A customer's calls; an unknown (or foreign) customer is a 404, not an empty list. */
  async listOfCustomer(customerId: string, query: CallListQueryDto): Promise<Page<CallView>> {
    await this.customers.get(customerId);
    return this.list(query, customerId);
  }

  async get(id: string): Promise<Call> {
    const call = await this.db.repo(Call).findOneBy({ id });
    if (!call) throw TelephonyErrors.notFound();
    return call;
  }

  async view(id: string): Promise<CallView> {
    return (await this.views([await this.get(id)]))[0];
  }

  async detail(id: string): Promise<CallDetailView> {
    const call = await this.get(id);
    const [view] = await this.views([call]);
    const events = await this.db
      .repo(CallEvent)
      .find({ where: { callId: id }, order: { id: 'ASC' } });
    const session = call.voiceSessionId
      ? await this.sessions.view(call.voiceSessionId).catch(() => null)
      : null;
    const hasAudio = call.voiceSessionId
      ? (await this.sessions.byIds([call.voiceSessionId])).get(call.voiceSessionId)?.audioPath
      : null;
    return {
      ...view,
      voiceSession: session,
      events: events.map(toCallEventView),
      recordingUrl: hasAudio ? `/api/v1/voice/sessions/${call.voiceSessionId}/audio` : null,
    };
  }

  /** A queued call that has not been dialled yet can be withdrawn. */
  async cancel(id: string): Promise<CallView> {
    const call = await this.lock(id);
    const attempted = await this.db.repo(CallAttempt).existsBy({ callId: id });
    if (call.status !== CallStatus.Queued || attempted)
      throw TelephonyErrors.notCancelable(attempted ? 'being dialled' : call.status);
    await this.applyStatus(id, {
      status: CallStatus.Canceled,
      source: 'api',
      detail: 'Cancelled before dialling',
      failureReason: 'Cancelled by an operator',
    });
    await this.audit.record({
      action: 'update',
      entityType: 'call',
      entityId: id,
      before: { status: call.status },
      after: { status: CallStatus.Canceled },
    });
    return this.view(id);
  }

  /**
   * Applies one status report under the call's row lock. Reports arrive out of order and
   * twice; every one joins the timeline, but the status only moves forward and a final
   * status is never replaced. Facts (SID, who answered, duration) fill in whenever they come.
   */
  async applyStatus(
    callId: string,
    update: StatusUpdate,
  ): Promise<{ call: Call; applied: boolean }> {
    const call = await this.lock(callId);
    if (!providerSidMatches(call, update.providerCallSid))
      throw new Error(`Call ${callId} has another provider call SID than this report's`);
    const at = update.at ?? new Date();
    const applied = !!update.status && advancesCall(call.status, update.status);
    await this.db.repo(CallEvent).insert({
      id: uuidv7(),
      tenantId: this.context.tenantId,
      callId,
      status: update.status,
      source: update.source,
      sequenceNumber: update.sequenceNumber ?? null,
      detail: update.detail ?? null,
      applied,
      occurredAt: at,
    });
    const patch: Partial<Call> = {};
    if (update.providerCallSid && !call.providerCallSid)
      patch.providerCallSid = update.providerCallSid;
    if (update.conversationId && !call.conversationId) patch.conversationId = update.conversationId;
    if (update.fromNumber && !call.fromNumber) patch.fromNumber = update.fromNumber;
    if (update.answeredBy && (!call.answeredBy || call.answeredBy === 'unknown'))
      patch.answeredBy = update.answeredBy;
    // Twilio's own duration is the billed truth, even when its report lost the race.
    if (update.durationSec != null && (update.source === 'twilio' || call.durationSec == null))
      patch.durationSec = Math.round(update.durationSec);
    if (applied) {
      const status = update.status!;
      patch.status = status;
      if (!call.startedAt && status !== CallStatus.Canceled) patch.startedAt = at;
      if (status === CallStatus.InProgress) patch.answeredAt = at;
      if (isFinalCallStatus(status)) {
        patch.endedAt = at;
        if (status === CallStatus.Completed && !call.answeredAt)
          patch.answeredAt = call.startedAt ?? at;
        if (patch.durationSec == null && call.durationSec == null) {
          const answeredAt = patch.answeredAt ?? call.answeredAt;
          patch.durationSec =
            status === CallStatus.Completed && answeredAt
              ? Math.max(0, Math.round((at.getTime() - answeredAt.getTime()) / 1000))
              : 0;
        }
        if (status !== CallStatus.Completed)
          patch.failureReason = update.failureReason ?? call.failureReason ?? statusReason(status);
      }
    }
    if (Object.keys(patch).length) await this.db.repo(Call).update({ id: callId }, patch);
    const next = { ...call, ...patch } as Call;
    if (applied && isFinalCallStatus(next.status)) await this.finished(next);
    if (applied) await this.callHooks.callChanged(next, call.status);
    return { call: next, applied };
  }

  /** Post-call webhook processed: the call ends completed and shows its conversation. */
  private async sessionEnded(session: VoiceSession): Promise<void> {
    const call = await this.db.repo(Call).findOneBy({ id: session.callId! });
    if (!call) return;
    const result = session.ticketId
      ? 'a ticket was created'
      : session.bookingId
        ? 'a booking was created'
        : 'no ticket or booking was needed';
    await this.applyStatus(call.id, {
      status: CallStatus.Completed,
      source: 'elevenlabs',
      at: session.endedAt ?? undefined,
      conversationId: session.conversationId,
      durationSec: session.durationSec,
      detail: `Conversation processed: ${result}`,
    });
    // An answered call is complete for integrators once its conversation has been turned
    // into its ticket or booking, so the event can name them.
    await this.webhooks.publish('call.completed', () => this.view(call.id));
  }

  /** ElevenLabs could not connect the call (busy, no answer, unknown). */
  private async initiationFailed(failure: InitiationFailure): Promise<void> {
    const body = failure.metadata?.body ?? {};
    const sid = typeof body.CallSid === 'string' ? body.CallSid : undefined;
    const call =
      (await this.db.repo(Call).findOneBy({ conversationId: failure.conversation_id })) ??
      (sid ? await this.db.repo(Call).findOneBy({ providerCallSid: sid }) : null);
    if (!call) return;
    const reason = typeof failure.failure_reason === 'string' ? failure.failure_reason : 'unknown';
    const status =
      reason === 'busy'
        ? CallStatus.Busy
        : reason === 'no-answer'
          ? CallStatus.NoAnswer
          : CallStatus.Failed;
    await this.applyStatus(call.id, {
      status,
      source: 'elevenlabs',
      conversationId: failure.conversation_id,
      providerCallSid: sid,
      detail: `Call not connected: ${reason}`,
      failureReason: `Not connected: ${reason}`,
    });
  }

  /**
   * A final status: free the dialing slot. A call nobody answered ends its session too, and
   * is complete for integrators now (an answered one once its conversation is processed).
   */
  private async finished(call: Call): Promise<void> {
    await this.limiter.release(call.tenantId, call.id).catch(() => undefined);
    if (call.status === CallStatus.Completed) return;
    if (call.voiceSessionId) {
      await this.sessions.notStarted(call.voiceSessionId, call.failureReason ?? call.status);
    }
    await this.webhooks.publish('call.completed', () => this.view(call.id));
  }

  private async lock(id: string): Promise<Call> {
    const call = await this.db
      .repo(Call)
      .createQueryBuilder('c')
      .setLock('pessimistic_write')
      .where('c.id = :id', { id })
      .getOne();
    if (!call) throw TelephonyErrors.notFound();
    return call;
  }

  /**
   * Whether a customer is outside the tenant's calling hours now, in every zone they may be
   * in (the campaign dialer's rule, `customerZones` and `nextCallableInAll`).
   */
  private async callingHours(): Promise<(customer: Customer) => OutsideCallingHours | null> {
    const tenant = await this.tenants.current();
    const now = new Date();
    return (customer) =>
      outsideCallingHours(now, tenant.callingWindow, {
        id: customer.id,
        localZones: customerZones(customer, tenant.timezone),
      });
  }

  /** An operator's call placed outside calling hours leaves a trail saying so. */
  private async auditOverride(call: Call, outside: OutsideCallingHours): Promise<void> {
    await this.audit.record({
      action: 'create',
      entityType: 'call',
      entityId: call.id,
      after: {
        customerId: call.customerId,
        outsideCallingHours: true,
        note: outside.auditNote,
        customerLocalTime: outside.details.localTimeIso,
        timezones: outside.details.timezones,
      },
    });
  }

  private rejectionOf(customer: Customer): CallRejection | null {
    if (customer.doNotCall) return CallRejection.DoNotCall;
    if (!customer.phone || toE164(customer.phone, 'US') !== customer.phone)
      return CallRejection.InvalidPhone;
    return null;
  }

  /**
   * A campaign's calls: the campaign's dialer has checked the customers, the window and the
   * daily cap; the calls then go through the same dialing as any other.
   */
  async placeForCampaign(
    campaignId: string,
    purpose: VoicePurpose,
    recipients: { customer: Customer; variables: Record<string, string> }[],
  ): Promise<Call[]> {
    return this.createCalls(
      recipients.map((r) => r.customer),
      purpose,
      { campaignId, variables: recipients.map((r) => r.variables) },
    );
  }

  private async createCalls(
    customers: Customer[],
    purpose: VoicePurpose,
    campaign?: { campaignId: string; variables: Record<string, string>[] },
  ): Promise<Call[]> {
    if (customers.length === 0) return [];
    const tenant = await this.tenants.current();
    const principal = this.context.optionalPrincipal;
    const now = new Date();
    const calls: Call[] = [];
    for (const [index, customer] of customers.entries()) {
      const id = uuidv7();
      const session = await this.sessions.createForCall({
        callId: id,
        purpose,
        customer,
        provider: this.provider.kind === 'simulator' ? 'simulator' : 'elevenlabs',
        variables: campaign?.variables[index],
      });
      calls.push(
        Object.assign(new Call(), {
          id,
          tenantId: tenant.id,
          customerId: customer.id,
          campaignId: campaign?.campaignId ?? null,
          direction: CallDirection.Outbound,
          purpose,
          status: CallStatus.Queued,
          provider: this.provider.kind,
          fromNumber: tenant.telephony.fromNumber ?? null,
          toNumber: customer.phone,
          providerCallSid: null,
          conversationId: null,
          voiceSessionId: session.id,
          queuedAt: now,
          startedAt: null,
          answeredAt: null,
          endedAt: null,
          durationSec: null,
          answeredBy: null,
          failureReason: null,
          requestedById: principal?.type === 'user' ? principal.id : null,
        }),
      );
    }
    await this.db.repo(Call).insert(calls);
    await this.db.repo(CallEvent).insert(
      calls.map((c) => ({
        id: uuidv7(),
        tenantId: tenant.id,
        callId: c.id,
        status: CallStatus.Queued,
        source: 'api' as const,
        sequenceNumber: null,
        detail: campaign
          ? 'Queued by its campaign'
          : principal?.type === 'api_key'
            ? 'Queued through the API'
            : 'Queued',
        applied: true,
        occurredAt: now,
      })),
    );
    await this.outbox.add(
      calls.map((c) => ({
        queue: QueueName.Telephony,
        name: TelephonyJob.Dial,
        jobId: `dial-${c.id}`,
        data: { callId: c.id },
      })),
    );
    return calls;
  }

  private async views(calls: Call[]): Promise<CallView[]> {
    const customers = await this.customers.byIds(
      calls.flatMap((c) => (c.customerId ? [c.customerId] : [])),
    );
    const sessions = await this.sessions.byIds(
      calls.flatMap((c) => (c.voiceSessionId ? [c.voiceSessionId] : [])),
    );
    return calls.map((c) => {
      const session = c.voiceSessionId ? sessions.get(c.voiceSessionId) : undefined;
      return toCallView(c, {
        customer: customerRef(c.customerId ? customers.get(c.customerId) : undefined),
        ticketId: session?.ticketId,
        bookingId: session?.bookingId,
      });
    });
  }

  /**
   * Call creation is serialised per tenant (a transaction-scoped advisory lock), so two
   * concurrent requests cannot both pass the daily cap with its last call.
   */
  private async lockCallCreation(): Promise<void> {
    await this.db.manager.query(`SELECT pg_advisory_xact_lock(hashtext('calls:' || $1))`, [
      this.context.tenantId,
    ]);
  }

  /** Calls left today under the tenant's daily cap, counted from local midnight. */
  async dailyAllowance(): Promise<{ cap: number; left: number; retryAfterSec: number }> {
    const tenant = await this.tenants.current();
    const cap = tenant.limits.dailyCallCap;
    const [row]: { placed: string; next_midnight: Date }[] = await this.db.manager.query(
      `SELECT count(*)::text AS placed,
              (date_trunc('day', now() AT TIME ZONE $2) + interval '1 day') AT TIME ZONE $2 AS next_midnight
         FROM calls
        WHERE tenant_id = $1 AND queued_at >= date_trunc('day', now() AT TIME ZONE $2) AT TIME ZONE $2`,
      [this.context.tenantId, tenant.timezone],
    );
    const retryAfterSec = Math.max(
      1,
      Math.ceil((new Date(row.next_midnight).getTime() - Date.now()) / 1000),
    );
    return { cap, left: cap - Number(row.placed), retryAfterSec };
  }

  /** Bulk requests a minute per tenant (a fixed window in Redis, shared by every process). */
  private async takeBulkToken(): Promise<void> {
    const limit = this.config.bulkCallRequestsPerMinute;
    const window = Math.floor(Date.now() / 60_000);
    const key = `ratelimit:bulk-calls:${this.context.tenantId}:${window}`;
    let count: number;
    try {
      const results = await this.redis.multi().incr(key).expire(key, 120).exec();
      count = Number(results?.[0]?.[1]);
    } catch {
      throw CommonErrors.unavailable('The call queue');
    }
    if (count > limit) {
      const retryAfterSec = Math.max(1, Math.ceil(((window + 1) * 60_000 - Date.now()) / 1000));
      throw TelephonyErrors.bulkRateLimited(limit, retryAfterSec);
    }
  }

  /**
   * Dialing runs through Redis (the queue and the dial limits): refuse at once while it is
   * down rather than accept calls that cannot be dialled.
   */
  private async assertQueueAvailable(): Promise<void> {
    try {
      const client = await this.queue.client;
      if (client.status !== 'ready') throw new Error(client.status);
      await withTimeout(this.redis.ping(), PING_TIMEOUT_MS);
    } catch (error) {
      if (error instanceof AppException) throw error;
      throw CommonErrors.unavailable('The call queue');
    }
  }

  /** Calls by id for other modules' views. */
  async byIds(ids: string[]): Promise<Map<string, Call>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.repo(Call).findBy({ id: In([...new Set(ids)]) });
    return new Map(rows.map((c) => [c.id, c]));
  }
}

function statusReason(status: CallStatus): string {
  switch (status) {
    case CallStatus.Busy:
      return 'The line was busy';
    case CallStatus.NoAnswer:
      return 'Nobody answered';
    case CallStatus.Canceled:
      return 'Cancelled';
    default:
      return 'The call failed';
  }
}
