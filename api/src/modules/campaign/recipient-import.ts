import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import {
  CampaignStatus,
  CreateCustomerDto,
  CSV_IMPORT_MAX_ROWS,
  ImportRecipientsResult,
  toE164,
} from '@navaia/shared';
import { TenantDb } from '../../common/database/tenant-db';
import { AppException } from '../../common/errors/app.exception';
import { Customer } from '../customer/customer.entity';
import { CustomerService } from '../customer/customer.service';
import { TenantService } from '../tenant/tenant.service';
import { CampaignErrors } from './campaign.exception';
import { CampaignService } from './campaign.service';
import { parseCsv } from './csv';
import { recipientZone } from './recipient-timezone';

const CUSTOMER_COLUMNS = ['phone', 'first_name', 'last_name', 'email', 'timezone', 'tags'];
const VARIABLE = /^[a-z][a-z0-9_]{0,39}$/;

/**
 * A CSV audience: each row creates or updates the customer with that phone and adds them to
 * the campaign, extra columns becoming the recipient's own variables. Rows are independent:
 * a bad row is reported with its reason and the rest go in (each row has a savepoint).
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
      throw csvError(
        `at most ${CSV_IMPORT_MAX_ROWS} rows per import (this file has ${rows.length})`,
      );
    const variableColumns = columns.filter((c) => !CUSTOMER_COLUMNS.includes(c));
    const badColumn = variableColumns.find((c) => !VARIABLE.test(c));
    if (badColumn)
      throw csvError(`column "${badColumn}" cannot be a variable name (letters, digits, _)`);

    const tenant = await this.tenants.current();
    const result: ImportRecipientsResult = {
      rows: rows.length,
      createdCustomers: 0,
      updatedCustomers: 0,
      added: 0,
      skipped: 0,
      rejected: [],
    };
    const seen = new Set<string>();
    for (const [index, cells] of rows.entries()) {
      const rowNumber = index + 2; // the header is row 1
      const value = (column: string) => {
        const cell = cells[columns.indexOf(column)]?.trim();
        return cell ? cell : undefined;
      };
      const raw = value('phone') ?? null;
      const reject = (reason: string) =>
        result.rejected.push({ row: rowNumber, phone: raw, reason });
      if (cells.length > columns.length) {
        reject(`has ${cells.length} cells for ${columns.length} columns`);
        continue;
      }
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
        reject(Object.values(errors[0].constraints ?? {})[0] ?? `${errors[0].property} is invalid`);
        continue;
      }
      const phone = toE164(dto.phone, tenant.defaultCountry);
      if (!phone) {
        reject(`phone is not a valid number for ${tenant.defaultCountry}`);
        continue;
      }
      if (seen.has(phone)) {
        reject('the same phone appears on an earlier row');
        continue;
      }
      seen.add(phone);
      const variables = Object.fromEntries(
        variableColumns.flatMap((c) => (value(c) ? [[c, value(c)!.slice(0, 500)]] : [])),
      );
      await this.db.manager.query('SAVEPOINT csv_row');
      try {
        const existing = await this.db.repo(Customer).findOneBy({ phone });
        let customer: Customer;
        if (existing) {
          const changes = Object.fromEntries(
            (['firstName', 'lastName', 'email', 'timezone'] as const).flatMap((k) =>
              dto[k] !== undefined && dto[k] !== existing[k] ? [[k, dto[k]]] : [],
            ),
          );
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
          reject('the customer is on the do-not-call list');
        } else {
          const inserted: unknown[] = await this.db.manager.query(
            `INSERT INTO campaign_recipients (tenant_id, campaign_id, customer_id, timezone, variables)
             VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (campaign_id, customer_id) DO UPDATE SET variables = EXCLUDED.variables
             RETURNING (xmax = 0) AS inserted`,
            [
              tenant.id,
              campaignId,
              customer.id,
              recipientZone(customer, tenant.timezone),
              variables,
            ],
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
}

function csvError(message: string): AppException {
  return new AppException(400, 'validation_failed', `The CSV file is not usable: ${message}`, [
    { field: 'csv', message },
  ]);
}
