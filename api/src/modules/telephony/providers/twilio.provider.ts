import { Inject, Injectable } from '@nestjs/common';
import twilio from 'twilio';
import { CallStatus } from '@navaia/shared';
import type TwilioRequestClient from 'twilio/lib/base/RequestClient';
import { APP_CONFIG, AppConfig } from '../../../config/config';
import { classifyHttpFailure, withProviderRetry } from './provider-retry';
import {
  DialAnswer,
  DialRefused,
  DialRequest,
  ProviderCallRef,
  ProviderCallStatus,
  TelephonyProvider,
} from './telephony-provider';
import { twilioCallStatus } from '../twilio-status';

const TWILIO_API = 'https://api.twilio.com';
const REQUEST_TIMEOUT_MS = 15_000;
/** Longest AI call we allow; Twilio ends it after this. */
const TIME_LIMIT_SECS = 3600;
const RING_TIMEOUT_SECS = 30;

/**
 * The SDK's own HTTP client with the API host swapped, so tests (and staging proxies) can
 * point the official SDK at another server. Twilio's SDK has no base-URL option; a custom
 * `httpClient` is its documented way in.
 */
class RebasedRequestClient extends twilio.RequestClient {
  constructor(
    private readonly baseUrl: string,
    options: { timeout: number },
  ) {
    super(options);
  }

  override request<T>(opts: TwilioRequestClient.RequestOptions<T>) {
    return super.request<T>({ ...opts, uri: opts.uri.replace(TWILIO_API, this.baseUrl) });
  }
}

export function twilioClient(config: AppConfig): twilio.Twilio {
  const { accountSid, authToken, baseUrl } = config.twilio;
  return twilio(accountSid, authToken, {
    timeout: REQUEST_TIMEOUT_MS,
    ...(baseUrl
      ? {
          httpClient: new RebasedRequestClient(baseUrl.replace(/\/$/, ''), {
            timeout: REQUEST_TIMEOUT_MS,
          }),
        }
      : {}),
  });
}

function twilioFailure(action: string, error: unknown): Error {
  const { status, code, message } = error as {
    status?: unknown;
    code?: unknown;
    message?: unknown;
  };
  const reason = typeof message === 'string' ? message : String(error);
  const httpStatus = typeof status === 'number' ? status : undefined;
  return classifyHttpFailure(
    httpStatus,
    httpStatus === undefined
      ? `Twilio did not answer to ${action}: ${reason}`
      : `Twilio refused to ${action} (${httpStatus}${code ? ` ${String(code)}` : ''}): ${reason}`,
  );
}

/**
 * Our Twilio account places the call; Twilio fetches TwiML from our endpoint, which hands
 * the call to the ElevenLabs agent (register-call). Status callbacks report every step.
 */
@Injectable()
export class TwilioTelephonyProvider implements TelephonyProvider {
  readonly kind = 'twilio' as const;
  private readonly client: twilio.Twilio;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.client = twilioClient(config);
  }

  async dial(request: DialRequest): Promise<DialAnswer> {
    const from = request.from ?? this.config.twilio.fromNumber;
    if (!from)
      throw new DialRefused(
        'No caller id: set the tenant’s telephony number or TWILIO_FROM_NUMBER',
      );
    const call = await withProviderRetry(async () => {
      try {
        return await this.client.calls.create({
          to: request.to,
          from,
          url: request.twimlUrl,
          method: 'POST',
          statusCallback: request.statusCallbackUrl,
          statusCallbackMethod: 'POST',
          // An array: the SDK sends repeated parameters, which Twilio requires.
          statusCallbackEvent: ['initiated', 'ringing', 'answered', 'completed'],
          machineDetection: 'Enable',
          timeout: RING_TIMEOUT_SECS,
          timeLimit: TIME_LIMIT_SECS,
        });
      } catch (error) {
        throw twilioFailure(`call ${request.to}`, error);
      }
    });
    return { providerCallSid: call.sid, conversationId: null, from };
  }

  async callState({ providerCallSid }: ProviderCallRef): Promise<ProviderCallStatus | null> {
    if (!providerCallSid) return null;
    try {
      const call = await this.client.calls(providerCallSid).fetch();
      const duration = Number(call.duration);
      return {
        // Twilio's `queued`: accepted, not dialling yet.
        status: twilioCallStatus(call.status) ?? CallStatus.Initiated,
        providerStatus: call.status,
        durationSec: call.duration && Number.isFinite(duration) ? duration : undefined,
        answeredBy: call.answeredBy ?? undefined,
      };
    } catch (error) {
      if ((error as { status?: number }).status === 404) return null;
      throw twilioFailure(`fetch call ${providerCallSid}`, error);
    }
  }
}
