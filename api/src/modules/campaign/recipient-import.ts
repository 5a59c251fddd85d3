import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { CampaignStatus, CreateCustomerDto, ImportRecipientsResult } from '@navaia/shared';
import { TenantDb } from '../../common/database/tenant-db';
import { AppException } from '../../common/errors/app.exception';
import { customerZones } from '../../common/time/customer-zones';
import { Customer } from '../customer/customer.entity';
import { CustomerService } from '../customer/customer.service';
import { TenantService } from '../tenant/tenant.service';
import { CampaignErrors } from './campaign.exception';
import { CampaignService } from './campaign.service';
import { readRecipientCsv } from './recipient-csv';

/**
 * A CSV audience: each row creates or updates the customer with that phone and adds them to
 * the campaign, extra columns becoming the recipient's own variables. Rows are independent:
 * a bad row is reported with its reason and the rest go in (each row has a savepoint).
 * `check` answers what an import into a new campaign would do, reading only: both go through
 * the same row validation, so their reports agree.
 */
@Injectable()
export class RecipientImport {
  constructor(
    private readonly db: TenantDb,
    private readonly tenants: TenantService,
    private readonly customers: CustomerService,
    private readonly campaigns: CampaignService,
  ) {}

  async import(campaignId: string, csv: string): Promise<ImportRecipientsResult> {
    const campaign = await this.campaigns.lock(campaignId);
    if (
      campaign.status === CampaignStatus.Completed ||
      campaign.status === CampaignStatus.Cancelled
    )
      throw CampaignErrors.notEditable(campaign.status);
    const tenant = await this.tenants.current();
    const entries = await readRecipientCsv(csv, tenant.defaultCountry);
    const result = emptyResult(entries.length);
    for (const entry of entries) {
      const reject = (reason: string) =>
        result.rejected.push({ row: entry.row, phone: entry.raw, reason });
      if ('reason' in entry) {
        reject(entry.reason);
        continue;
      }
      const { phone, dto, variables } = entry;
      await this.db.manager.query('SAVEPOINT csv_row');
      try {
        const existing = await this.db.repo(Customer).findOneBy({ phone });
        let customer: Customer;
        if (existing) {
          const changes = customerChanges(existing, dto);
          if (Object.keys(changes).length) {
            await this.customers.update(existing.id, changes);
            result.updatedCustomers++;
          }
          customer = await this.db.repo(Customer).findOneByOrFail({ id: existing.id });
        } else {
          const created = await this.customers.create({ ...dto, phone });
          result.createdCustomers++;
          customer = await this.db.repo(Customer).findOneByOrFail({ id: created.id });
        }
        if (customer.doNotCall) {
          result.skipped++;
          reject(DO_NOT_CALL);
        } else {
          const zones = customerZones(customer, tenant.timezone);
          const inserted: unknown[] = await this.db.manager.query(
            `INSERT INTO campaign_recipients (tenant_id, campaign_id, customer_id, timezone, timezones, variables)
             VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (campaign_id, customer_id) DO UPDATE SET variables = EXCLUDED.variables
             RETURNING (xmax = 0) AS inserted`,
            [tenant.id, campaignId, customer.id, zones[0], zones, variables],
          );
          if ((inserted[0] as { inserted: boolean }).inserted) result.added++;
          else result.skipped++;
        }
        await this.db.manager.query('RELEASE SAVEPOINT csv_row');
      } catch (error) {
        await this.db.manager.query('ROLLBACK TO SAVEPOINT csv_row');
        reject(error instanceof AppException ? error.message : 'could not be stored');
      }
    }
    if (campaign.status === CampaignStatus.Running) await this.campaigns.nudgeDialer(campaignId);
    return result;
  }

  /**
   * What `import` would answer for a campaign nobody is in yet, without writing: the tenant's
   * customers are looked up by phone (another tenant's count as new, as they would be).
   */
  async check(csv: string): Promise<ImportRecipientsResult> {
    const tenant = await this.tenants.current();
    const entries = await readRecipientCsv(csv, tenant.defaultCountry);
    const phones = entries.flatMap((entry) => ('reason' in entry ? [] : [entry.phone]));
    const known = phones.length
      ? await this.db.repo(Customer).findBy({ tenantId: tenant.id, phone: In(phones) })
      : [];
    const byPhone = new Map(known.map((customer) => [customer.phone, customer]));
    const result = emptyResult(entries.length);
    for (const entry of entries) {
      if ('reason' in entry) {
        result.rejected.push({ row: entry.row, phone: entry.raw, reason: entry.reason });
        continue;
      }
      const existing = byPhone.get(entry.phone);
      if (!existing) {
        result.createdCustomers++;
        result.added++;
        continue;
      }
      if (Object.keys(customerChanges(existing, entry.dto)).length) result.updatedCustomers++;
      if (existing.doNotCall) {
        result.skipped++;
        result.rejected.push({ row: entry.row, phone: entry.raw, reason: DO_NOT_CALL });
      } else result.added++;
    }
    return result;
  }
}

const DO_NOT_CALL = 'the customer is on the do-not-call list';

function emptyResult(rows: number): ImportRecipientsResult {
  return { rows, createdCustomers: 0, updatedCustomers: 0, added: 0, skipped: 0, rejected: [] };
}

/** The fields a row would change on an existing customer (tags and notes are left alone). */
function customerChanges(existing: Customer, dto: CreateCustomerDto): Partial<CreateCustomerDto> {
  return Object.fromEntries(
    (['firstName', 'lastName', 'email', 'timezone'] as const).flatMap((k) =>
      dto[k] !== undefined && dto[k] !== existing[k] ? [[k, dto[k]]] : [],
    ),
  );
}
