import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { In } from 'typeorm';
import {
  CampaignStatus,
  CreateCustomerDto,
  CSV_IMPORT_MAX_ROWS,
  ImportRecipientsResult,
  parseCsv,
  toE164,
} from '@navaia/shared';
import { TenantDb } from '../../common/database/tenant-db';
import { AppException } from '../../common/errors/app.exception';
import { customerZones } from '../../common/time/customer-zones';
import { Customer } from '../customer/customer.entity';
import { CustomerService } from '../customer/customer.service';
import { TenantService } from '../tenant/tenant.service';
import { CampaignErrors } from './campaign.exception';
import { CampaignService } from './campaign.service';

const CUSTOMER_COLUMNS = ['phone', 'first_name', 'last_name', 'email', 'timezone', 'tags'];
const VARIABLE = /^[a-z][a-z0-9_]{0,39}$/;

/** A row that passed every check that needs no write: whom it names, and what it brings. */
interface CsvRecipient {
  row: number;
  raw: string;
  phone: string;
  dto: CreateCustomerDto;
  variables: Record<string, string>;
}

/** A row refused before anything is written, with the reason the import report gives. */
interface CsvRejection {
  row: number;
  raw: string | null;
  reason: string;
}

type CsvEntry = CsvRecipient | CsvRejection;

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
    const entries = readCsv(csv, tenant.defaultCountry);
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
    const entries = readCsv(csv, tenant.defaultCountry);
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

/**
 * The file's rows in order, each valid or refused with its reason; a file that cannot be
 * used at all (no phone column, no rows, too many, a bad column name) is a 400 on `csv`.
 */
function readCsv(csv: string, country: string): CsvEntry[] {
  const [header, ...rows] = parseCsv(csv);
  const columns = (header ?? []).map((c) =>
    c
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_'),
  );
  if (!columns.includes('phone')) throw csvError('the header row must name a phone column');
  if (rows.length === 0) throw csvError('there are no rows under the header');
  if (rows.length > CSV_IMPORT_MAX_ROWS)
    throw csvError(`at most ${CSV_IMPORT_MAX_ROWS} rows per import (this file has ${rows.length})`);
  const variableColumns = columns.filter((c) => !CUSTOMER_COLUMNS.includes(c));
  const badColumn = variableColumns.find((c) => !VARIABLE.test(c));
  if (badColumn)
    throw csvError(`column "${badColumn}" cannot be a variable name (letters, digits, _)`);

  const seen = new Set<string>();
  return rows.map((cells, index): CsvEntry => {
    const row = index + 2; // the header is row 1
    const value = (column: string) => {
      const cell = cells[columns.indexOf(column)]?.trim();
      return cell ? cell : undefined;
    };
    const raw = value('phone') ?? null;
    if (cells.length > columns.length)
      return { row, raw, reason: `has ${cells.length} cells for ${columns.length} columns` };
    const dto = plainToInstance(CreateCustomerDto, {
      phone: raw ?? '',
      firstName: value('first_name'),
      lastName: value('last_name'),
      email: value('email'),
      timezone: value('timezone'),
      tags: value('tags')
        ?.split(';')
        .map((t) => t.trim())
        .filter(Boolean),
    });
    const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length) {
      const reason =
        Object.values(errors[0].constraints ?? {})[0] ?? `${errors[0].property} is invalid`;
      return { row, raw, reason };
    }
    const phone = toE164(dto.phone, country);
    if (!phone) return { row, raw, reason: `phone is not a valid number for ${country}` };
    if (seen.has(phone)) return { row, raw, reason: 'the same phone appears on an earlier row' };
    seen.add(phone);
    const variables = Object.fromEntries(
      variableColumns.flatMap((c) => (value(c) ? [[c, value(c)!.slice(0, 500)]] : [])),
    );
    return { row, raw: raw!, phone, dto, variables };
  });
}

function csvError(message: string): AppException {
  return new AppException(400, 'validation_failed', `The CSV file is not usable: ${message}`, [
    { field: 'csv', message },
  ]);
}
