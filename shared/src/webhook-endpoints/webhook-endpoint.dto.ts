import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEnum,
  IsIn,
  IsOptional,
  IsString,
  IsUrl,
  MaxLength,
} from 'class-validator';
import { commaList } from '../common/list-filters';
import { PageQueryDto } from '../common/pagination';
import { trimString } from '../common/transforms';
import { IsOmittable } from '../common/validators';
import {
  WEBHOOK_EVENT_TYPES,
  WebhookDeliveryStatus,
  WebhookEventType,
} from './webhook-event-types';

const URL_RULE = {
  protocols: ['http', 'https'],
  require_protocol: true,
  require_valid_protocol: true,
  // Intranet names and IP literals are URLs too; which addresses may be called is the API's
  // address policy, not a syntax rule.
  require_tld: false,
  allow_underscores: true,
};
const URL_MESSAGE = 'url must be an http:// or https:// URL';
const EVENT_TYPES_MESSAGE = `eventTypes must be some of ${WEBHOOK_EVENT_TYPES.join(', ')}`;

export class CreateWebhookEndpointDto {
  @Transform(trimString)
  @IsUrl(URL_RULE, { message: URL_MESSAGE })
  @MaxLength(2000)
  @IsString()
  url!: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string | null;

  @IsArray({ message: EVENT_TYPES_MESSAGE })
  @ArrayMinSize(1, { message: 'eventTypes must name at least one event' })
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @ArrayUnique({ message: 'eventTypes must not repeat an event' })
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true, message: EVENT_TYPES_MESSAGE })
  eventTypes!: WebhookEventType[];

  @IsOmittable()
  @IsBoolean()
  enabled?: boolean;
}

export class UpdateWebhookEndpointDto {
  @IsOmittable()
  @Transform(trimString)
  @IsUrl(URL_RULE, { message: URL_MESSAGE })
  @MaxLength(2000)
  @IsString()
  url?: string;

  /** null clears it. */
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string | null;

  @IsOmittable()
  @IsArray({ message: EVENT_TYPES_MESSAGE })
  @ArrayMinSize(1, { message: 'eventTypes must name at least one event' })
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @ArrayUnique({ message: 'eventTypes must not repeat an event' })
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true, message: EVENT_TYPES_MESSAGE })
  eventTypes?: WebhookEventType[];

  @IsOmittable()
  @IsBoolean()
  enabled?: boolean;
}

export class WebhookDeliveryListQueryDto extends PageQueryDto {
  @IsOptional()
  @Transform(commaList)
  @ArrayMaxSize(3)
  @IsEnum(WebhookDeliveryStatus, {
    each: true,
    message: 'status must be pending, delivered or failed',
  })
  status?: WebhookDeliveryStatus[];
}
