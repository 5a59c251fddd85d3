import { AuthErrorCode } from '../auth/auth-errors';
import { CallErrorCode } from '../calls/call-errors';
import { CampaignErrorCode } from '../campaigns/campaign-errors';
import { CustomerErrorCode } from '../customers/customer-errors';
import { HealthErrorCode } from '../health/health-errors';
import { TenantErrorCode } from '../tenant/tenant-errors';
import { VoiceErrorCode } from '../voice/voice-errors';
import { WebhookEndpointErrorCode } from '../webhook-endpoints/webhook-endpoint-errors';
import { WebhookErrorCode } from '../webhooks/webhook-errors';

/**
 * Error codes every module may answer with: the `code` of the error body. Codes are a
 * contract: clients switch on them, never on the message, so a value never changes.
 */
export enum CommonErrorCode {
  ValidationFailed = 'validation_failed',
  NotFound = 'not_found',
  Forbidden = 'forbidden',
  Conflict = 'conflict',
  InvalidInput = 'invalid_input',
  ChangedConcurrently = 'changed_concurrently',
  IllegalStatusChange = 'illegal_status_change',
  InvalidCursor = 'invalid_cursor',
  InvalidIdempotencyKey = 'invalid_idempotency_key',
  IdempotencyKeyReused = 'idempotency_key_reused',
  IdempotencyKeyInProgress = 'idempotency_key_in_progress',
  RateLimited = 'rate_limited',
  DependencyUnavailable = 'dependency_unavailable',
  InternalError = 'internal_error',
}

/** Codes for requests refused before a route sees them (framing, body, URL). */
export enum RequestErrorCode {
  BadRequest = 'bad_request',
  MalformedJson = 'malformed_json',
  MalformedUrl = 'malformed_url',
  MalformedRequest = 'malformed_request',
  PayloadTooLarge = 'payload_too_large',
  UnsupportedMediaType = 'unsupported_media_type',
  InvalidContentLength = 'invalid_content_length',
  BodyTooDeep = 'body_too_deep',
  RequestTimeout = 'request_timeout',
  HeadersTooLarge = 'headers_too_large',
}

/** Every error-code enum, by the module that answers with it. */
export const ERROR_CODE_ENUMS = {
  common: CommonErrorCode,
  request: RequestErrorCode,
  auth: AuthErrorCode,
  tenant: TenantErrorCode,
  customer: CustomerErrorCode,
  call: CallErrorCode,
  campaign: CampaignErrorCode,
  voice: VoiceErrorCode,
  webhookEndpoint: WebhookEndpointErrorCode,
  webhook: WebhookErrorCode,
  health: HealthErrorCode,
} as const;

/** Any code the API answers with in the error body's `code`. */
export type ErrorCode =
  | CommonErrorCode
  | RequestErrorCode
  | AuthErrorCode
  | TenantErrorCode
  | CustomerErrorCode
  | CallErrorCode
  | CampaignErrorCode
  | VoiceErrorCode
  | WebhookEndpointErrorCode
  | WebhookErrorCode
  | HealthErrorCode;

/** Every known code, sorted. */
export const ERROR_CODES: readonly ErrorCode[] = [
  ...new Set(Object.values(ERROR_CODE_ENUMS).flatMap((codes) => Object.values(codes))),
].sort() as ErrorCode[];
