import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import {
  CreateCustomerDto,
  CustomerListQueryDto,
  CustomerView,
  Page,
  toE164,
  UpdateCustomerDto,
} from '@navaia/shared';
import { isUniqueViolation } from '../../common/database/pg-errors';
import { TenantDb } from '../../common/database/tenant-db';
import { uuidv7 } from '../../common/database/uuid';
import { keysetPage } from '../../common/pagination/keyset';
import { TenantContext } from '../../common/tenancy/tenant-context';
import { AuditService } from '../audit/audit.service';
import { TenantService } from '../tenant/tenant.service';
import { whereCustomerMatches, whereCustomerTagged } from './customer-search';
import { Customer, toCustomerView } from './customer.entity';
import { CustomerErrors } from './customer.exception';

@Injectable()
export class CustomerService {
  constructor(
    private readonly db: TenantDb,
    private readonly context: TenantContext,
    private readonly tenants: TenantService,
    private readonly audit: AuditService,
  ) {}

  async list(query: CustomerListQueryDto): Promise<Page<CustomerView>> {
    const qb = this.db.repo(Customer).createQueryBuilder('c').where('c.tenant_id = :tenantId', {
      tenantId: this.context.tenantId,
    });
    if (query.search)
      whereCustomerMatches(qb, 'c', query.search, (await this.tenants.current()).defaultCountry);
    if (query.tag) whereCustomerTagged(qb, 'c', query.tag);
    if (query.doNotCall !== undefined)
      qb.andWhere('c.do_not_call = :dnc', { dnc: query.doNotCall });
    const page = await keysetPage(qb, query, [
      { column: 'c.id', property: 'id', direction: 'DESC' },
    ]);
    const zone = await this.tenantZone();
    return { data: page.data.map((c) => toCustomerView(c, zone)), nextCursor: page.nextCursor };
  }

  async view(id: string): Promise<CustomerView> {
    return toCustomerView(await this.get(id), await this.tenantZone());
  }

  /** The customer, or 404 (also for another tenant's id); `field` names the input at fault. */
  async get(id: string, field?: string): Promise<Customer> {
    const customer = await this.db.repo(Customer).findOneBy({ id });
    if (!customer) throw CustomerErrors.notFound(field);
    return customer;
  }

  /** Customers by id, for showing names next to other records. */
  async byIds(ids: string[]): Promise<Map<string, Customer>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.repo(Customer).findBy({ id: In([...new Set(ids)]) });
    return new Map(rows.map((c) => [c.id, c]));
  }

  async create(dto: CreateCustomerDto): Promise<CustomerView> {
    const id = uuidv7();
    const phone = this.phone(dto.phone, await this.country());
    await this.save(() =>
      this.db.repo(Customer).insert({
        id,
        tenantId: this.context.tenantId,
        firstName: dto.firstName ?? null,
        lastName: dto.lastName ?? null,
        email: dto.email ?? null,
        phone,
        timezone: dto.timezone ?? null,
        tags: dto.tags ?? [],
        notes: dto.notes ?? null,
        doNotCall: dto.doNotCall ?? false,
      }),
    );
    const view = await this.view(id);
    await this.audit.record({
      action: 'create',
      entityType: 'customer',
      entityId: id,
      after: view,
    });
    return view;
  }

  async update(id: string, dto: Partial<UpdateCustomerDto>): Promise<CustomerView> {
    const customer = await this.get(id);
    const before = toCustomerView(customer, await this.tenantZone());
    const changes: Partial<Customer> = {};
    for (const key of ['firstName', 'lastName', 'email', 'timezone', 'notes'] as const) {
      if (dto[key] !== undefined) changes[key] = dto[key] ?? null;
    }
    if (dto.tags !== undefined) changes.tags = dto.tags ?? [];
    if (dto.doNotCall !== undefined) changes.doNotCall = dto.doNotCall;
    if (dto.phone !== undefined) changes.phone = this.phone(dto.phone, await this.country());
    if (Object.keys(changes).length)
      await this.save(() => this.db.repo(Customer).update({ id }, changes));
    const after = await this.view(id);
    await this.audit.record({
      action: 'update',
      entityType: 'customer',
      entityId: id,
      before,
      after,
    });
    return after;
  }

  /** Deletes the customer with their tickets and bookings. */
  async remove(id: string): Promise<void> {
    const customer = await this.get(id);
    await this.db.repo(Customer).delete({ id });
    await this.audit.record({
      action: 'delete',
      entityType: 'customer',
      entityId: id,
      before: toCustomerView(customer, await this.tenantZone()),
    });
  }

  private async tenantZone(): Promise<string> {
    return (await this.tenants.current()).timezone;
  }

  private async country(): Promise<string> {
    return (await this.tenants.current()).defaultCountry;
  }

  private phone(input: string, country: string): string {
    const e164 = toE164(input, country);
    if (!e164) throw CustomerErrors.invalidPhone(country);
    return e164;
  }

  private async save(write: () => Promise<unknown>): Promise<void> {
    try {
      await write();
    } catch (error) {
      if (isUniqueViolation(error, 'customers_tenant_id_phone_key'))
        throw CustomerErrors.phoneTaken();
      throw error;
    }
  }
}
