import { CommonErrorCode, WebhookEndpointErrorCode } from '@navaia/shared';
import { AppException } from '../../common/errors/app.exception';

export const OutgoingWebhookErrors = {
  endpointNotFound: () =>
    new AppException(404, CommonErrorCode.NotFound, 'Webhook endpoint not found'),
  deliveryNotFound: () =>
    new AppException(404, CommonErrorCode.NotFound, 'Webhook delivery not found'),
  forbiddenTarget: (why: string) =>
    new AppException(400, WebhookEndpointErrorCode.ForbiddenTarget, `url ${why}`, [
      { field: 'url', message: `url ${why}` },
    ]),
  tooManyEndpoints: (limit: number) =>
    new AppException(
      409,
      WebhookEndpointErrorCode.EndpointLimit,
      `An organisation may have at most ${limit} webhook endpoints; delete one first`,
      { limit },
    ),
  endpointDisabled: () =>
    new AppException(
      409,
      WebhookEndpointErrorCode.EndpointDisabled,
      'The webhook endpoint is disabled; enable it first',
    ),
};
