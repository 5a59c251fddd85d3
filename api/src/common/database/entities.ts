import { AuditLogEntry } from '../../modules/audit/audit-log.entity';
import { Booking } from '../../modules/booking/booking.entity';
import { Customer } from '../../modules/customer/customer.entity';
import { Campaign, CampaignRecipient } from '../../modules/campaign/campaign.entity';
import { Call, CallAttempt, CallEvent } from '../../modules/telephony/call.entity';
import { Ticket } from '../../modules/ticket/ticket.entity';
import { VoiceSession } from '../../modules/voice/voice-session.entity';
import { WebhookEvent } from '../../modules/webhooks/webhook-event.entity';
import { WebhookDelivery } from '../../modules/outgoing-webhooks/webhook-delivery.entity';
import { WebhookEndpoint } from '../../modules/outgoing-webhooks/webhook-endpoint.entity';
import { IdempotencyKey } from '../idempotency/idempotency-key.entity';
import { RefreshToken } from '../../modules/auth/refresh-token.entity';
import { ApiKey } from '../../modules/tenant/api-key.entity';
import { Tenant } from '../../modules/tenant/tenant.entity';
import { User } from '../../modules/tenant/user.entity';

/** Every entity the application maps; listed once so the runtime and tools agree. */
export const entities = [
  Tenant,
  User,
  RefreshToken,
  ApiKey,
  AuditLogEntry,
  IdempotencyKey,
  Customer,
  Ticket,
  Booking,
  VoiceSession,
  WebhookEvent,
  Call,
  CallEvent,
  CallAttempt,
  Campaign,
  CampaignRecipient,
  WebhookEndpoint,
  WebhookDelivery,
];
