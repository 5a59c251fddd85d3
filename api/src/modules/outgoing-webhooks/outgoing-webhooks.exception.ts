import { AppException } from '../../common/errors/app.exception';

export const OutgoingWebhookErrors = {
  endpointNotFound: () => new AppException(404, 'not_found', 'Webhook endpoint not found'),
  deliveryNotFound: () => new AppException(404, 'not_found', 'Webhook delivery not found'),
  forbiddenTarget: (why: string) =>
    new AppException(400, 'forbidden_webhook_target', `url ${why}`, [
      { field: 'url', message: `url ${why}` },
    ]),
  endpointDisabled: () =>
    new AppException(409, 'endpoint_disabled', 'The webhook endpoint is disabled; enable it first'),
};
