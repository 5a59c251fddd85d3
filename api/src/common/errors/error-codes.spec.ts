import { QueryFailedError } from 'typeorm';
import { ERROR_CODES, VoiceErrorCode } from '@navaia/shared';
import { AuthErrors } from '../../modules/auth/auth.exception';
import { BookingErrors } from '../../modules/booking/booking.exception';
import { CampaignErrors } from '../../modules/campaign/campaign.exception';
import { CustomerErrors } from '../../modules/customer/customer.exception';
import { OutgoingWebhookErrors } from '../../modules/outgoing-webhooks/outgoing-webhooks.exception';
import { TelephonyErrors } from '../../modules/telephony/telephony.exception';
import { TenantErrors } from '../../modules/tenant/tenant.exception';
import { TicketErrors } from '../../modules/ticket/ticket.exception';
import { elevenLabsFailure } from '../../modules/voice/providers/elevenlabs-errors';
import { VoiceErrors } from '../../modules/voice/voice-session.service';
import { WebhookErrors } from '../../modules/webhooks/webhooks.exception';
import { checkInput } from '../http/input-guard';
import { AppException, CommonErrors } from './app.exception';
import { mapError } from './exception.filter';
import { illegalTransition } from './status-transition';

const MAPS = {
  AuthErrors,
  BookingErrors,
  CampaignErrors,
  CommonErrors,
  CustomerErrors,
  OutgoingWebhookErrors,
  TelephonyErrors,
  TenantErrors,
  TicketErrors,
  VoiceErrors,
  WebhookErrors,
};

/** Every exception of every module's map, built with placeholder arguments. */
const built = Object.entries(MAPS).flatMap(([map, factories]) =>
  Object.entries(factories).map(([name, factory]) => {
    const exception = (factory as (...args: unknown[]) => AppException)(
      { message: 'Outside the calling hours', details: [] },
      'second',
      1,
    );
    return [`${map}.${name}`, exception] as const;
  }),
);

describe('error codes', () => {
  it.each(built)('%s answers with a code of the shared contract', (_name, exception) => {
    expect(exception).toBeInstanceOf(AppException);
    expect(ERROR_CODES).toContain(exception.code);
  });

  it('covers the shared helpers and the errors mapped from elsewhere', () => {
    const codes = [
      illegalTransition('ticket', { open: ['closed'], closed: [] }, 'closed', 'open').code,
      checkInput({ a: { b: {} } }, 1)!.code,
      elevenLabsFailure('start a conversation', new Error('unreadable')),
      ...['23505', '23503', '23502', '22P02', '22001', '22003', '23514', '22021', '22P05'].map(
        (code) => new QueryFailedError('SELECT', [], Object.assign(new Error('pg'), { code })),
      ),
      ...[
        'FST_ERR_CTP_INVALID_JSON_BODY',
        'FST_ERR_CTP_BODY_TOO_LARGE',
        'FST_ERR_CTP_INVALID_MEDIA_TYPE',
        'FST_ERR_CTP_INVALID_CONTENT_LENGTH',
        'FST_ERR_BAD_URL',
        'FST_ERR_SOMETHING_ELSE',
      ].map((code) => Object.assign(new Error('bad'), { code, statusCode: 400 })),
      new Error('a fault of ours'),
    ].map((error) => (typeof error === 'string' ? error : mapError(error).code));

    expect(codes.filter((code) => !ERROR_CODES.includes(code as never))).toEqual([]);
    expect(codes).toContain(VoiceErrorCode.ProviderError);
  });
});
