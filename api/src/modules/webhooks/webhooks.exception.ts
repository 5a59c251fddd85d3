import { CommonErrorCode, WebhookErrorCode } from '@navaia/shared';
import { AppException } from '../../common/errors/app.exception';
import type { SignatureRejection } from './elevenlabs-signature';

export const WebhookErrors = {
  invalidSignature: (reason: SignatureRejection) =>
    new AppException(
      401,
      WebhookErrorCode.InvalidSignature,
      `Webhook signature rejected (${reason})`,
    ),
  unreadable: (why: string) =>
    new AppException(400, WebhookErrorCode.InvalidWebhook, `Webhook body is not usable: ${why}`),
  eventNotFound: () => new AppException(404, CommonErrorCode.NotFound, 'Webhook event not found'),
};
