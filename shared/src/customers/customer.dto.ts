import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEmail,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { PageQueryDto } from '../common/pagination';
import { normaliseEmail, trimString } from '../common/transforms';
import { IsOmittable, IsTimeZone } from '../common/validators';

const TAG = /^[\p{L}\p{N}][\p{L}\p{N} _:-]{0,39}$/u;
const normaliseTags = ({ value }: { value: unknown }) =>
  Array.isArray(value)
    ? [...new Set(value.map((t) => (typeof t === 'string' ? t.trim().toLowerCase() : t)))]
    : value;

export class CreateCustomerDto {
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MaxLength(100)
  firstName?: string | null;

  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MaxLength(100)
  lastName?: string | null;

  @IsOptional()
  @Transform(normaliseEmail)
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email?: string | null;

  /** E.164, or a national number read with the tenant's default country. */
  @Transform(trimString)
  @IsString()
  @MinLength(3)
  @MaxLength(32)
  phone!: string;

  @IsOptional()
  @IsTimeZone()
  timezone?: string | null;

  @IsOptional()
  @Transform(normaliseTags)
  @ArrayMaxSize(20)
  @Matches(TAG, { each: true, message: 'each tag must be 1–40 letters, digits, spaces, _ : or -' })
  tags?: string[];

  @IsOptional()
  @IsString()
  @MaxLength(5000)
  notes?: string | null;

  @IsOptional()
  @IsBoolean()
  doNotCall?: boolean;
}

/** Every field may change; null clears an optional one. */
export class UpdateCustomerDto extends CreateCustomerDto {
  @IsOmittable()
  @Transform(trimString)
  @IsString()
  @MinLength(3)
  @MaxLength(32)
  declare phone: string;
}

export class CustomerListQueryDto extends PageQueryDto {
  /** Matches name, email and phone (E.164 or as typed). */
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MaxLength(100)
  search?: string;

  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MaxLength(40)
  tag?: string;

  @IsOptional()
  @Type(() => String)
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'doNotCall must be true or false' })
  doNotCall?: boolean;
}
