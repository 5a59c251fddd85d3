import { AppException } from '../../common/errors/app.exception';
import type { SignatureRejection } from './elevenlabs-signature';

export const WebhookErrors = {
  invalidSignature: (reason: SignatureRejection) =>
    new AppException(401, 'invalid_signature', `Webhook signature rejected (${reason})`),
  unreadable: (why: string) =>
    new AppException(400, 'invalid_webhook', `Webhook body is not usable: ${why}`),
  eventNotFound: () => new AppException(404, 'not_found', 'Webhook event not found'),
};
