import { plainToInstance, Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  validateSync,
} from 'class-validator';
import { IsCountryCode, IsNestedObject, IsOmittable, IsTimeZone } from '../common/validators';
import type { CallingWindow, TenantLimits } from './tenant.types';
import { trimString } from '../common/transforms';

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const E164 = /^\+[1-9]\d{6,14}$/;

export class CallingWindowDto implements CallingWindow {
  @Matches(HH_MM, { message: 'start must be a time HH:MM' })
  start!: string;

  @Matches(HH_MM, { message: 'end must be a time HH:MM' })
  end!: string;

  @ArrayMinSize(1)
  @ArrayMaxSize(7)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(7, { each: true })
  days!: number[];
}

/**
 * Whether a stored value is a calling window by the rules of the DTO, e.g. one written
 * before those rules existed.
 */
export function isCallingWindow(value: unknown): value is CallingWindow {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return validateSync(plainToInstance(CallingWindowDto, value)).length === 0;
}

export class TenantLimitsDto implements Partial<TenantLimits> {
  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(100)
  callsPerSecond?: number;

  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(500)
  maxConcurrentCalls?: number;

  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  dailyCallCap?: number;
}

export class VoiceAgentsDto {
  @IsOptional()
  @IsString()
  @MaxLength(100)
  support?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  sales?: string;
}

export class TenantVoiceDto {
  @IsOmittable()
  @IsNestedObject(() => VoiceAgentsDto)
  agents?: VoiceAgentsDto;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  phoneNumberId?: string;
}

export class TenantTelephonyDto {
  @IsOptional()
  @Matches(E164, {
    message: 'fromNumber must be a phone number in E.164 format, e.g. +14155550123',
  })
  fromNumber?: string;
}

export class UpdateTenantDto {
  @IsOmittable()
  @Transform(trimString)
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name?: string;

  @IsOmittable()
  @IsTimeZone()
  timezone?: string;

  @IsOmittable()
  @IsCountryCode()
  defaultCountry?: string;

  @IsOmittable()
  @IsNestedObject(() => CallingWindowDto)
  callingWindow?: CallingWindowDto;

  @IsOmittable()
  @IsNestedObject(() => TenantLimitsDto)
  limits?: TenantLimitsDto;

  @IsOmittable()
  @IsNestedObject(() => TenantVoiceDto)
  voice?: TenantVoiceDto;

  @IsOmittable()
  @IsNestedObject(() => TenantTelephonyDto)
  telephony?: TenantTelephonyDto;
}
