import { WebhookEndpoints } from '../../../features/webhooks/components/webhook-endpoints';

export default function WebhooksSettingsRoute() {
  return <WebhookEndpoints />;
}
