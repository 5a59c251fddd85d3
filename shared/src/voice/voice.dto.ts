import { Transform } from 'class-transformer';
import {
  IsEnum,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { PageQueryDto } from '../common/pagination';
import { trimString } from '../common/transforms';

export enum VoicePurpose {
  Support = 'support',
  Sales = 'sales',
}

export enum VoiceOutcome {
  TicketCreated = 'ticket_created',
  BookingCreated = 'booking_created',
  NoAction = 'no_action',
  Failed = 'failed',
}

export class CreateVoiceSessionDto {
  @IsEnum(VoicePurpose, { message: 'purpose must be support or sales' })
  purpose!: VoicePurpose;

  /** The customer the operator is talking as (Playground), if any. */
  @IsOptional()
  @IsUUID('all', { message: 'customerId must be a customer id' })
  customerId?: string;
}

export class ReportConversationDto {
  @Matches(/^[A-Za-z0-9_-]{1,128}$/, {
    message: 'conversationId must be the provider’s conversation id',
  })
  conversationId!: string;
}

export class SimulatorMessageDto {
  @Transform(trimString)
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  text!: string;
}

export class VoiceSessionListQueryDto extends PageQueryDto {
  @IsOptional()
  @IsEnum(VoiceOutcome, {
    message: 'outcome must be ticket_created, booking_created, no_action or failed',
  })
  outcome?: VoiceOutcome;

  @IsOptional()
  @IsEnum(VoicePurpose, { message: 'purpose must be support or sales' })
  purpose?: VoicePurpose;

  @IsOptional()
  @IsUUID('all', { message: 'customerId must be a customer id' })
  customerId?: string;
}
