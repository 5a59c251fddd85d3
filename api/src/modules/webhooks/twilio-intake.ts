import { WebhookErrorCode } from '@navaia/shared';
import { Inject, Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import twilio from 'twilio';
import { AppException } from '../../common/errors/app.exception';
import { metricsRegistry } from '../../common/http/metrics';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { WebhookErrors } from './webhooks.exception';
import { AcceptedEvent, WebhookInboxService } from './webhook-inbox.service';

const rejected = new Counter({
  name: 'twilio_signature_rejections_total',
  help: 'Twilio callbacks refused for their signature, by reason',
  labelNames: ['reason'] as const,
  registers: [metricsRegistry],
});

const CALL_SID = /^CA[0-9a-fA-F]{32}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type TwilioParams = Record<string, string | string[]>;

/** Form fields as Twilio posts them; a repeated key becomes a list, as the validator expects. */
export function parseTwilioForm(raw: Buffer): TwilioParams {
  const params: TwilioParams = {};
  for (const [key, value] of new URLSearchParams(raw.toString('utf8'))) {
    const existing = params[key];
    params[key] = existing === undefined ? value : ([] as string[]).concat(existing, value);
  }
  return params;
}

/** HMAC-SHA1 (20 bytes) in base64. */
const TWILIO_SIGNATURE = /^[A-Za-z0-9+/]{27}=$/;

const single = (value: string | string[] | undefined) =>
  Array.isArray(value) ? value[value.length - 1] : value;

/**
 * Twilio callbacks: the signature covers the URL Twilio called (our public base URL, the path
 * and query) and every form field, HMAC-SHA1 with the auth token. Behind proxies the URL the
 * request arrived on differs, so it is always rebuilt from PUBLIC_BASE_URL.
 */
@Injectable()
export class TwilioIntake {
  constructor(
    private readonly inbox: WebhookInboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Refuses a callback whose signature header is missing or cannot be an HMAC-SHA1 in base64,
   * before its body is read.
   */
  checkHeader(signature: string | undefined): asserts signature is string {
    if (!signature) {
      rejected.inc({ reason: 'missing' });
      throw new AppException(
        401,
        WebhookErrorCode.InvalidSignature,
        'X-Twilio-Signature is missing',
      );
    }
    if (!TWILIO_SIGNATURE.test(signature)) {
      rejected.inc({ reason: 'malformed' });
      throw new AppException(
        401,
        WebhookErrorCode.InvalidSignature,
        'X-Twilio-Signature is malformed',
      );
    }
  }

  /** Verifies a callback; returns its fields and the call id our URL carries. */
  verify(
    rawBody: Buffer,
    signature: string | undefined,
    requestUrl: string,
  ): { params: TwilioParams; callId: string | null } {
    this.checkHeader(signature);
    const params = parseTwilioForm(rawBody);
    const url = `${this.config.publicBaseUrl}${requestUrl}`;
    if (!twilio.validateRequest(this.config.twilio.webhookAuthToken, signature, url, params)) {
      rejected.inc({ reason: 'mismatch' });
      throw new AppException(
        403,
        WebhookErrorCode.InvalidSignature,
        'X-Twilio-Signature does not match',
      );
    }
    const callId = new URL(url).searchParams.get('callId');
    return { params, callId: callId && UUID.test(callId) ? callId : null };
  }

  /** A status callback: stored once per (call, sequence, status), processed by a job. */
  async receiveStatus(
    rawBody: Buffer,
    signature: string | undefined,
    requestUrl: string,
  ): Promise<AcceptedEvent> {
    const { params, callId } = this.verify(rawBody, signature, requestUrl);
    const sid = single(params.CallSid);
    const status = single(params.CallStatus);
    if (!sid || !CALL_SID.test(sid)) throw WebhookErrors.unreadable('no CallSid');
    if (!status || !/^[a-z-]{1,20}$/.test(status)) throw WebhookErrors.unreadable('no CallStatus');
    const sequence = single(params.SequenceNumber);
    const externalId = `${sid}:${sequence && /^\d+$/.test(sequence) ? sequence : '-'}:${status}`;
    return this.inbox.accept('twilio', 'call_status', externalId, { params, callId });
  }
}
