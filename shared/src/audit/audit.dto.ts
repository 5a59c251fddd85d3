import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { commaList } from '../common/list-filters';
import { PageQueryDto } from '../common/pagination';
import { trimString } from '../common/transforms';
import {
  AUDIT_ACTIONS,
  AUDIT_ACTOR_TYPES,
  type AuditAction,
  type AuditActorType,
} from './audit.types';

const ISO = { strict: true, strictSeparator: true };

/** Newest first; every filter narrows, `from` inclusive and `to` exclusive. */
export class AuditLogQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(AUDIT_ACTOR_TYPES, { message: `actorType must be one of ${AUDIT_ACTOR_TYPES.join(', ')}` })
  actorType?: AuditActorType;

  @IsOptional()
  @IsUUID('all', { message: 'actorId must be a user or API key id' })
  actorId?: string;

  @IsOptional()
  @Transform(trimString)
  @Matches(/^[a-z_]{1,40}$/, { message: 'entityType must be a type such as customer or api_key' })
  entityType?: string;

  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MaxLength(100)
  entityId?: string;

  @IsOptional()
  @Transform(commaList)
  @ArrayMaxSize(AUDIT_ACTIONS.length)
  @IsIn(AUDIT_ACTIONS, {
    each: true,
    message: `action must be one of ${AUDIT_ACTIONS.join(', ')}`,
  })
  action?: AuditAction[];

  @IsOptional()
  @IsISO8601(ISO, { message: 'from must be an ISO-8601 date and time' })
  from?: string;

  @IsOptional()
  @IsISO8601(ISO, { message: 'to must be an ISO-8601 date and time' })
  to?: string;
}
