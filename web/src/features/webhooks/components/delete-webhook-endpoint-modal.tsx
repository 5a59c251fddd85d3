import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { WebhookEndpointView } from '@navaia/shared';
import { FormAlert } from '../../../components/ui/form-alert';
import { notifySuccess } from '../../../components/ui/notify';
import { describeError } from '../../../lib/form-errors';
import { useDeleteWebhookEndpoint } from '../api/delete-webhook-endpoint';
import { endpointName } from './endpoint-name';

export function DeleteWebhookEndpointModal({
  endpoint,
  onClose,
}: {
  endpoint: WebhookEndpointView | null;
  onClose: () => void;
}) {
  const remove = useDeleteWebhookEndpoint();
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <Modal opened={endpoint !== null} onClose={close} title="Delete endpoint" centered>
      <Stack gap="md">
        <FormAlert message={remove.isError ? describeError(remove.error) : null} />
        <Text size="sm">
          Delete <strong>{endpoint && endpointName(endpoint)}</strong>? It receives no more events,
          and its delivery log is deleted with it.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            onClick={() =>
              endpoint &&
              remove.mutate(endpoint.id, {
                onSuccess: () => {
                  notifySuccess('The endpoint was deleted');
                  close();
                },
              })
            }
          >
            Delete
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
