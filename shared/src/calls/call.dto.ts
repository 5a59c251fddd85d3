import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsISO8601,
  IsOptional,
  IsUUID,
} from 'class-validator';
import { commaList } from '../common/list-filters';
import { PageQueryDto } from '../common/pagination';
import { IsOmittable } from '../common/validators';
import { VoicePurpose } from '../voice/voice.dto';
import { CallDirection, CallStatus } from './call-status';

/** The most customers one bulk request may ask to call. */
export const BULK_CALL_MAX = 500;

const ISO_WITH_OFFSET = { strict: true, strictSeparator: true };
const PURPOSE = { message: 'purpose must be support or sales' };

export class CustomerCallDto {
  /** Which agent calls: `support` (default) or `sales`. */
  @IsOmittable()
  @IsEnum(VoicePurpose, PURPOSE)
  purpose?: VoicePurpose;

  /**
   * Call even outside the tenant's calling hours in the customer's time zone (otherwise 422
   * `outside_calling_window`); such a call is audited.
   */
  @IsOmittable()
  @IsBoolean({ message: 'override must be true or false' })
  override?: boolean;
}

export class CreateCallDto extends CustomerCallDto {
  @IsUUID('all', { message: 'customerId must be a customer id' })
  customerId!: string;
}

export class BulkCallDto extends CustomerCallDto {
  @IsArray({ message: 'customerIds must be an array of customer ids' })
  @ArrayMinSize(1, { message: 'customerIds must name at least one customer' })
  @ArrayMaxSize(BULK_CALL_MAX, {
    message: `customerIds must name at most ${BULK_CALL_MAX} customers`,
  })
  @IsUUID('all', { each: true, message: 'customerIds must contain customer ids only' })
  customerIds!: string[];
}

export class CallListQueryDto extends PageQueryDto {
  @IsOptional()
  @Transform(commaList)
  @ArrayMaxSize(9)
  @IsEnum(CallStatus, {
    each: true,
    message: `status must be one of ${Object.values(CallStatus).join(', ')}`,
  })
  status?: CallStatus[];

  @IsOptional()
  @IsEnum(CallDirection, { message: 'direction must be outbound or inbound' })
  direction?: CallDirection;

  @IsOptional()
  @IsUUID('all', { message: 'customerId must be a customer id' })
  customerId?: string;

  @IsOptional()
  @IsUUID('all', { message: 'campaignId must be a campaign id' })
  campaignId?: string;

  /** Calls queued at or after this instant. */
  @IsOptional()
  @IsISO8601(ISO_WITH_OFFSET, { message: 'from must be an ISO-8601 date and time' })
  from?: string;

  /** Calls queued before this instant. */
  @IsOptional()
  @IsISO8601(ISO_WITH_OFFSET, { message: 'to must be an ISO-8601 date and time' })
  to?: string;
}
