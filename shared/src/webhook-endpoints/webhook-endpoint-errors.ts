/** Error codes of the organisation's outgoing webhook endpoints. */
export enum WebhookEndpointErrorCode {
  ForbiddenTarget = 'forbidden_webhook_target',
  EndpointLimit = 'webhook_endpoint_limit',
  EndpointDisabled = 'endpoint_disabled',
}
