import { WebhookDeliveryStatus, type WebhookEventType } from '@navaia/shared';

export const EVENT_TYPE_HELP: Record<WebhookEventType, string> = {
  'ticket.created': 'A ticket was opened (by a person, the API or a call)',
  'ticket.updated': 'A ticket was edited or changed status',
  'booking.created': 'A booking was made',
  'booking.updated': 'A booking was edited or changed status',
  'call.completed': 'A phone call ended',
  'campaign.completed': 'A campaign finished',
};

export const DELIVERY_STATUS_LABELS: Record<WebhookDeliveryStatus, string> = {
  [WebhookDeliveryStatus.Pending]: 'Pending',
  [WebhookDeliveryStatus.Delivered]: 'Delivered',
  [WebhookDeliveryStatus.Failed]: 'Failed',
};

export const DELIVERY_STATUS_COLORS: Record<WebhookDeliveryStatus, string> = {
  [WebhookDeliveryStatus.Pending]: 'yellow',
  [WebhookDeliveryStatus.Delivered]: 'green',
  [WebhookDeliveryStatus.Failed]: 'red',
};
