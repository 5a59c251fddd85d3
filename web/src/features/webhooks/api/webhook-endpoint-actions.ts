import type {
  WebhookDeliveryView,
  WebhookEndpointView,
  WebhookEndpointWithSecret,
} from '@navaia/shared';
import { api } from '../../../lib/api-client';
import { useWebhookEndpointMutation } from './get-webhook-endpoints';

const action = (id: string, name: string) => `/webhook-endpoints/${encodeURIComponent(id)}/${name}`;

/** A new secret, shown once; the old one keeps signing during the overlap. */
export function rotateWebhookSecret(id: string): Promise<WebhookEndpointWithSecret> {
  return api.post<WebhookEndpointWithSecret>(action(id, 'rotate-secret'));
}

export function enableWebhookEndpoint(id: string): Promise<WebhookEndpointView> {
  return api.post<WebhookEndpointView>(action(id, 'enable'));
}

export function sendWebhookTest(id: string): Promise<WebhookDeliveryView> {
  return api.post<WebhookDeliveryView>(action(id, 'test'));
}

export function useRotateWebhookSecret() {
  return useWebhookEndpointMutation(rotateWebhookSecret);
}

export function useEnableWebhookEndpoint() {
  return useWebhookEndpointMutation(enableWebhookEndpoint);
}

export function useSendWebhookTest() {
  return useWebhookEndpointMutation(sendWebhookTest);
}
