import { Injectable } from '@nestjs/common';
import {
  BOOKING_TRANSITIONS,
  BookingListQueryDto,
  BookingStatus,
  BookingView,
  canTransition,
  CreateBookingDto,
  Page,
  UpdateBookingDto,
} from '@navaia/shared';
import { TenantDb } from '../../common/database/tenant-db';
import { uuidv7 } from '../../common/database/uuid';
import { illegalTransition } from '../../common/errors/status-transition';
import { keysetPage } from '../../common/pagination/keyset';
import { TenantContext } from '../../common/tenancy/tenant-context';
import { AuditService } from '../audit/audit.service';
import { Customer, customerRef } from '../customer/customer.entity';
import { CustomerService } from '../customer/customer.service';
import { WebhookPublisher } from '../outgoing-webhooks/webhook-publisher';
import { Booking, toBookingView } from './booking.entity';
import { BookingErrors } from './booking.exception';

export const DEFAULT_CURRENCY = 'USD';

export interface BookingOrigin {
  voiceSessionId?: string;
  callId?: string;
}

@Injectable()
export class BookingService {
  constructor(
    private readonly db: TenantDb,
    private readonly context: TenantContext,
    private readonly customers: CustomerService,
    private readonly audit: AuditService,
    private readonly webhooks: WebhookPublisher,
  ) {}

  async list(query: BookingListQueryDto): Promise<Page<BookingView>> {
    const qb = this.db
      .repo(Booking)
      .createQueryBuilder('b')
      .leftJoinAndMapOne('b.customer', Customer, 'c', 'c.id = b.customer_id')
      .where('b.tenant_id = :tenantId', { tenantId: this.context.tenantId });
    if (query.status?.length) qb.andWhere('b.status IN (:...status)', { status: query.status });
    if (query.customerId)
      qb.andWhere('b.customer_id = :customerId', { customerId: query.customerId });
    if (query.from) qb.andWhere('b.starts_at >= :from', { from: new Date(query.from) });
    if (query.to) qb.andWhere('b.starts_at < :to', { to: new Date(query.to) });
    const direction = query.order === 'asc' ? 'ASC' : 'DESC';
    const page = await keysetPage(qb, query, [
      { column: 'b.starts_at', property: 'startsAt', direction },
      { column: 'b.id', property: 'id', direction },
    ]);
    return { data: await this.views(page.data), nextCursor: page.nextCursor };
  }

  async listOfCustomer(customerId: string, query: BookingListQueryDto): Promise<Page<BookingView>> {
    await this.customers.get(customerId);
    return this.list({ ...query, customerId });
  }

  async get(id: string): Promise<Booking> {
    const booking = await this.db.repo(Booking).findOneBy({ id });
    if (!booking) throw BookingErrors.notFound();
    return booking;
  }

  async view(id: string): Promise<BookingView> {
    return (await this.views([await this.get(id)]))[0];
  }

  async create(dto: CreateBookingDto, origin: BookingOrigin = {}): Promise<BookingView> {
    await this.customers.get(dto.customerId, 'customerId');
    const startsAt = new Date(dto.startsAt);
    const endsAt = dto.endsAt ? new Date(dto.endsAt) : null;
    if (endsAt && endsAt <= startsAt) throw BookingErrors.endsBeforeStart();
    const id = uuidv7();
    await this.db.repo(Booking).insert({
      id,
      tenantId: this.context.tenantId,
      customerId: dto.customerId,
      service: dto.service,
      startsAt,
      endsAt,
      amountCents: dto.amountCents ?? 0,
      currency: dto.currency ?? DEFAULT_CURRENCY,
      notes: dto.notes ?? null,
      status: BookingStatus.Pending,
      voiceSessionId: origin.voiceSessionId ?? null,
      callId: origin.callId ?? null,
    });
    const view = await this.view(id);
    await this.audit.record({ action: 'create', entityType: 'booking', entityId: id, after: view });
    await this.webhooks.publish('booking.created', view);
    return view;
  }

  async update(id: string, dto: UpdateBookingDto): Promise<BookingView> {
    const booking = await this.get(id);
    const before = (await this.views([booking]))[0];
    const changes: Partial<Booking> = {};
    if (dto.service !== undefined) changes.service = dto.service;
    if (dto.startsAt !== undefined) changes.startsAt = new Date(dto.startsAt);
    if (dto.endsAt !== undefined) changes.endsAt = dto.endsAt ? new Date(dto.endsAt) : null;
    if (dto.amountCents !== undefined) changes.amountCents = dto.amountCents;
    if (dto.currency !== undefined) changes.currency = dto.currency;
    if (dto.notes !== undefined) changes.notes = dto.notes ?? null;
    const startsAt = changes.startsAt ?? booking.startsAt;
    const endsAt = changes.endsAt === undefined ? booking.endsAt : changes.endsAt;
    if (endsAt && endsAt <= startsAt) throw BookingErrors.endsBeforeStart();
    if (dto.status !== undefined && dto.status !== booking.status) {
      if (!canTransition(BOOKING_TRANSITIONS, booking.status, dto.status)) {
        throw illegalTransition('booking', BOOKING_TRANSITIONS, booking.status, dto.status);
      }
      changes.status = dto.status;
    }
    if (Object.keys(changes).length) {
      const result = await this.db.repo(Booking).update({ id, status: booking.status }, changes);
      if (!result.affected) throw BookingErrors.changedConcurrently();
    }
    const after = await this.view(id);
    await this.audit.record({
      action: 'update',
      entityType: 'booking',
      entityId: id,
      before,
      after,
    });
    if (Object.keys(changes).length) await this.webhooks.publish('booking.updated', after);
    return after;
  }

  private async views(bookings: Booking[]): Promise<BookingView[]> {
    const customers = await this.customers.byIds(
      bookings.filter((b) => !b.customer).map((b) => b.customerId),
    );
    return bookings.map((b) =>
      toBookingView(b, customerRef(b.customer ?? customers.get(b.customerId))),
    );
  }
}
