import { Injectable } from '@nestjs/common';
import {
  canTransition,
  CreateTicketDto,
  Page,
  TICKET_TRANSITIONS,
  TicketListQueryDto,
  TicketPriority,
  TicketSource,
  TicketStatus,
  TicketView,
  UpdateTicketDto,
} from '@navaia/shared';
import { escapeLike } from '../../common/database/pg-errors';
import { TenantDb } from '../../common/database/tenant-db';
import { uuidv7 } from '../../common/database/uuid';
import { illegalTransition } from '../../common/errors/status-transition';
import { keysetPage } from '../../common/pagination/keyset';
import { TenantContext } from '../../common/tenancy/tenant-context';
import { AuditService } from '../audit/audit.service';
import { Customer, customerRef } from '../customer/customer.entity';
import { CustomerService } from '../customer/customer.service';
import { WebhookPublisher } from '../outgoing-webhooks/webhook-publisher';
import { UsersService } from '../tenant/users.service';
import { Ticket, toTicketView } from './ticket.entity';
import { TicketErrors } from './ticket.exception';

/** What a ticket created by the system (not a person) carries besides the DTO. */
export interface TicketOrigin {
  source: TicketSource;
  voiceSessionId?: string;
  callId?: string;
}

@Injectable()
export class TicketService {
  constructor(
    private readonly db: TenantDb,
    private readonly context: TenantContext,
    private readonly customers: CustomerService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly webhooks: WebhookPublisher,
  ) {}

  async list(query: TicketListQueryDto): Promise<Page<TicketView>> {
    const qb = this.db
      .repo(Ticket)
      .createQueryBuilder('t')
      .leftJoinAndMapOne('t.customer', Customer, 'c', 'c.id = t.customer_id')
      .where('t.tenant_id = :tenantId', { tenantId: this.context.tenantId });
    if (query.status?.length) qb.andWhere('t.status IN (:...status)', { status: query.status });
    if (query.priority?.length)
      qb.andWhere('t.priority IN (:...priority)', { priority: query.priority });
    if (query.source?.length) qb.andWhere('t.source IN (:...source)', { source: query.source });
    if (query.customerId)
      qb.andWhere('t.customer_id = :customerId', { customerId: query.customerId });
    if (query.assigneeId)
      qb.andWhere('t.assignee_id = :assigneeId', { assigneeId: query.assigneeId });
    if (query.search) {
      const number = /^#?(\d{1,9})$/.exec(query.search)?.[1];
      qb.andWhere(
        number ? '(t.subject ILIKE :search OR t.number = :number)' : 't.subject ILIKE :search',
        {
          search: `%${escapeLike(query.search)}%`,
          number: number ? Number(number) : undefined,
        },
      );
    }
    const page = await keysetPage(qb, query, [
      { column: 't.id', property: 'id', direction: 'DESC' },
    ]);
    return { data: await this.views(page.data), nextCursor: page.nextCursor };
  }

  async listOfCustomer(customerId: string, query: TicketListQueryDto): Promise<Page<TicketView>> {
    await this.customers.get(customerId);
    return this.list({ ...query, customerId });
  }

  async get(id: string): Promise<Ticket> {
    const ticket = await this.db.repo(Ticket).findOneBy({ id });
    if (!ticket) throw TicketErrors.notFound();
    return ticket;
  }

  async view(id: string): Promise<TicketView> {
    return (await this.views([await this.get(id)]))[0];
  }

  async create(
    dto: CreateTicketDto,
    origin: TicketOrigin = { source: TicketSource.Manual },
  ): Promise<TicketView> {
    await this.customers.get(dto.customerId, 'customerId');
    if (dto.assigneeId) await this.users.getMember(dto.assigneeId, 'assigneeId');
    const id = uuidv7();
    await this.db.repo(Ticket).insert({
      id,
      tenantId: this.context.tenantId,
      number: await this.nextNumber(),
      customerId: dto.customerId,
      subject: dto.subject,
      description: dto.description ?? null,
      priority: dto.priority ?? TicketPriority.Normal,
      status: TicketStatus.Open,
      source: origin.source,
      assigneeId: dto.assigneeId ?? null,
      voiceSessionId: origin.voiceSessionId ?? null,
      callId: origin.callId ?? null,
    });
    const view = await this.view(id);
    await this.audit.record({ action: 'create', entityType: 'ticket', entityId: id, after: view });
    await this.webhooks.publish('ticket.created', view);
    return view;
  }

  async update(id: string, dto: UpdateTicketDto): Promise<TicketView> {
    const ticket = await this.get(id);
    const before = (await this.views([ticket]))[0];
    const changes: Partial<Ticket> = {};
    if (dto.subject !== undefined) changes.subject = dto.subject;
    if (dto.description !== undefined) changes.description = dto.description ?? null;
    if (dto.priority !== undefined) changes.priority = dto.priority;
    if (dto.assigneeId !== undefined) {
      if (dto.assigneeId) await this.users.getMember(dto.assigneeId, 'assigneeId');
      changes.assigneeId = dto.assigneeId ?? null;
    }
    if (dto.status !== undefined && dto.status !== ticket.status) {
      if (!canTransition(TICKET_TRANSITIONS, ticket.status, dto.status)) {
        throw illegalTransition('ticket', TICKET_TRANSITIONS, ticket.status, dto.status);
      }
      changes.status = dto.status;
      changes.resolvedAt =
        dto.status === TicketStatus.Resolved
          ? new Date()
          : dto.status === TicketStatus.Open
            ? null
            : ticket.resolvedAt;
      if (dto.status === TicketStatus.Closed) changes.closedAt = new Date();
    }
    if (Object.keys(changes).length) {
      // Conditional on the status read above, so two concurrent moves cannot both apply.
      const result = await this.db.repo(Ticket).update({ id, status: ticket.status }, changes);
      if (!result.affected) throw TicketErrors.changedConcurrently();
    }
    const after = await this.view(id);
    await this.audit.record({
      action: 'update',
      entityType: 'ticket',
      entityId: id,
      before,
      after,
    });
    if (Object.keys(changes).length) await this.webhooks.publish('ticket.updated', after);
    return after;
  }

  /** Per-tenant numbers from a counter row: the row lock orders concurrent creates. */
  private async nextNumber(): Promise<number> {
    const [row]: { value: string }[] = await this.db.manager.query(
      `INSERT INTO tenant_sequences (tenant_id, name, value) VALUES ($1, 'ticket', 1)
       ON CONFLICT (tenant_id, name) DO UPDATE SET value = tenant_sequences.value + 1
       RETURNING value`,
      [this.context.tenantId],
    );
    return Number(row.value);
  }

  private async views(tickets: Ticket[]): Promise<TicketView[]> {
    const customers = await this.customers.byIds(
      tickets.filter((t) => !t.customer).map((t) => t.customerId),
    );
    return tickets.map((t) =>
      toTicketView(t, customerRef(t.customer ?? customers.get(t.customerId))),
    );
  }
}
