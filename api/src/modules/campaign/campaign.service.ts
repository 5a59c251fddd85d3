import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import {
  AddRecipientsDto,
  AddRecipientsResult,
  CAMPAIGN_TRANSITIONS,
  CampaignListQueryDto,
  CampaignStats,
  CampaignStatus,
  CampaignView,
  CreateCampaignDto,
  EDITABLE_CAMPAIGN_STATUSES,
  FINAL_RECIPIENT_STATUSES,
  Page,
  RecipientListQueryDto,
  RecipientStatus,
  RecipientView,
  UpdateCampaignDto,
} from '@navaia/shared';
import { TenantDb } from '../../common/database/tenant-db';
import { uuidv7 } from '../../common/database/uuid';
import { keysetPage } from '../../common/pagination/keyset';
import { Outbox } from '../../common/queue/outbox';
import { QueueName } from '../../common/queue/queue-names';
import { TenantContext } from '../../common/tenancy/tenant-context';
import { customerZones } from '../../common/time/customer-zones';
import { AuditService } from '../audit/audit.service';
import { customerRef } from '../customer/customer.entity';
import {
  searchTokens,
  whereCustomerMatches,
  whereCustomerTagged,
} from '../customer/customer-search';
import { CustomerService } from '../customer/customer.service';
import { CallService } from '../telephony/call.service';
import { TenantService } from '../tenant/tenant.service';
import { Campaign, CampaignRecipient, toCampaignView, toRecipientView } from './campaign.entity';
import { CampaignErrors } from './campaign.exception';

export const CAMPAIGN_TICK_JOB = 'tick';
const INSERT_BATCH = 5_000;

/** Campaign records, their audience and their lifecycle; the dialing is CampaignDialer's. */
@Injectable()
export class CampaignService {
  constructor(
    private readonly db: TenantDb,
    private readonly context: TenantContext,
    private readonly tenants: TenantService,
    private readonly customers: CustomerService,
    private readonly calls: CallService,
    private readonly outbox: Outbox,
    private readonly audit: AuditService,
  ) {}

  async list(query: CampaignListQueryDto, customerId?: string): Promise<Page<CampaignView>> {
    const qb = this.db
      .repo(Campaign)
      .createQueryBuilder('c')
      .where('c.tenant_id = :tenantId', { tenantId: this.context.tenantId });
    if (query.status?.length) qb.andWhere('c.status IN (:...status)', { status: query.status });
    if (customerId) {
      qb.andWhere(
        'EXISTS (SELECT 1 FROM campaign_recipients r WHERE r.campaign_id = c.id AND r.customer_id = :customerId)',
        { customerId },
      );
    }
    const page = await keysetPage(qb, query, [
      { column: 'c.id', property: 'id', direction: 'DESC' },
    ]);
    return { data: await this.views(page.data), nextCursor: page.nextCursor };
  }

  /** The campaigns a customer is in; an unknown customer is a 404. */
  async listOfCustomer(customerId: string, query: CampaignListQueryDto) {
    await this.customers.get(customerId);
    return this.list(query, customerId);
  }

  async get(id: string): Promise<Campaign> {
    const campaign = await this.db.repo(Campaign).findOneBy({ id });
    if (!campaign) throw CampaignErrors.notFound();
    return campaign;
  }

  async view(id: string): Promise<CampaignView> {
    return (await this.views([await this.get(id)]))[0];
  }

  async create(dto: CreateCampaignDto): Promise<CampaignView> {
    const id = uuidv7();
    const principal = this.context.optionalPrincipal;
    const campaign = {
      id,
      tenantId: this.context.tenantId,
      name: dto.name,
      description: dto.description ?? null,
      purpose: dto.purpose,
      firstMessage: dto.firstMessage ?? null,
      scheduledAt: dto.scheduledAt ? new Date(dto.scheduledAt) : null,
      callingWindow: dto.callingWindow ?? null,
      maxConcurrentCalls: dto.maxConcurrentCalls ?? 5,
      maxAttempts: dto.maxAttempts ?? 3,
      retryDelayMinutes: dto.retryDelayMinutes ?? 60,
      variables: validVariables(dto.variables),
      status: CampaignStatus.Draft,
      createdById: principal?.type === 'user' ? principal.id : null,
    };
    await this.db.repo(Campaign).insert(campaign);
    await this.audit.record({
      action: 'create',
      entityType: 'campaign',
      entityId: id,
      after: campaign,
    });
    return this.view(id);
  }

  async update(id: string, dto: UpdateCampaignDto): Promise<CampaignView> {
    const before = await this.lock(id);
    if (!EDITABLE_CAMPAIGN_STATUSES.includes(before.status))
      throw CampaignErrors.notEditable(before.status);
    const changes: Partial<Campaign> = {};
    if (dto.name !== undefined) changes.name = dto.name;
    if (dto.description !== undefined) changes.description = dto.description;
    if (dto.purpose !== undefined) changes.purpose = dto.purpose;
    if (dto.firstMessage !== undefined) changes.firstMessage = dto.firstMessage;
    if (dto.scheduledAt !== undefined)
      changes.scheduledAt = dto.scheduledAt ? new Date(dto.scheduledAt) : null;
    if (dto.callingWindow !== undefined) changes.callingWindow = dto.callingWindow;
    if (dto.maxConcurrentCalls !== undefined) changes.maxConcurrentCalls = dto.maxConcurrentCalls;
    if (dto.maxAttempts !== undefined) changes.maxAttempts = dto.maxAttempts;
    if (dto.retryDelayMinutes !== undefined) changes.retryDelayMinutes = dto.retryDelayMinutes;
    if (dto.variables !== undefined) changes.variables = validVariables(dto.variables);
    if (Object.keys(changes).length) {
      await this.db.repo(Campaign).update({ id }, changes);
      await this.audit.record({
        action: 'update',
        entityType: 'campaign',
        entityId: id,
        before,
        after: changes,
      });
    }
    return this.view(id);
  }

  /** A campaign that is dialing must be cancelled first. */
  async remove(id: string): Promise<void> {
    const campaign = await this.lock(id);
    if (campaign.status === CampaignStatus.Running || campaign.status === CampaignStatus.Scheduled)
      throw CampaignErrors.notDeletable(campaign.status);
    await this.db.repo(Campaign).delete({ id });
    await this.audit.record({
      action: 'delete',
      entityType: 'campaign',
      entityId: id,
      before: campaign,
    });
  }

  /**
   * Adds customers by id or by filter (its search is the customer list's). Do-not-call
   * customers, ids repeated in the request, ids of no customer of the tenant and customers
   * already in the campaign are skipped and counted; each recipient gets its time
   * zone (the customer's, else its phone's, else the tenant's) once, here.
   */
  async addRecipients(id: string, dto: AddRecipientsDto): Promise<AddRecipientsResult> {
    const campaign = await this.lock(id);
    if (
      campaign.status === CampaignStatus.Completed ||
      campaign.status === CampaignStatus.Cancelled
    )
      throw CampaignErrors.notEditable(campaign.status);
    if (!!dto.customerIds === !!dto.filter) throw CampaignErrors.audienceChoice();
    const tenant = await this.tenants.current();
    let duplicate = 0;
    let asked: number | null = null;
    const qb = this.db.manager
      .createQueryBuilder()
      .select(['c.id AS id', 'c.phone AS phone', 'c.timezone AS timezone', 'c.do_not_call AS dnc'])
      .from('customers', 'c')
      .where('c.tenant_id = :tenantId', { tenantId: tenant.id });
    if (dto.customerIds) {
      const unique = [...new Set(dto.customerIds)];
      duplicate = dto.customerIds.length - unique.length;
      asked = unique.length;
      qb.andWhere('c.id IN (:...ids)', { ids: unique });
    } else {
      const filter = dto.filter!;
      const search = searchTokens(filter.search).length ? filter.search : undefined;
      if (!filter.all && !filter.tag && !search) throw CampaignErrors.audienceChoice();
      if (filter.tag) whereCustomerTagged(qb, 'c', filter.tag);
      if (search) whereCustomerMatches(qb, 'c', search, tenant.defaultCountry);
    }
    const rows: { id: string; phone: string; timezone: string | null; dnc: boolean }[] =
      await qb.getRawMany();
    const callable = rows.filter((r) => !r.dnc);
    let added = 0;
    for (let i = 0; i < callable.length; i += INSERT_BATCH) {
      const batch = callable.slice(i, i + INSERT_BATCH);
      const zones = batch.map((r) => customerZones(r, tenant.timezone));
      // unnest flattens a two-dimensional array: each recipient's zones travel as one text.
      const result: { id: string }[] = await this.db.manager.query(
        `INSERT INTO campaign_recipients (tenant_id, campaign_id, customer_id, timezone, timezones)
         SELECT $1, $2, id, zones[1], zones
           FROM unnest($3::uuid[], $4::text[]) AS r(id, joined),
                string_to_array(joined, ' ') AS zones
         ON CONFLICT (campaign_id, customer_id) DO NOTHING
         RETURNING id`,
        [tenant.id, id, batch.map((r) => r.id), zones.map((z) => z.join(' '))],
      );
      added += result.length;
    }
    // A running campaign takes newcomers at its next tick.
    if (campaign.status === CampaignStatus.Running) await this.nudgeDialer(id);
    const doNotCall = rows.length - callable.length;
    const alreadyInCampaign = callable.length - added;
    const unknown = asked === null ? 0 : asked - rows.length;
    return {
      added,
      skipped: {
        doNotCall,
        duplicate,
        alreadyInCampaign,
        unknown,
        total: doNotCall + duplicate + alreadyInCampaign + unknown,
      },
    };
  }

  /** A recipient not yet being called can be taken out. */
  async removeRecipient(id: string, customerId: string): Promise<void> {
    await this.get(id);
    const recipient = await this.db
      .repo(CampaignRecipient)
      .findOneBy({ campaignId: id, customerId });
    if (!recipient) throw CampaignErrors.recipientNotFound();
    if (recipient.status === RecipientStatus.Queued || recipient.status === RecipientStatus.Calling)
      throw CampaignErrors.recipientBusy();
    await this.db.repo(CampaignRecipient).delete({ id: recipient.id });
  }

  async recipients(id: string, query: RecipientListQueryDto): Promise<Page<RecipientView>> {
    await this.get(id);
    const qb = this.db
      .repo(CampaignRecipient)
      .createQueryBuilder('r')
      .where('r.tenant_id = :tenantId AND r.campaign_id = :id', {
        tenantId: this.context.tenantId,
        id,
      });
    if (query.status?.length) qb.andWhere('r.status IN (:...status)', { status: query.status });
    const page = await keysetPage(qb, query, [
      { column: 'r.id', property: 'id', direction: 'ASC' },
    ]);
    const customers = await this.customers.byIds(page.data.map((r) => r.customerId));
    const produced = await this.producedBy(
      page.data.flatMap((r) => (r.lastCallId ? [r.lastCallId] : [])),
    );
    return {
      data: page.data.map((r) =>
        toRecipientView(
          r,
          customerRef(customers.get(r.customerId)),
          (r.lastCallId && produced.get(r.lastCallId)) || undefined,
        ),
      ),
      nextCursor: page.nextCursor,
    };
  }

  /** The ticket or booking each call's conversation produced, by call id. */
  private async producedBy(
    callIds: string[],
  ): Promise<Map<string, { ticketId: string | null; bookingId: string | null }>> {
    if (callIds.length === 0) return new Map();
    const rows: { call_id: string; ticket_id: string | null; booking_id: string | null }[] =
      await this.db.manager.query(
        `SELECT c.id AS call_id, s.ticket_id, s.booking_id
           FROM calls c JOIN voice_sessions s ON s.id = c.voice_session_id
          WHERE c.tenant_id = $1 AND c.id = ANY($2::uuid[])`,
        [this.context.tenantId, callIds],
      );
    return new Map(
      rows.map((r) => [r.call_id, { ticketId: r.ticket_id, bookingId: r.booking_id }]),
    );
  }

  /**
   * Starts now, or at `scheduledAt` when that is ahead. Every recipient is made due in the
   * same transaction as the status, with an outbox entry that wakes the dialer at once.
   */
  async start(id: string): Promise<CampaignView> {
    const campaign = await this.lock(id);
    this.assertMove(campaign, [CampaignStatus.Running, CampaignStatus.Scheduled], 'start');
    if (campaign.status !== CampaignStatus.Draft)
      throw CampaignErrors.illegalMove(campaign.status, 'start');
    const later = campaign.scheduledAt && campaign.scheduledAt.getTime() > Date.now();
    const [{ n }]: { n: number }[] = await this.db.manager.query(
      `WITH due AS (
         UPDATE campaign_recipients SET next_attempt_at = greatest(now(), $2::timestamptz), updated_at = now()
          WHERE campaign_id = $1 AND status = 'pending' RETURNING 1)
       SELECT count(*)::int AS n FROM due`,
      [id, campaign.scheduledAt],
    );
    if (n === 0) throw CampaignErrors.noRecipients();
    const status = later ? CampaignStatus.Scheduled : CampaignStatus.Running;
    await this.db
      .repo(Campaign)
      .update({ id }, { status, startedAt: later ? null : new Date(), pausedReason: null });
    await this.audit.record({
      action: 'update',
      entityType: 'campaign',
      entityId: id,
      before: { status: campaign.status },
      after: { status },
    });
    if (!later) await this.nudgeDialer(id);
    return this.view(id);
  }

  async pause(id: string, reason: string | null = null): Promise<CampaignView> {
    const campaign = await this.lock(id);
    this.assertMove(campaign, [CampaignStatus.Paused], 'pause');
    await this.db
      .repo(Campaign)
      .update({ id }, { status: CampaignStatus.Paused, pausedReason: reason });
    await this.audit.record({
      action: 'update',
      entityType: 'campaign',
      entityId: id,
      before: { status: campaign.status },
      after: { status: CampaignStatus.Paused, pausedReason: reason },
    });
    return this.view(id);
  }

  async resume(id: string): Promise<CampaignView> {
    const campaign = await this.lock(id);
    this.assertMove(campaign, [CampaignStatus.Running], 'resume');
    if (campaign.status !== CampaignStatus.Paused)
      throw CampaignErrors.illegalMove(campaign.status, 'resume');
    await this.db.repo(Campaign).update(
      { id },
      {
        status: CampaignStatus.Running,
        pausedReason: null,
        startedAt: campaign.startedAt ?? new Date(),
      },
    );
    await this.audit.record({
      action: 'update',
      entityType: 'campaign',
      entityId: id,
      before: { status: campaign.status },
      after: { status: CampaignStatus.Running },
    });
    await this.nudgeDialer(id);
    return this.view(id);
  }

  /** No new calls; calls in progress finish; waiting recipients end `canceled`. */
  async cancel(id: string): Promise<CampaignView> {
    const campaign = await this.lock(id);
    this.assertMove(campaign, [CampaignStatus.Cancelled], 'cancel');
    await this.db.manager.query(
      `UPDATE campaign_recipients SET status = 'canceled', next_attempt_at = NULL, updated_at = now()
        WHERE campaign_id = $1 AND status = 'pending'`,
      [id],
    );
    await this.db
      .repo(Campaign)
      .update({ id }, { status: CampaignStatus.Cancelled, completedAt: new Date() });
    await this.audit.record({
      action: 'update',
      entityType: 'campaign',
      entityId: id,
      before: { status: campaign.status },
      after: { status: CampaignStatus.Cancelled },
    });
    return this.view(id);
  }

  async stats(id: string): Promise<CampaignStats> {
    await this.get(id);
    const byStatus = Object.fromEntries(
      Object.values(RecipientStatus).map((s) => [s, 0]),
    ) as Record<RecipientStatus, number>;
    const rows: { status: RecipientStatus; n: number }[] = await this.db.manager.query(
      `SELECT status, count(*)::int AS n FROM campaign_recipients WHERE tenant_id = $1 AND campaign_id = $2 GROUP BY 1`,
      [this.context.tenantId, id],
    );
    for (const row of rows) byStatus[row.status] = row.n;
    const [calls]: {
      placed: number;
      answered: number;
      voicemail: number;
      tickets: number;
      bookings: number;
    }[] = await this.db.manager.query(
      `SELECT count(a.id) FILTER (WHERE a.state = 'sent')::int AS placed,
              count(*) FILTER (WHERE c.status = 'completed' AND coalesce(c.answered_by, '') !~ '^(machine|fax)')::int AS answered,
              count(*) FILTER (WHERE c.status = 'completed' AND c.answered_by ~ '^(machine|fax)')::int AS voicemail,
              count(s.ticket_id)::int AS tickets,
              count(s.booking_id)::int AS bookings
         FROM calls c
         LEFT JOIN call_attempts a ON a.call_id = c.id
         LEFT JOIN voice_sessions s ON s.id = c.voice_session_id
        WHERE c.tenant_id = $1 AND c.campaign_id = $2`,
      [this.context.tenantId, id],
    );
    // Amounts in different currencies do not add up: one sum per currency.
    const revenue: { currency: string; cents: string }[] = await this.db.manager.query(
      `SELECT b.currency, sum(b.amount_cents)::text AS cents
         FROM calls c
         JOIN voice_sessions s ON s.id = c.voice_session_id
         JOIN bookings b ON b.id = s.booking_id
        WHERE c.tenant_id = $1 AND c.campaign_id = $2 AND b.status IN ('confirmed', 'completed')
        GROUP BY 1 HAVING sum(b.amount_cents) <> 0
        ORDER BY sum(b.amount_cents) DESC, 1`,
      [this.context.tenantId, id],
    );
    return {
      total: rows.reduce((sum, r) => sum + r.n, 0),
      byStatus,
      callsPlaced: calls.placed,
      answered: calls.answered,
      voicemail: calls.voicemail,
      ticketsCreated: calls.tickets,
      bookingsCreated: calls.bookings,
      revenue: revenue.map((r) => ({ currency: r.currency, amountCents: Number(r.cents) })),
    };
  }

  /** Wakes the dialer now (through the outbox, so only once the change has committed). */
  async nudgeDialer(id: string): Promise<void> {
    await this.outbox.add([
      {
        queue: QueueName.Campaigns,
        name: CAMPAIGN_TICK_JOB,
        jobId: `tick-${id}-${Date.now()}`,
        data: { campaignId: id },
      },
    ]);
  }

  async lock(id: string): Promise<Campaign> {
    const campaign = await this.db
      .repo(Campaign)
      .createQueryBuilder('c')
      .setLock('pessimistic_write')
      .where('c.id = :id', { id })
      .getOne();
    if (!campaign) throw CampaignErrors.notFound();
    return campaign;
  }

  private assertMove(campaign: Campaign, targets: CampaignStatus[], action: string): void {
    if (!targets.some((t) => CAMPAIGN_TRANSITIONS[campaign.status].includes(t)))
      throw CampaignErrors.illegalMove(campaign.status, action);
  }

  private async views(campaigns: Campaign[]): Promise<CampaignView[]> {
    if (campaigns.length === 0) return [];
    const rows: { campaign_id: string; total: number; done: number }[] =
      await this.db.manager.query(
        `SELECT campaign_id, count(*)::int AS total,
              count(*) FILTER (WHERE status = ANY($2))::int AS done
         FROM campaign_recipients WHERE campaign_id = ANY($1) GROUP BY 1`,
        [campaigns.map((c) => c.id), FINAL_RECIPIENT_STATUSES],
      );
    const progress = new Map(rows.map((r) => [r.campaign_id, { total: r.total, done: r.done }]));
    return campaigns.map((c) => toCampaignView(c, progress.get(c.id) ?? { total: 0, done: 0 }));
  }

  /** Recipients by id, for the dialer. */
  async recipientsByIds(ids: string[]): Promise<CampaignRecipient[]> {
    return ids.length ? this.db.repo(CampaignRecipient).findBy({ id: In(ids) }) : [];
  }
}

/** Variables are a flat map of short strings (they become the agent's dynamic variables). */
function validVariables(variables: Record<string, unknown> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(variables ?? {})) {
    if (!/^[a-z][a-z0-9_]{0,39}$/i.test(key))
      throw CampaignErrors.invalidVariable(`variables.${key}`, 'names are letters, digits and _');
    if (typeof value !== 'string' || value.length > 500)
      throw CampaignErrors.invalidVariable(
        `variables.${key}`,
        'must be a text of at most 500 characters',
      );
    out[key] = value;
  }
  if (Object.keys(out).length > 30)
    throw CampaignErrors.invalidVariable('variables', 'may hold at most 30 variables');
  return out;
}
