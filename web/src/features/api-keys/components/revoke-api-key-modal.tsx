import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { ApiKeyView } from '@navaia/shared';
import { FormAlert } from '../../../components/ui/form-alert';
import { notifySuccess } from '../../../components/ui/notify';
import { describeError } from '../../../lib/form-errors';
import { useRevokeApiKey } from '../api/revoke-api-key';

export function RevokeApiKeyModal({
  apiKey,
  onClose,
}: {
  apiKey: ApiKeyView | null;
  onClose: () => void;
}) {
  const revoke = useRevokeApiKey();

  const close = () => {
    revoke.reset();
    onClose();
  };

  const confirm = () => {
    if (!apiKey) return;
    revoke.mutate(apiKey.id, {
      onSuccess: () => {
        notifySuccess(`${apiKey.name} was revoked`);
        close();
      },
    });
  };

  return (
    <Modal opened={apiKey !== null} onClose={close} title="Revoke API key" centered>
      <Stack gap="md">
        <FormAlert message={revoke.isError ? describeError(revoke.error) : null} />
        <Text size="sm">
          Revoke <strong>{apiKey?.name}</strong> (<code>nvk_{apiKey?.prefix}_…</code>)? Every
          integration using it stops working immediately. This cannot be undone.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button color="red" loading={revoke.isPending} onClick={confirm}>
            Revoke
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
