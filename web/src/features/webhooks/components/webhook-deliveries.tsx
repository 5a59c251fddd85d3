import {
  Badge,
  Button,
  Drawer,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Tooltip,
} from '@mantine/core';
import type { WebhookDeliveryStatus, WebhookEndpointView } from '@navaia/shared';
import { useState } from 'react';
import { LoadMore } from '../../../components/ui/load-more';
import { notifyError, notifySuccess } from '../../../components/ui/notify';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/query-states';
import { formatDateTime } from '../../../lib/format';
import { useWebhookDeliveries } from '../api/get-webhook-deliveries';
import { useReplayWebhookDelivery } from '../api/replay-webhook-delivery';
import { DELIVERY_STATUS_COLORS, DELIVERY_STATUS_LABELS } from './event-type-labels';
import { endpointName } from './endpoint-name';

const FILTERS = [
  { value: 'all', label: 'All' },
  { value: 'pending', label: 'Pending' },
  { value: 'delivered', label: 'Delivered' },
  { value: 'failed', label: 'Failed' },
];

function DeliveryLog({
  endpoint,
  canReplay,
}: {
  endpoint: WebhookEndpointView;
  canReplay: boolean;
}) {
  const [filter, setFilter] = useState('all');
  const status = filter === 'all' ? undefined : (filter as WebhookDeliveryStatus);
  const deliveries = useWebhookDeliveries(endpoint.id, status);
  const replay = useReplayWebhookDelivery();
  const rows = deliveries.data?.pages.flatMap((page) => page.data) ?? [];

  let body;
  if (deliveries.isPending) body = <LoadingState label="Loading deliveries" />;
  else if (deliveries.isError)
    body = (
      <ErrorState
        error={deliveries.error}
        title="Could not load deliveries"
        onRetry={() => void deliveries.refetch()}
      />
    );
  else if (rows.length === 0) body = <EmptyState title="No deliveries yet" />;
  else
    body = (
      <Table.ScrollContainer minWidth={720}>
        <Table verticalSpacing="xs" data-testid="webhook-deliveries">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Event</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Response</Table.Th>
              <Table.Th>Attempts</Table.Th>
              <Table.Th>Last attempt</Table.Th>
              <Table.Th>Next attempt</Table.Th>
              {canReplay && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((d) => (
              <Table.Tr key={d.id} data-testid={`delivery-${d.id}`}>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {d.eventType}
                  </Text>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {d.webhookId}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge color={DELIVERY_STATUS_COLORS[d.status]} variant="light">
                    {DELIVERY_STATUS_LABELS[d.status] ?? d.status}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Tooltip
                    label={d.responseSnippet ?? 'No answer'}
                    disabled={!d.responseSnippet && !d.lastError}
                    multiline
                    maw={360}
                  >
                    <Stack gap={0}>
                      <Text size="sm">{d.lastStatusCode ?? '—'}</Text>
                      {d.lastError && d.lastStatusCode === null && (
                        <Text size="xs" c="red">
                          {d.lastError}
                        </Text>
                      )}
                    </Stack>
                  </Tooltip>
                </Table.Td>
                <Table.Td>{d.attempts}</Table.Td>
                <Table.Td>{formatDateTime(d.lastAttemptAt, 'Not yet')}</Table.Td>
                <Table.Td>{formatDateTime(d.nextAttemptAt)}</Table.Td>
                {canReplay && (
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={`Replay ${d.webhookId}`}
                      disabled={!endpoint.enabled}
                      loading={replay.isPending && replay.variables.deliveryId === d.id}
                      onClick={() =>
                        replay.mutate(
                          { endpointId: endpoint.id, deliveryId: d.id },
                          {
                            onSuccess: () => notifySuccess('The delivery will be attempted again'),
                            onError: (error) => notifyError(error, 'Could not replay'),
                          },
                        )
                      }
                    >
                      Replay
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );

  return (
    <Stack gap="sm">
      <SegmentedControl
        aria-label="Delivery status"
        data={FILTERS}
        value={filter}
        onChange={setFilter}
        w="fit-content"
      />
      {body}
      <LoadMore query={deliveries} />
    </Stack>
  );
}

/** The delivery log of one endpoint, beside the list. */
export function WebhookDeliveriesDrawer({
  endpoint,
  canReplay,
  onClose,
}: {
  endpoint: WebhookEndpointView | null;
  canReplay: boolean;
  onClose: () => void;
}) {
  return (
    <Drawer
      opened={endpoint !== null}
      onClose={onClose}
      position="right"
      size="xl"
      title={endpoint ? `Deliveries to ${endpointName(endpoint)}` : ''}
    >
      {endpoint && <DeliveryLog endpoint={endpoint} canReplay={canReplay} />}
    </Drawer>
  );
}
