import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Menu,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconDots,
  IconKey,
  IconList,
  IconPencil,
  IconPlayerPlay,
  IconPlus,
  IconPower,
  IconSend,
  IconTrash,
} from '@tabler/icons-react';
import { Role, type WebhookEndpointView, type WebhookEndpointWithSecret } from '@navaia/shared';
import { useState } from 'react';
import { LoadMore } from '../../../components/ui/load-more';
import { notifyError, notifySuccess } from '../../../components/ui/notify';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/query-states';
import { useHasRole } from '../../../lib/use-has-role';
import { useWebhookEndpoints } from '../api/get-webhook-endpoints';
import { useUpdateWebhookEndpoint } from '../api/save-webhook-endpoint';
import {
  useEnableWebhookEndpoint,
  useRotateWebhookSecret,
  useSendWebhookTest,
} from '../api/webhook-endpoint-actions';
import { DeleteWebhookEndpointModal } from './delete-webhook-endpoint-modal';
import { WebhookDeliveriesDrawer } from './webhook-deliveries';
import { WebhookEndpointFormModal } from './webhook-endpoint-form-modal';
import { WebhookSecretModal } from './webhook-secret-modal';
import { endpointName } from './endpoint-name';

function StatusBadge({ endpoint }: { endpoint: WebhookEndpointView }) {
  if (endpoint.enabled) {
    return (
      <Badge color="green" variant="light">
        Enabled
      </Badge>
    );
  }
  return (
    <Stack gap={2}>
      <Badge color="red" variant="light">
        Disabled
      </Badge>
      {endpoint.disabledReason && (
        <Text size="xs" c="dimmed" maw={280}>
          {endpoint.disabledReason}
        </Text>
      )}
    </Stack>
  );
}

function EndpointMenu({
  endpoint,
  onEdit,
  onDeliveries,
  onDelete,
  onSecret,
}: {
  endpoint: WebhookEndpointView;
  onEdit: () => void;
  onDeliveries: () => void;
  onDelete: () => void;
  onSecret: (secret: string) => void;
}) {
  const rotate = useRotateWebhookSecret();
  const enable = useEnableWebhookEndpoint();
  const update = useUpdateWebhookEndpoint();
  const test = useSendWebhookTest();
  const failed = (title: string) => (error: unknown) => notifyError(error, title);

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" aria-label={`Actions for ${endpointName(endpoint)}`}>
          <IconDots size={16} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconList size={14} />} onClick={onDeliveries}>
          Deliveries
        </Menu.Item>
        <Menu.Item leftSection={<IconPencil size={14} />} onClick={onEdit}>
          Edit
        </Menu.Item>
        <Menu.Item
          leftSection={<IconSend size={14} />}
          disabled={!endpoint.enabled}
          onClick={() =>
            test.mutate(endpoint.id, {
              onSuccess: () => notifySuccess('A test event is on its way'),
              onError: failed('Could not send a test event'),
            })
          }
        >
          Send test event
        </Menu.Item>
        <Menu.Item
          leftSection={<IconKey size={14} />}
          onClick={() =>
            rotate.mutate(endpoint.id, {
              onSuccess: (rotated) => onSecret(rotated.secret),
              onError: failed('Could not rotate the secret'),
            })
          }
        >
          Rotate secret
        </Menu.Item>
        {endpoint.enabled ? (
          <Menu.Item
            leftSection={<IconPower size={14} />}
            onClick={() =>
              update.mutate(
                { id: endpoint.id, body: { enabled: false } },
                {
                  onSuccess: () => notifySuccess('The endpoint was disabled'),
                  onError: failed('Could not disable the endpoint'),
                },
              )
            }
          >
            Disable
          </Menu.Item>
        ) : (
          <Menu.Item
            leftSection={<IconPlayerPlay size={14} />}
            onClick={() =>
              enable.mutate(endpoint.id, {
                onSuccess: () => notifySuccess('The endpoint was enabled'),
                onError: failed('Could not enable the endpoint'),
              })
            }
          >
            Enable
          </Menu.Item>
        )}
        <Menu.Divider />
        <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={onDelete}>
          Delete
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/** Settings → Webhooks: where integrators' endpoints and their delivery logs live. */
export function WebhookEndpoints() {
  const canManage = useHasRole(Role.Admin);
  const endpoints = useWebhookEndpoints();
  const [formOpened, { open: openForm, close: closeForm }] = useDisclosure(false);
  const [editing, setEditing] = useState<WebhookEndpointView | null>(null);
  const [deleting, setDeleting] = useState<WebhookEndpointView | null>(null);
  const [showing, setShowing] = useState<WebhookEndpointView | null>(null);
  const [secret, setSecret] = useState<{ value: string; rotated: boolean } | null>(null);
  const rows = endpoints.data?.pages.flatMap((page) => page.data) ?? [];
  // The drawer follows the endpoint as the list refreshes (e.g. after enabling it).
  const shown = rows.find((e) => e.id === showing?.id) ?? showing;

  const startCreate = () => {
    setEditing(null);
    openForm();
  };
  const created = (endpoint: WebhookEndpointWithSecret) => {
    closeForm();
    setSecret({ value: endpoint.secret, rotated: false });
  };

  let body;
  if (endpoints.isPending) body = <LoadingState label="Loading webhook endpoints" />;
  else if (endpoints.isError)
    body = (
      <ErrorState
        error={endpoints.error}
        title="Could not load webhook endpoints"
        onRetry={() => void endpoints.refetch()}
      />
    );
  else if (rows.length === 0)
    body = (
      <EmptyState title="No webhook endpoints yet">
        Add one to have Navaia post ticket and booking events to your systems.
      </EmptyState>
    );
  else
    body = (
      <Table.ScrollContainer minWidth={720}>
        <Table verticalSpacing="sm" data-testid="webhook-endpoints">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>URL</Table.Th>
              <Table.Th>Events</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((endpoint) => (
              <Table.Tr key={endpoint.id} data-testid={`endpoint-${endpoint.id}`}>
                <Table.Td>
                  {endpoint.url !== null ? (
                    <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
                      {endpoint.url}
                    </Text>
                  ) : (
                    <Text size="sm" c="dimmed" fs="italic">
                      URL shown to admins only
                    </Text>
                  )}
                  {endpoint.description && (
                    <Text size="xs" c="dimmed">
                      {endpoint.description}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {endpoint.eventTypes.map((type) => (
                      <Badge key={type} variant="outline" color="gray" tt="none">
                        {type}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <StatusBadge endpoint={endpoint} />
                </Table.Td>
                <Table.Td>
                  {canManage ? (
                    <EndpointMenu
                      endpoint={endpoint}
                      onDeliveries={() => setShowing(endpoint)}
                      onEdit={() => {
                        setEditing(endpoint);
                        openForm();
                      }}
                      onDelete={() => setDeleting(endpoint)}
                      onSecret={(value) => setSecret({ value, rotated: true })}
                    />
                  ) : (
                    <Tooltip label="Delivery log">
                      <ActionIcon
                        variant="subtle"
                        aria-label={`Deliveries to ${endpointName(endpoint)}`}
                        onClick={() => setShowing(endpoint)}
                      >
                        <IconList size={16} />
                      </ActionIcon>
                    </Tooltip>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2} size="h3">
            Webhooks
          </Title>
          <Text size="sm" c="dimmed">
            Navaia posts signed events to these endpoints when tickets and bookings change.
          </Text>
        </div>
        {canManage && (
          <Button leftSection={<IconPlus size={16} />} onClick={startCreate}>
            Add endpoint
          </Button>
        )}
      </Group>
      {body}
      <LoadMore query={endpoints} />
      {canManage && (
        <>
          <WebhookEndpointFormModal
            opened={formOpened}
            endpoint={editing}
            onClose={closeForm}
            onCreated={created}
          />
          <DeleteWebhookEndpointModal endpoint={deleting} onClose={() => setDeleting(null)} />
          <WebhookSecretModal
            secret={secret?.value ?? null}
            rotated={secret?.rotated ?? false}
            onClose={() => setSecret(null)}
          />
        </>
      )}
      <WebhookDeliveriesDrawer
        endpoint={shown}
        canReplay={canManage}
        onClose={() => setShowing(null)}
      />
    </Stack>
  );
}
