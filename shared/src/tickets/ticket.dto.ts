import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsEnum,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { commaList } from '../common/list-filters';
import { PageQueryDto } from '../common/pagination';
import { trimString } from '../common/transforms';
import { IsOmittable } from '../common/validators';
import { TicketPriority, TicketSource, TicketStatus } from './ticket-status';

export class CreateTicketDto {
  @IsUUID('all', { message: 'customerId must be a customer id' })
  customerId!: string;

  @Transform(trimString)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  subject!: string;

  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  description?: string | null;

  @IsOmittable()
  @IsEnum(TicketPriority, { message: 'priority must be one of low, normal, high, urgent' })
  priority?: TicketPriority;

  @IsOptional()
  @IsUUID('all', { message: 'assigneeId must be a user id' })
  assigneeId?: string | null;
}

export class UpdateTicketDto {
  @IsOmittable()
  @Transform(trimString)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  subject?: string;

  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  description?: string | null;

  @IsOmittable()
  @IsEnum(TicketPriority, { message: 'priority must be one of low, normal, high, urgent' })
  priority?: TicketPriority;

  @IsOmittable()
  @IsEnum(TicketStatus, { message: 'status must be one of open, in_progress, resolved, closed' })
  status?: TicketStatus;

  /** null unassigns. */
  @IsOptional()
  @IsUUID('all', { message: 'assigneeId must be a user id' })
  assigneeId?: string | null;
}

export class TicketListQueryDto extends PageQueryDto {
  @IsOptional()
  @Transform(commaList)
  @ArrayMaxSize(4)
  @IsEnum(TicketStatus, {
    each: true,
    message: 'status must be open, in_progress, resolved or closed',
  })
  status?: TicketStatus[];

  @IsOptional()
  @Transform(commaList)
  @ArrayMaxSize(4)
  @IsEnum(TicketPriority, { each: true, message: 'priority must be low, normal, high or urgent' })
  priority?: TicketPriority[];

  @IsOptional()
  @Transform(commaList)
  @ArrayMaxSize(3)
  @IsEnum(TicketSource, { each: true, message: 'source must be manual, voice or api' })
  source?: TicketSource[];

  @IsOptional()
  @IsUUID('all', { message: 'customerId must be a customer id' })
  customerId?: string;

  @IsOptional()
  @IsUUID('all', { message: 'assigneeId must be a user id' })
  assigneeId?: string;

  /** Matches the subject, or the ticket number. */
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MaxLength(100)
  search?: string;
}
