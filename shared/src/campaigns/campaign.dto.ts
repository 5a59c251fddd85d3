import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { commaList } from '../common/list-filters';
import { PageQueryDto } from '../common/pagination';
import { trimString } from '../common/transforms';
import { IsNestedObject, IsOmittable } from '../common/validators';
import { CallingWindowDto } from '../tenant/tenant.dto';
import { VoicePurpose } from '../voice/voice.dto';
import { CampaignStatus, RecipientStatus } from './campaign-status';

/** The most customers one request may add by id. */
export const RECIPIENTS_BY_ID_MAX = 10_000;

const ISO_WITH_OFFSET = { strict: true, strictSeparator: true };

/** The most rows one CSV import may hold. */
export const CSV_IMPORT_MAX_ROWS = 5_000;

/** The most variable columns (columns other than the customer's own) one CSV import may hold. */
export const CSV_IMPORT_MAX_VARIABLES = 50;

const applyAll =
  (...decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) =>
    decorators.forEach((decorate) => decorate(target, key));

/** Customers named by id: the same rule wherever an audience is given. */
const CustomerIds = () =>
  applyAll(
    IsOptional(),
    IsArray({ message: 'customerIds must be an array of customer ids' }),
    ArrayMinSize(1, { message: 'customerIds must name at least one customer' }),
    ArrayMaxSize(RECIPIENTS_BY_ID_MAX, {
      message: `customerIds must name at most ${RECIPIENTS_BY_ID_MAX} customers`,
    }),
    IsUUID('all', { each: true, message: 'customerIds must contain customer ids only' }),
  );

/** A CSV file's text: the same rule for an import, a check and a launch. */
const CsvText = () =>
  applyAll(
    IsString(),
    IsNotEmpty({ message: 'csv must hold a header row and at least one row' }),
    MaxLength(900_000),
  );

export class RecipientFilterDto {
  @IsOptional()
  @IsString()
  @MaxLength(50)
  tag?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;

  /** Every customer of the tenant. */
  @IsOptional()
  @IsBoolean()
  all?: boolean;
}

/**
 * A campaign, and optionally its audience (at most one of `customerIds`, `filter` or `csv`,
 * with the rules of the recipient routes) and `start`, all in one transaction.
 */
export class CreateCampaignDto {
  @Transform(trimString)
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name!: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string | null;

  @IsEnum(VoicePurpose, { message: 'purpose must be support or sales' })
  purpose!: VoicePurpose;

  /** The agent's opening line; `{{variable}}` placeholders are filled per recipient. */
  @IsOptional()
  @IsString()
  @MaxLength(500)
  firstMessage?: string | null;

  /** Start later: `start` schedules the campaign for this instant. */
  @IsOptional()
  @IsISO8601(ISO_WITH_OFFSET, { message: 'scheduledAt must be an ISO-8601 date and time' })
  scheduledAt?: string | null;

  /** In each recipient's local time; the tenant's window when absent (or null). */
  @IsOptional()
  @IsNestedObject(() => CallingWindowDto)
  // Typed without `| null` so the reflected type (and the documented schema) is the class.
  callingWindow?: CallingWindowDto;

  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(100)
  maxConcurrentCalls?: number;

  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(10)
  maxAttempts?: number;

  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(7 * 24 * 60)
  retryDelayMinutes?: number;

  /** Dynamic-variable templates passed to the agent, e.g. `{"offer": "10 % off {{customer_name}}"}`. */
  @IsOptional()
  @IsObject({ message: 'variables must be an object of strings' })
  variables?: Record<string, string>;

  /** Audience: these customers (do-not-call, repeated and unknown ids are skipped and counted). */
  @CustomerIds()
  customerIds?: string[];

  /** Audience: the customers this filter finds. */
  @IsOptional()
  @IsNestedObject(() => RecipientFilterDto)
  filter?: RecipientFilterDto;

  /** Audience: a CSV file's text, imported as by `POST /campaigns/:id/recipients/import`. */
  @IsOptional()
  @CsvText()
  csv?: string;

  /** Start it at once (or schedule it when `scheduledAt` is ahead); a draft otherwise. */
  @IsOptional()
  @IsBoolean()
  start?: boolean;
}

export class UpdateCampaignDto {
  @IsOmittable()
  @Transform(trimString)
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name?: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string | null;

  @IsOmittable()
  @IsEnum(VoicePurpose, { message: 'purpose must be support or sales' })
  purpose?: VoicePurpose;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  firstMessage?: string | null;

  @IsOptional()
  @IsISO8601(ISO_WITH_OFFSET, { message: 'scheduledAt must be an ISO-8601 date and time' })
  scheduledAt?: string | null;

  /** null: back to the tenant's window. */
  @IsOptional()
  @IsNestedObject(() => CallingWindowDto)
  callingWindow?: CallingWindowDto;

  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(100)
  maxConcurrentCalls?: number;

  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(10)
  maxAttempts?: number;

  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(7 * 24 * 60)
  retryDelayMinutes?: number;

  @IsOmittable()
  @IsObject({ message: 'variables must be an object of strings' })
  variables?: Record<string, string>;
}

/** Either `customerIds` or a `filter`. */
export class AddRecipientsDto {
  @CustomerIds()
  customerIds?: string[];

  @IsOptional()
  @IsNestedObject(() => RecipientFilterDto)
  filter?: RecipientFilterDto;
}

export class CampaignListQueryDto extends PageQueryDto {
  @IsOptional()
  @Transform(commaList)
  @ArrayMaxSize(6)
  @IsEnum(CampaignStatus, {
    each: true,
    message: `status must be one of ${Object.values(CampaignStatus).join(', ')}`,
  })
  status?: CampaignStatus[];
}

export class RecipientListQueryDto extends PageQueryDto {
  @IsOptional()
  @Transform(commaList)
  @ArrayMaxSize(9)
  @IsEnum(RecipientStatus, {
    each: true,
    message: `status must be one of ${Object.values(RecipientStatus).join(', ')}`,
  })
  status?: RecipientStatus[];
}

/**
 * A CSV file's text. Columns: `phone` (required), `first_name`, `last_name`, `email`,
 * `timezone`, `tags` (separated by `;`); any other column becomes a per-recipient variable.
 */
export class ImportRecipientsDto {
  @CsvText()
  csv!: string;
}
