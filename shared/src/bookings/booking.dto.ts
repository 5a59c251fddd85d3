import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsEnum,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { commaList } from '../common/list-filters';
import { PageQueryDto } from '../common/pagination';
import { trimString } from '../common/transforms';
import { IsOmittable } from '../common/validators';
import { BookingStatus } from './booking-status';

const ISO_WITH_OFFSET = { strict: true, strictSeparator: true };
const CURRENCY = /^[A-Z]{3}$/;
const upper = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toUpperCase() : value;

export class CreateBookingDto {
  @IsUUID('all', { message: 'customerId must be a customer id' })
  customerId!: string;

  @Transform(trimString)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  service!: string;

  /** ISO-8601 with an offset, e.g. 2026-11-24T09:30:00+01:00. */
  @IsISO8601(ISO_WITH_OFFSET, { message: 'startsAt must be an ISO-8601 date and time' })
  startsAt!: string;

  @IsOptional()
  @IsISO8601(ISO_WITH_OFFSET, { message: 'endsAt must be an ISO-8601 date and time' })
  endsAt?: string | null;

  /** Integer minor units (cents). */
  @IsOmittable()
  @IsInt({ message: 'amountCents must be a whole number of cents' })
  @Min(0)
  @Max(100_000_000_00)
  amountCents?: number;

  @IsOmittable()
  @Transform(upper)
  @Matches(CURRENCY, { message: 'currency must be a three-letter ISO 4217 code such as USD' })
  currency?: string;

  @IsOptional()
  @IsString()
  @MaxLength(5000)
  notes?: string | null;
}

export class UpdateBookingDto {
  @IsOmittable()
  @Transform(trimString)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  service?: string;

  @IsOmittable()
  @IsISO8601(ISO_WITH_OFFSET, { message: 'startsAt must be an ISO-8601 date and time' })
  startsAt?: string;

  @IsOptional()
  @IsISO8601(ISO_WITH_OFFSET, { message: 'endsAt must be an ISO-8601 date and time' })
  endsAt?: string | null;

  @IsOmittable()
  @IsInt({ message: 'amountCents must be a whole number of cents' })
  @Min(0)
  @Max(100_000_000_00)
  amountCents?: number;

  @IsOmittable()
  @Transform(upper)
  @Matches(CURRENCY, { message: 'currency must be a three-letter ISO 4217 code such as USD' })
  currency?: string;

  @IsOptional()
  @IsString()
  @MaxLength(5000)
  notes?: string | null;

  @IsOmittable()
  @IsEnum(BookingStatus, {
    message: 'status must be one of pending, confirmed, completed, cancelled, no_show',
  })
  status?: BookingStatus;
}

export class BookingListQueryDto extends PageQueryDto {
  @IsOptional()
  @Transform(commaList)
  @ArrayMaxSize(5)
  @IsEnum(BookingStatus, {
    each: true,
    message: 'status must be pending, confirmed, completed, cancelled or no_show',
  })
  status?: BookingStatus[];

  @IsOptional()
  @IsUUID('all', { message: 'customerId must be a customer id' })
  customerId?: string;

  /** Bookings starting at or after this instant. */
  @IsOptional()
  @IsISO8601(ISO_WITH_OFFSET, { message: 'from must be an ISO-8601 date and time' })
  from?: string;

  /** Bookings starting before this instant. */
  @IsOptional()
  @IsISO8601(ISO_WITH_OFFSET, { message: 'to must be an ISO-8601 date and time' })
  to?: string;

  /** By start time: `desc` (latest first, the default) or `asc` (for calendars and agendas). */
  @IsOptional()
  @IsIn(['asc', 'desc'], { message: 'order must be asc or desc' })
  order?: 'asc' | 'desc';
}
