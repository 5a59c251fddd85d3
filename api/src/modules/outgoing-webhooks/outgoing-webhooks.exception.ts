import { AppException } from '../../common/errors/app.exception';

export const OutgoingWebhookErrors = {
  endpointNotFound: () => new AppException(404, 'not_found', 'Webhook endpoint not found'),
  deliveryNotFound: () => new AppException(404, 'not_found', 'Webhook delivery not found'),
  forbiddenTarget: (why: string) =>
    new AppException(400, 'forbidden_webhook_target', `url ${why}`, [
      { field: 'url', message: `url ${why}` },
    ]),
  tooManyEndpoints: (limit: number) =>
    new AppException(
      409,
      'webhook_endpoint_limit',
      `An organisation may have at most ${limit} webhook endpoints; delete one first`,
      { limit },
    ),
  endpointDisabled: () =>
    new AppException(409, 'endpoint_disabled', 'The webhook endpoint is disabled; enable it first'),
};
